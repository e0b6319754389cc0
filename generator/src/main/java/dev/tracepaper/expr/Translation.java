package dev.tracepaper.expr;

import java.util.Set;

/** What {@link JavaTranslator} makes of one checked expression. */
public sealed interface Translation {

  /**
   * One Java expression.
   *
   * @param code the Java expression, e.g. {@code (state.available() > 0L)}
   * @param imports the classes the code names by simple name, e.g. {@code java.util.Objects}
   */
  record Java(String code, Set<String> imports) implements Translation {
    public Java {
      imports = Set.copyOf(imports);
    }
  }

  /**
   * A construct the translator has no Java for.
   *
   * @param offset the code point offset of the construct in the expression
   * @param construct what it is, in the modeller's words, e.g. "the function `format`"
   * @param hint what to write instead
   */
  record NotTranslatable(int offset, String construct, String hint) implements Translation {}
}
