package dev.tracepaper.engine;

import tools.jackson.databind.node.ObjectNode;

/**
 * An event as the event store holds it, in the form this model writes it (older versions are read
 * through their upcasts before they become one): the instance it belongs to, its version in that
 * instance's stream, its name and its fields, who recorded it, and the state of the instance after
 * it (what the store keeps with it, and {@code from} views are kept from).
 */
public record StoredEvent(
    String aggregate,
    String key,
    long version,
    String type,
    ObjectNode payload,
    Caller caller,
    ObjectNode stateAfter) {}
