package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;

/** Behaviour of an aggregate triggered by an event instead of the API. */
public record Policy(
    String name,
    String aggregate,
    EventRef on,
    Creation creation,
    FlowBody body,
    SourceLocation location)
    implements Flow {}
