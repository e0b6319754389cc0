package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.naming.Reserved;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code app.package} must be a Java package of lower-case segments separated by dots, each
 * starting with a letter, none a Java keyword or literal ({@code com.example.new} is no package),
 * and not under {@code java}, which the Java runtime keeps for itself.
 */
public final class InvalidJavaPackage implements Rule {

  private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9_]*");

  @Override
  public void check(ModelIndex model, Reporter report) {
    model
        .model()
        .app()
        .map(app -> app.javaPackage())
        .ifPresent(p -> problem(p.value()).ifPresent(why -> report(p, why, report)));
  }

  private static void report(Located<String> javaPackage, String why, Reporter report) {
    report.error(
        javaPackage.location(),
        "The Java package `%s` %s.".formatted(javaPackage.value(), why),
        suggestion(javaPackage.value())
            .map(s -> "write `%s`".formatted(s))
            .orElse("use lower-case segments separated by dots, such as `com.example.shop`"));
  }

  private static Optional<String> problem(String javaPackage) {
    String[] segments = javaPackage.split("\\.", -1);
    for (String segment : segments) {
      if (Reserved.isJavaKeyword(segment)) {
        return Optional.of("has the segment `%s`, a reserved word in Java".formatted(segment));
      }
      if (!SEGMENT.matcher(segment).matches()) {
        return Optional.of(
            segment.isEmpty()
                ? "has an empty segment"
                : "has the segment `%s`; segments are lower-case letters, digits and `_`, starting with a letter"
                    .formatted(segment));
      }
    }
    if (segments[0].equals("java")) {
      return Optional.of("is under `java`, which the Java runtime reserves for itself");
    }
    return Optional.empty();
  }

  /** Lower-cased, stripped of what no segment may hold, keywords with {@code _} (JLS 6.1). */
  private static Optional<String> suggestion(String javaPackage) {
    List<String> fixed = new ArrayList<>();
    for (String segment : javaPackage.toLowerCase(Locale.ROOT).split("\\.")) {
      String cleaned = segment.replaceAll("[^a-z0-9_]", "").replaceFirst("^[0-9_]+", "");
      if (!cleaned.isEmpty()) {
        fixed.add(Reserved.isJavaKeyword(cleaned) ? cleaned + "_" : cleaned);
      }
    }
    if (fixed.isEmpty() || fixed.get(0).equals("java")) {
      return Optional.empty();
    }
    String result = String.join(".", fixed);
    return problem(result).isEmpty() ? Optional.of(result) : Optional.empty();
  }
}
