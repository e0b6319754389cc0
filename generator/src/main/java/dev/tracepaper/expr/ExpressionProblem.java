package dev.tracepaper.expr;

import dev.tracepaper.source.SourceLocation;

/**
 * A problem CEL found in an expression, put in the modeller's words.
 *
 * @param kind what sort of problem; each kind is reported by its own rule
 * @param location the offending character in the YAML file
 * @param message what is wrong, naming the expression's place
 * @param hint how to fix it, or ""
 */
public record ExpressionProblem(Kind kind, SourceLocation location, String message, String hint) {

  public enum Kind {
    /** The text is not CEL. */
    SYNTAX,
    /** A name (variable or function) that is not in scope. */
    UNKNOWN_NAME,
    /** A field that the selected struct does not have. */
    UNKNOWN_FIELD,
    /** Any other type error: an operator or function applied to values it does not take. */
    TYPE
  }
}
