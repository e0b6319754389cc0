package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.Optional;

/**
 * The {@code app:} section: what the application is called, how callers are admitted, and the
 * minimum coverage of its scenarios.
 */
public record App(
    Located<String> name,
    Located<String> javaPackage,
    Optional<String> description,
    AuthConfig auth,
    Optional<Scenario.Coverage> scenarioCoverage,
    SourceLocation location) {}
