package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.StoredEvent;

/** The event the bus delivers to a policy, as the publisher sends it. */
final class BusEvents {

  private BusEvents() {}

  static ObjectNode of(StoredEvent event) {
    ObjectNode busEvent = Json.object();
    busEvent.put("source", event.source());
    busEvent.put("detail-type", event.type());
    // The publisher sends the event without the state it carries in the store.
    busEvent.set("detail", event.withoutState().toJson());
    return busEvent;
  }
}
