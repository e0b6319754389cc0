package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;

/** A value of the model with the place it was written. */
public record Located<T>(T value, SourceLocation location) {}
