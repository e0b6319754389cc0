package dev.tracepaper.engine;

/**
 * A field's problem in a {@code VALIDATION} failure, by its path ({@code address.city}), as the
 * runtime's {@code FieldError} names it.
 */
public record FieldProblem(String field, String message) {}
