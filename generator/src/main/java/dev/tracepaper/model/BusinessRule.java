package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;

/** {@code require: <CEL>} with the {@code code} and {@code message} a failure reports. */
public record BusinessRule(
    Expression require, Located<String> code, String message, SourceLocation location) {}
