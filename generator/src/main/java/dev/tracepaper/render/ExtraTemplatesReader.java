package dev.tracepaper.render;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.render.ExtraTemplates.Each;
import dev.tracepaper.render.ExtraTemplates.Extra;
import dev.tracepaper.render.TemplateSetupException.Problem;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlFile;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.source.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code templates.yaml} and checks the folder against it: every problem is collected, so one
 * run names them all.
 */
final class ExtraTemplatesReader {

  private static final String FTL = ".ftl";
  private static final String LIB = "lib/";
  private static final List<String> ROOT_KEYS = List.of("extra");
  private static final List<String> EXTRA_KEYS = List.of("template", "each", "output", "stub");

  private final Path folder;
  private final Set<String> builtIns;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Extra> extras = new LinkedHashMap<>();
  private final Set<String> listed = new HashSet<>();
  private boolean listKnown = true;

  ExtraTemplatesReader(Path folder, List<String> builtIns) {
    this.folder = folder;
    this.builtIns = Set.copyOf(builtIns);
  }

  ExtraTemplates read() throws IOException {
    Path config = folder.resolve(ExtraTemplates.CONFIG);
    if (Files.isRegularFile(config)) {
      readConfig(config);
    }
    // Unreadable, the list cannot tell a misspelt override from a listed template.
    if (listKnown) {
      checkFolder();
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(Problem::location));
      throw new TemplateSetupException(problems);
    }
    return new ExtraTemplates(folder, List.copyOf(extras.values()));
  }

  private void readConfig(Path config) {
    YamlFile file = new YamlReader().read(config, config.toString());
    for (Diagnostic d : file.diagnostics()) {
      if (d.severity() != Severity.ERROR || d.id().equals("YamlEmpty")) {
        continue;
      }
      String message =
          d.id().equals("YamlNotAMapping")
              ? "templates.yaml holds a mapping whose one key is `extra` (a list of templates)."
              : d.message();
      problems.add(new Problem(d.location(), message + (d.hasHint() ? " (" + d.hint() + ")" : "")));
    }
    if (file.root().isEmpty()) {
      listKnown = file.diagnostics().stream().allMatch(d -> d.id().equals("YamlEmpty"));
      return;
    }
    MappingNode root = file.root().get();
    unknownKeys(root, ROOT_KEYS, "templates.yaml");
    Optional<YamlNode> list = root.get("extra");
    if (list.isEmpty() || list.get() instanceof ScalarNode s && s.isNull()) {
      return;
    }
    if (!(list.get() instanceof SequenceNode items)) {
      problems.add(
          new Problem(
              list.get().location(),
              "`extra` is a list of templates (`- template: …`), not "
                  + list.get().describe()
                  + "."));
      listKnown = false;
      return;
    }
    for (YamlNode item : items.items()) {
      if (item instanceof MappingNode mapping) {
        readExtra(mapping);
      } else {
        problems.add(
            new Problem(
                item.location(),
                "an entry of `extra` is a mapping such as `template: docs/NOTES.md.ftl`, not "
                    + item.describe()
                    + "."));
      }
    }
  }

  private void unknownKeys(MappingNode mapping, List<String> known, String where) {
    for (MappingNode.Entry entry : mapping.entries()) {
      if (!known.contains(entry.name())) {
        String hint = Suggestions.didYouMean(entry.name(), known);
        problems.add(
            new Problem(
                entry.key().location(),
                "`%s` is not a key of %s; it takes %s%s."
                    .formatted(
                        entry.name(),
                        where,
                        String.join(", ", known.stream().map(k -> "`" + k + "`").toList()),
                        hint.isEmpty() ? "" : " (" + hint + ")")));
      }
    }
  }

  private void readExtra(MappingNode entry) {
    unknownKeys(entry, EXTRA_KEYS, "an entry of `extra`");
    Optional<ScalarNode> template = text(entry, "template");
    Optional<ScalarNode> each = text(entry, "each");
    Optional<ScalarNode> output = text(entry, "output");
    boolean stub = flag(entry, "stub");
    if (template.isEmpty()) {
      if (entry.get("template").isEmpty()) {
        problems.add(
            new Problem(
                entry.location(), "an entry of `extra` needs `template`: its path in the folder."));
      }
      return;
    }
    String path = template.get().value();
    listed.add(path);
    SourceLocation at = template.get().location();
    Optional<Each> kind = Optional.of(Each.PROJECT);
    if (each.isPresent()) {
      kind = Each.of(each.get().value());
      if (kind.isEmpty()) {
        String hint = Suggestions.didYouMean(each.get().value(), Each.words());
        problems.add(
            new Problem(
                each.get().location(),
                "`each: %s` is not a kind of element; it is one of %s%s."
                    .formatted(
                        each.get().value(),
                        String.join(", ", Each.words()),
                        hint.isEmpty() ? "" : " (" + hint + ")")));
      } else if (kind.get() != Each.PROJECT && output.isEmpty()) {
        problems.add(
            new Problem(
                each.get().location(),
                "`%s` is rendered once per %s, so it needs an `output` naming a different file for each (e.g. with ${%s.name})."
                    .formatted(path, kind.get().word(), kind.get().word())));
      }
    }
    if (output.isPresent()) {
      String value = output.get().value();
      Optional<String> problem =
          value.isBlank()
              ? Optional.of("is empty")
              : pathProblem(value.replaceAll("\\$\\{[^}]*}", "x"));
      problem.ifPresent(
          p ->
              problems.add(
                  new Problem(output.get().location(), "the output `" + value + "` " + p + ".")));
    }
    if (checkTemplate(path, at) && kind.isPresent()) {
      SourceLocation outputAt = output.map(ScalarNode::contentLocation).orElse(at);
      extras.put(
          path, new Extra(path, kind.get(), output.map(ScalarNode::value), at, outputAt, stub));
    }
  }

  /** Whether {@code path} is a template this folder may add; if not, says why. */
  private boolean checkTemplate(String path, SourceLocation at) {
    Optional<String> problem = pathProblem(path);
    String message = null;
    if (problem.isPresent()) {
      message = "the template `" + path + "` " + problem.get() + "; it is a path in the folder.";
    } else if (builtIns.contains(path)) {
      message =
          "`%s` is a built-in template: %s overrides it already, no need to list it."
              .formatted(path, folder.resolve(path));
    } else if (!path.endsWith(FTL)) {
      message = "`" + path + "` is not a template: an extra template's name ends in `.ftl`.";
    } else if (path.startsWith(LIB)) {
      message = "`" + path + "` is in lib/, which holds macros and gives no file; move it out.";
    } else if (!Files.isRegularFile(folder.resolve(path))) {
      message = "`%s` is listed, but %s does not exist.".formatted(path, folder.resolve(path));
    } else if (extras.containsKey(path)) {
      message =
          "`%s` is listed twice (first at line %d)."
              .formatted(path, extras.get(path).location().line());
    }
    if (message != null) {
      problems.add(new Problem(at, message));
    }
    return message == null;
  }

  private boolean flag(MappingNode entry, String key) {
    Optional<YamlNode> value = entry.get(key);
    if (value.isEmpty()) {
      return false;
    }
    if (value.get() instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN) {
      return Boolean.parseBoolean(s.value().toLowerCase(java.util.Locale.ROOT));
    }
    problems.add(
        new Problem(
            value.get().location(),
            "`%s` is true or false, not %s.".formatted(key, value.get().describe())));
    return false;
  }

  private Optional<ScalarNode> text(MappingNode entry, String key) {
    Optional<YamlNode> value = entry.get(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof ScalarNode s
        && s.kind() == ScalarNode.Kind.STRING
        && !s.value().isEmpty()) {
      return Optional.of(s);
    }
    problems.add(
        new Problem(
            value.get().location(),
            "`%s` is a text, not %s.".formatted(key, value.get().describe())));
    return Optional.empty();
  }

  /**
   * Every file of the folder must be an override, listed, a macro library or {@code
   * templates.yaml}: any other is most likely an override whose name is misspelt, which would
   * otherwise be ignored without a word.
   */
  private void checkFolder() throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files =
          walk.filter(Files::isRegularFile)
              .map(p -> folder.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    for (String file : files) {
      String name = file.substring(file.lastIndexOf('/') + 1);
      // Hidden files and folders (.git/, .DS_Store) belong to tools, not to tracepaper.
      boolean hidden = file.startsWith(".") || file.contains("/.");
      if (file.equals(ExtraTemplates.CONFIG)
          || file.startsWith(LIB)
          || hidden
          || builtIns.contains(file)
          || listed.contains(file)) {
        continue;
      }
      String hint =
          Suggestions.closest(file, builtIns)
              .or(() -> sameName(name))
              .map(b -> " Did you mean to override `" + b + "`?")
              .orElse("");
      problems.add(
          new Problem(
              SourceLocation.ofFile(folder.resolve(file).toString()),
              "not a built-in template (so it overrides nothing) and not listed under `extra` in"
                  + " templates.yaml, so it would be ignored."
                  + hint));
    }
  }

  /** A built-in of the same file name in another folder: the override is in the wrong place. */
  private Optional<String> sameName(String name) {
    return builtIns.stream()
        .filter(b -> b.endsWith("/" + name) || b.equals(name))
        .sorted()
        .findFirst();
  }

  /**
   * Why a path cannot name a file inside the project, or empty when it can: relative, {@code /}
   * separators, no {@code .}, {@code ..} or empty segment.
   */
  static Optional<String> pathProblem(String path) {
    if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
      return Optional.of("is absolute; it must be relative to the project");
    }
    if (path.contains("\\")) {
      return Optional.of("holds a backslash; separate folders with `/`");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        return Optional.of("escapes the project (`..`)");
      }
      if (segment.isEmpty() || segment.equals(".")) {
        return Optional.of("has an empty or `.` folder");
      }
    }
    return Optional.empty();
  }
}
