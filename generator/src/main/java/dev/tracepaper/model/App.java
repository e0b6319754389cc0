package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.Optional;

/** The {@code app:} section: what the application is called and how callers are admitted. */
public record App(
    Located<String> name,
    Located<String> javaPackage,
    Optional<String> description,
    AuthConfig auth,
    SourceLocation location) {}
