package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.output.GeneratedFile;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A name whose generated file or folder cannot exist on every system the project is checked out on:
 * a Windows device name ({@code Con} gives the package folder {@code con/}, which Windows cannot
 * create), or a file name longer than file systems allow (255 bytes). The writer refuses such paths
 * too; this rule says so at validation, at the name, instead of an internal error.
 */
public final class UnportableFileName implements Rule {

  /** Names InvalidName accepts; the others are reported there, once. */
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private static final int SHOWN = 60;

  @Override
  public void check(ModelIndex model, Reporter report) {
    model.model().app().map(app -> app.javaPackage()).ifPresent(p -> checkPackage(p, report));
    GeneratedNames names = GeneratedNames.of(model);
    // The base package's folders are judged once, above; an element is judged by its own part.
    String base =
        model.model().app().map(a -> a.javaPackage().value().replace('.', '/') + "/").orElse("");
    for (NamedElement e : NamedElements.of(model)) {
      if (e.shadowed() || !WORD.matcher(e.name()).matches()) {
        continue;
      }
      for (GeneratedNames.Claim claim : names.of(e)) {
        if (claim.namespace() != GeneratedNames.Namespace.FILE) {
          continue;
        }
        Optional<String> problem = problem(ownPart(claim.name(), base));
        if (problem.isPresent()) {
          report.error(
              e.location(),
              "%s would be generated as `%s`, which cannot be written on every system: %s."
                  .formatted(e.describeCapitalized(), shorten(claim.name()), problem.get()),
              "choose another name for the %s; generated file names must be valid on Windows, macOS and Linux"
                  .formatted(e.kind().label));
          break;
        }
      }
    }
  }

  private static void checkPackage(Located<String> javaPackage, Reporter report) {
    problem("src/main/java/" + javaPackage.value().replace('.', '/'))
        .ifPresent(
            why ->
                report.error(
                    javaPackage.location(),
                    "The Java package `%s` becomes folders that cannot be created on every system: %s."
                        .formatted(javaPackage.value(), why),
                    "choose other segments; `con`, `nul`, `aux`, `prn`, `com1` to `com9` and"
                        + " `lpt1` to `lpt9` are device names on Windows"));
  }

  /** The path after {@code src/main/java/<base package>/} (or the test sources'), if under it. */
  private static String ownPart(String path, String base) {
    for (String root : new String[] {"src/main/java/", "src/test/java/"}) {
      if (!base.isEmpty() && path.startsWith(root + base)) {
        return path.substring((root + base).length());
      }
    }
    return path;
  }

  /** The first segment of a path that cannot be written everywhere, and why. */
  private static Optional<String> problem(String path) {
    for (String segment : path.split("/")) {
      Optional<String> why = GeneratedFile.segmentProblem(segment);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  private static String shorten(String path) {
    return path.length() <= SHOWN ? path : path.substring(0, SHOWN) + "…";
  }
}
