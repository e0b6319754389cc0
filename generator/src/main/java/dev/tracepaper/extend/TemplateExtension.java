package dev.tracepaper.extend;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.SourceFile;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlFile;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.source.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code extensions/template.yaml} as read: the entries of each template section to add, and per
 * function (or for every function) the environment variables and policies to add, each entry as the
 * lines the user wrote (docs/extending.md). Problems of the file itself are located diagnostics;
 * conflicts with the generated template are the merger's to find.
 */
record TemplateExtension(
    SourceFile source,
    Map<String, List<Entry>> sections,
    List<FunctionExtension> functions,
    List<Diagnostic> diagnostics) {

  /** The template sections an extension may add entries to, in the order CloudFormation lists. */
  static final List<String> SECTIONS = List.of("Parameters", "Conditions", "Resources", "Outputs");

  static final String FUNCTIONS = "Functions";
  static final String ALL_FUNCTIONS = "AllFunctions";

  /** One named entry (a resource, an output, a variable) with its lines. */
  record Entry(String name, SourceLocation at, Block block) {}

  /** What to add to one function, or with {@code allFunctions} to every one. */
  record FunctionExtension(
      String logicalId,
      SourceLocation at,
      boolean allFunctions,
      List<Entry> variables,
      List<Block> policies) {}

  static TemplateExtension read(String content, String displayName) {
    return new Reader(content, displayName).read();
  }

  boolean isEmpty() {
    return sections.values().stream().allMatch(List::isEmpty) && functions.isEmpty();
  }

  private static final class Reader {
    private final Text text;
    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, List<Entry>> sections = new LinkedHashMap<>();
    private final List<FunctionExtension> functions = new ArrayList<>();

    Reader(String content, String file) {
      this.text = new Text(content);
      this.file = file;
    }

    TemplateExtension read() {
      SourceFile source = new SourceFile(file, text.text());
      if (onlyComments()) {
        return done(source);
      }
      YamlFile yaml = new YamlReader().read(text.text(), file);
      for (Diagnostic d : yaml.diagnostics()) {
        diagnostics.add(
            d.id().equals("YamlNotAMapping")
                ? Diagnostic.error(
                        "ExtensionNotAMapping",
                        d.location(),
                        "The file holds something else than a mapping; an extension of the template"
                            + " is a mapping of sections (`Resources:`, `Functions:`, …).")
                    .withHint("see docs/extending.md for an example")
                : d);
      }
      if (yaml.root().isEmpty() || !diagnostics.isEmpty()) {
        return done(source);
      }
      MappingNode root = yaml.root().get();
      List<int[]> spans = Spans.of(text, keyLines(root), 1, text.lines() + 1);
      for (int i = 0; i < root.entries().size(); i++) {
        MappingNode.Entry entry = root.entries().get(i);
        int end = spans.get(i)[1];
        String key = entry.name();
        if (SECTIONS.contains(key)) {
          sections.put(key, entries(entry, end));
        } else if (key.equals(FUNCTIONS)) {
          functions(entry, end);
        } else if (key.equals(ALL_FUNCTIONS)) {
          function(entry, end, true).ifPresent(functions::add);
        } else {
          List<String> known = new ArrayList<>(SECTIONS);
          known.add(FUNCTIONS);
          known.add(ALL_FUNCTIONS);
          String hint = Suggestions.didYouMean(key, known);
          diagnostics.add(
              Diagnostic.error(
                      "ExtensionUnknownKey",
                      entry.key().location(),
                      "`%s` cannot be extended; an extension of the template holds %s."
                          .formatted(
                              key,
                              String.join(", ", known.stream().map(k -> "`" + k + "`").toList())))
                  .withHint(
                      hint.isEmpty()
                          ? "what the model generates is changed in the model; see docs/extending.md"
                          : hint));
        }
      }
      return done(source);
    }

    private TemplateExtension done(SourceFile source) {
      return new TemplateExtension(source, sections, functions, diagnostics);
    }

    private boolean onlyComments() {
      for (int line = 1; line <= text.lines(); line++) {
        if (!text.isBlank(line)
            && !text.isComment(line)
            && !text.line(line).strip().equals("---")) {
          return false;
        }
      }
      return true;
    }

    /** The named entries of a section, each with its lines. */
    private List<Entry> entries(MappingNode.Entry section, int end) {
      Optional<MappingNode> mapping = block(section, "a mapping of names");
      if (mapping.isEmpty()) {
        return List.of();
      }
      MappingNode map = mapping.get();
      List<int[]> spans = Spans.of(text, keyLines(map), section.key().location().line() + 1, end);
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < map.entries().size(); i++) {
        ScalarNode key = map.entries().get(i).key();
        int[] span = spans.get(i);
        entries.add(
            new Entry(
                key.value(),
                key.location(),
                Block.cut(
                    text, span[0], span[1] - 1, key.location().column() - 1, key.location())));
      }
      return entries;
    }

    private void functions(MappingNode.Entry section, int end) {
      Optional<MappingNode> mapping =
          block(section, "a mapping of the generated functions' logical ids");
      if (mapping.isEmpty()) {
        return;
      }
      MappingNode map = mapping.get();
      List<int[]> spans = Spans.of(text, keyLines(map), section.key().location().line() + 1, end);
      for (int i = 0; i < map.entries().size(); i++) {
        function(map.entries().get(i), spans.get(i)[1], false).ifPresent(functions::add);
      }
    }

    private Optional<FunctionExtension> function(MappingNode.Entry function, int end, boolean all) {
      Optional<MappingNode> mapping = block(function, "a mapping of `Environment` and `Policies`");
      if (mapping.isEmpty()) {
        return Optional.empty();
      }
      MappingNode map = mapping.get();
      List<int[]> spans = Spans.of(text, keyLines(map), function.key().location().line() + 1, end);
      List<Entry> variables = List.of();
      List<Block> policies = List.of();
      for (int i = 0; i < map.entries().size(); i++) {
        MappingNode.Entry entry = map.entries().get(i);
        switch (entry.name()) {
          case "Environment" -> variables = environment(entry, spans.get(i)[1]);
          case "Policies" -> policies = policies(entry, spans.get(i)[1]);
          default ->
              diagnostics.add(
                  Diagnostic.error(
                          "ExtensionUnknownKey",
                          entry.key().location(),
                          "`%s` cannot be added to a function; an extension of a function holds"
                                  .formatted(entry.name())
                              + " `Environment` (its `Variables`) and `Policies`.")
                      .withHint(
                          hintOr(
                              entry.name(),
                              List.of("Environment", "Policies"),
                              "the rest of a function is generated from the model")));
        }
      }
      return Optional.of(
          new FunctionExtension(
              function.name(), function.key().location(), all, variables, policies));
    }

    private List<Entry> environment(MappingNode.Entry environment, int end) {
      Optional<MappingNode> mapping = block(environment, "a mapping with `Variables`");
      if (mapping.isEmpty()) {
        return List.of();
      }
      MappingNode map = mapping.get();
      List<int[]> spans =
          Spans.of(text, keyLines(map), environment.key().location().line() + 1, end);
      List<Entry> variables = new ArrayList<>();
      for (int i = 0; i < map.entries().size(); i++) {
        MappingNode.Entry entry = map.entries().get(i);
        if (entry.name().equals("Variables")) {
          variables.addAll(entries(entry, spans.get(i)[1]));
        } else {
          diagnostics.add(
              Diagnostic.error(
                      "ExtensionUnknownKey",
                      entry.key().location(),
                      "`Environment` holds `Variables` only, not `%s`.".formatted(entry.name()))
                  .withHint(hintOr(entry.name(), List.of("Variables"), "see docs/extending.md")));
        }
      }
      return variables;
    }

    private List<Block> policies(MappingNode.Entry policies, int end) {
      YamlNode value = policies.value();
      if (value instanceof ScalarNode scalar && scalar.isNull()) {
        return List.of();
      }
      if (!(value instanceof SequenceNode list) || isFlow(value)) {
        diagnostics.add(
            Diagnostic.error(
                    "ExtensionShape",
                    value.location(),
                    "`Policies` is %s here; it is a list written one item a line (`- …`)."
                        .formatted(isFlow(value) ? "written in `[…]`" : value.describe()))
                .withHint("write each policy as an item of an indented list, as SAM does"));
        return List.of();
      }
      List<Integer> dashLines = new ArrayList<>();
      List<Integer> dashColumns = new ArrayList<>();
      for (YamlNode item : list.items()) {
        int dash = dashBefore(item.location());
        dashLines.add(text.lineOf(dash));
        dashColumns.add(text.columnOf(dash));
      }
      List<int[]> spans = Spans.of(text, dashLines, policies.key().location().line() + 1, end);
      List<Block> blocks = new ArrayList<>();
      for (int i = 0; i < list.items().size(); i++) {
        int[] span = spans.get(i);
        SourceLocation at = SourceLocation.of(file, dashLines.get(i), dashColumns.get(i));
        blocks.add(Block.cut(text, span[0], span[1] - 1, dashColumns.get(i) - 1, at));
      }
      return blocks;
    }

    /** The offset of the {@code -} that starts the list item at {@code item}. */
    private int dashBefore(SourceLocation item) {
      int i = text.offset(item.line(), item.column()) - 1;
      while (i >= 0 && Character.isWhitespace(text.text().charAt(i))) {
        i--;
      }
      return Math.max(0, i);
    }

    /**
     * The value of {@code entry} as a block mapping, or empty (nothing to add) when it is empty;
     * any other value is reported.
     */
    private Optional<MappingNode> block(MappingNode.Entry entry, String what) {
      YamlNode value = entry.value();
      if (value instanceof ScalarNode scalar && scalar.isNull()) {
        return Optional.empty();
      }
      if (value instanceof MappingNode map && map.isEmpty()) {
        return Optional.empty();
      }
      if (!(value instanceof MappingNode map) || isFlow(value)) {
        diagnostics.add(
            Diagnostic.error(
                    "ExtensionShape",
                    value.location(),
                    "`%s` is %s here; it is %s, written one entry a line."
                        .formatted(
                            entry.name(),
                            isFlow(value) ? "written in `{…}`" : value.describe(),
                            what))
                .withHint("write it as an indented block; see docs/extending.md"));
        return Optional.empty();
      }
      return Optional.of(map);
    }

    private boolean isFlow(YamlNode node) {
      SourceLocation at = node.location();
      String line = text.line(at.line());
      int index = text.offset(at.line(), at.column()) - text.lineStart(at.line());
      return index < line.length() && (line.charAt(index) == '{' || line.charAt(index) == '[');
    }

    private static List<Integer> keyLines(MappingNode map) {
      return map.entries().stream().map(e -> e.key().location().line()).toList();
    }

    private static String hintOr(String wrong, List<String> known, String otherwise) {
      String hint = Suggestions.didYouMean(wrong, known);
      return hint.isEmpty() ? otherwise : hint;
    }
  }
}
