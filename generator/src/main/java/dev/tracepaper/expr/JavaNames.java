package dev.tracepaper.expr;

import java.util.Map;

/**
 * How the names of an expression are written in the generated Java code.
 *
 * @param variables the Java name of each scope name that is not written as it is in CEL (e.g. a
 *     {@code let} variable whose Java local has another name); names not listed keep their CEL name
 * @param runtime the simple name of the runtime's helper class (see {@code
 *     runtime/src/main/java/dev/tracepaper/runtime/Expressions.java})
 * @param values the records object literals build, and how their components are converted
 */
public record JavaNames(Map<String, String> variables, String runtime, JavaValues values) {

  /** The name of the helper class the translated code calls, unless a generator chooses another. */
  public static final String RUNTIME = "Expressions";

  public JavaNames {
    variables = Map.copyOf(variables);
  }

  public JavaNames(Map<String, String> variables, String runtime) {
    this(variables, runtime, JavaValues.plain());
  }

  /** Every name as in CEL, helpers in {@value #RUNTIME}. */
  public static JavaNames plain() {
    return new JavaNames(Map.of(), RUNTIME);
  }

  String variable(String celName) {
    return variables.getOrDefault(celName, celName);
  }
}
