package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;

/** A named regular expression; {@code {{Other}}} inside splices another pattern. */
public record PatternDef(String name, Located<String> regex, SourceLocation location) {}
