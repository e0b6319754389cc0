package dev.tracepaper.extend;

import dev.tracepaper.source.SourceLocation;

/**
 * One thing an extension file added to a generated file: {@code file} (a path of the project), what
 * was added in words ({@code Resources: ReportsBucket}), and the place it was written.
 */
public record Merged(String file, String what, SourceLocation from) {}
