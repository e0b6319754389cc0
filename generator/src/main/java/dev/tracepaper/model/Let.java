package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;

/** A flow variable: {@code name: <CEL>}, evaluated in order before the rules. */
public record Let(String name, Expression value, SourceLocation location) {}
