package dev.tracepaper.extend;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.extend.TemplateExtension.Entry;
import dev.tracepaper.extend.TemplateExtension.FunctionExtension;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Merges {@code extensions/template.yaml} into the generated templates by logical id: sections'
 * entries into the root {@code template.yaml}, variables and policies into each function wherever
 * it was generated (the root template or a nested stack's). Every addition is inserted as the
 * user's own lines at its place; a name the generator already gives is refused, never replaced.
 * What an addition to a nested stack's function reads of the root is passed down ({@link
 * CrossStack}).
 */
final class TemplateMerger {

  /** The generated root template, which receives the extension's sections. */
  static final String ROOT = "template.yaml";

  /** Where a section missing from the root template goes: before the first of these it has. */
  private static final Map<String, List<String>> SECTION_BEFORE =
      Map.of(
          "Parameters", List.of("Mappings", "Conditions", "Globals", "Resources"),
          "Conditions", List.of("Globals", "Resources"),
          "Outputs", List.of());

  /** A generated function: its logical id, the template that holds it, its resource. */
  private record Function(String id, SamTemplate template, MappingNode resource) {}

  /** The merged files by path (only those that changed), what was added, and what was refused. */
  record Result(Map<String, String> files, List<Merged> merged, List<Diagnostic> diagnostics) {}

  private final TemplateExtension extension;
  private final String origin;
  private final List<SamTemplate> templates = new ArrayList<>();
  private final Map<String, Edits> edits = new LinkedHashMap<>();
  private final List<Merged> merged = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** Where the additions for every function were written, and how often each was made. */
  private final Set<SourceLocation> everyFunction = new HashSet<>();

  private final Map<Merged, Integer> forAll = new LinkedHashMap<>();

  /** Passes the root's names that additions to nested stacks refer to down to them. */
  private CrossStack crossStack;

  private TemplateMerger(TemplateExtension extension, String origin) {
    this.extension = extension;
    this.origin = origin;
  }

  /**
   * Merges {@code extension} into the templates among {@code yamlFiles} (generated YAML by path);
   * {@code origin} is the extension's path in the project, named in a comment above what it adds.
   */
  static Result merge(Map<String, String> yamlFiles, TemplateExtension extension, String origin) {
    TemplateMerger merger = new TemplateMerger(extension, origin);
    yamlFiles.forEach(
        (path, content) -> SamTemplate.parse(path, content).ifPresent(merger.templates::add));
    return merger.merge();
  }

  private Result merge() {
    Optional<SamTemplate> root = templates.stream().filter(t -> t.path().equals(ROOT)).findFirst();
    root.ifPresent(r -> crossStack = new CrossStack(r, extension, origin, diagnostics));
    for (String section : TemplateExtension.SECTIONS) {
      List<Entry> entries = extension.sections().getOrDefault(section, List.of());
      if (!entries.isEmpty()) {
        root.ifPresent(r -> section(r, section, entries));
      }
    }
    if (root.isEmpty() && extension.sections().values().stream().anyMatch(e -> !e.isEmpty())) {
      Entry first =
          extension.sections().values().stream().filter(e -> !e.isEmpty()).findFirst().get().get(0);
      diagnostics.add(
          Diagnostic.error(
                  "ExtensionNotMergeable",
                  first.at(),
                  "The generated project has no %s that is a template to add this to."
                      .formatted(ROOT))
              .withHint("sections are added to the root template, template.yaml"));
    }
    functions();
    if (crossStack != null) {
      crossStack.apply(this::edit, merged);
    }
    forAll.forEach(
        (m, n) ->
            merged.add(
                new Merged(m.file(), "every function (%d): %s".formatted(n, m.what()), m.from())));
    Map<String, String> files = new LinkedHashMap<>();
    if (diagnostics.isEmpty()) {
      edits.forEach((path, e) -> files.put(path, e.apply()));
    }
    return new Result(files, merged, diagnostics);
  }

  private void section(SamTemplate root, String section, List<Entry> entries) {
    Map<String, Integer> taken = new LinkedHashMap<>(root.names(section));
    if (section.equals("Resources") || section.equals("Parameters")) {
      // A parameter and a resource share the names `!Ref` reads.
      root.names("Resources").forEach(taken::putIfAbsent);
      root.names("Parameters").forEach(taken::putIfAbsent);
    }
    List<Entry> added = new ArrayList<>();
    for (Entry entry : entries) {
      Integer line = taken.get(entry.name());
      if (line != null) {
        diagnostics.add(
            Diagnostic.error(
                    "ExtensionConflict",
                    entry.at(),
                    "`%s` is already in the generated %s (line %d); an extension adds to the"
                            .formatted(entry.name(), ROOT, line)
                        + " template and never replaces what the model generates.")
                .withHint(
                    "give it a name of its own; to change what is generated, change the model"));
      } else {
        added.add(entry);
        merged.add(new Merged(ROOT, section + ": " + entry.name(), entry.at()));
      }
    }
    if (added.isEmpty()) {
      return;
    }
    boolean spaced = section.equals("Resources");
    Optional<MappingNode> existing = root.section(section);
    if (existing.isPresent()) {
      if (SamTemplate.isFlow(existing.get())) {
        notMergeable(root, existing.get(), section + " is written in `{…}`");
        return;
      }
      int indent = root.keyColumn(existing.get());
      edit(root)
          .insert(
              root.after(existing.get()), (spaced ? "\n" : "") + entries(added, indent, spaced));
    } else {
      int at = root.text().text().length();
      for (String next : SECTION_BEFORE.get(section)) {
        if (SamTemplate.get(root.root(), next).isPresent()) {
          at = root.before(next);
          break;
        }
      }
      String block = section + ":\n" + entries(added, 2, spaced);
      edit(root).insert(at, at == root.text().text().length() ? "\n" + block : block + "\n");
    }
  }

  private void functions() {
    // Logical ids are per template: nested stacks may each have a function of the same id, and
    // an addition for that id goes to each.
    List<Function> all = new ArrayList<>();
    Set<String> functions = new TreeSet<>();
    for (SamTemplate template : templates) {
      template.functions().forEach((id, resource) -> all.add(new Function(id, template, resource)));
    }
    all.forEach(f -> functions.add(f.id()));
    List<FunctionExtension> everyFunctionParts = new ArrayList<>();
    Map<String, FunctionExtension> byFunction = new LinkedHashMap<>();
    for (FunctionExtension function : extension.functions()) {
      if (function.allFunctions()) {
        everyFunctionParts.add(function);
        function.variables().forEach(v -> everyFunction.add(v.at()));
        function.policies().forEach(p -> everyFunction.add(p.at()));
      } else if (!functions.contains(function.logicalId())) {
        String hint = Suggestions.didYouMean(function.logicalId(), functions);
        diagnostics.add(
            Diagnostic.error(
                    "ExtensionUnknownFunction",
                    function.at(),
                    "`%s` is not a function of the generated templates."
                        .formatted(function.logicalId()))
                .withHint(
                    hint.isEmpty()
                        ? "the generated functions are " + String.join(", ", functions)
                        : hint));
      } else {
        byFunction.put(function.logicalId(), function);
      }
    }
    Map<String, Entry> forEvery = new HashMap<>();
    everyFunctionParts.forEach(f -> f.variables().forEach(v -> forEvery.putIfAbsent(v.name(), v)));
    Set<String> reported = new HashSet<>();
    for (Function function : all) {
      String id = function.id();
      SamTemplate template = function.template();
      List<Entry> variables = new ArrayList<>();
      List<Block> policies = new ArrayList<>();
      List<FunctionExtension> parts = new ArrayList<>(everyFunctionParts);
      Optional.ofNullable(byFunction.get(id)).ifPresent(parts::add);
      Set<String> generated = generatedVariables(template, function.resource());
      for (FunctionExtension part : parts) {
        for (Entry variable : part.variables()) {
          if (generated.contains(variable.name())) {
            if (reported.add(variable.name() + "@" + variable.at())) {
              diagnostics.add(
                  Diagnostic.error(
                          "ExtensionConflict",
                          variable.at(),
                          "The generator sets the environment variable `%s` of function `%s`;"
                                  .formatted(variable.name(), id)
                              + " an extension adds variables and never replaces one.")
                      .withHint("give the variable a name of its own"));
            }
          } else if (!part.allFunctions() && forEvery.containsKey(variable.name())) {
            Entry first = forEvery.get(variable.name());
            diagnostics.add(
                Diagnostic.error(
                        "ExtensionConflict",
                        variable.at(),
                        "`%s` is set for every function in `%s` (line %d) and again for `%s`."
                            .formatted(
                                variable.name(),
                                TemplateExtension.ALL_FUNCTIONS,
                                first.at().line(),
                                id))
                    .withHint("set it in one place")
                    .withRelated(first.at()));
          } else {
            variables.add(variable);
          }
        }
        policies.addAll(part.policies());
      }
      if (!variables.isEmpty() || !policies.isEmpty()) {
        extend(template, id, function.resource(), variables, policies, byFunction.get(id));
      }
    }
  }

  private static Set<String> generatedVariables(SamTemplate template, MappingNode function) {
    Set<String> names = new HashSet<>(template.globalVariables());
    names.addAll(
        SamTemplate.keys(
            template
                .mapping(function, "Properties")
                .flatMap(p -> template.mapping(p, "Environment"))
                .flatMap(e -> template.mapping(e, "Variables"))));
    return names;
  }

  private void extend(
      SamTemplate template,
      String id,
      MappingNode function,
      List<Entry> variables,
      List<Block> policies,
      FunctionExtension own) {
    Optional<MappingNode> properties = template.mapping(function, "Properties");
    if (properties.isEmpty() || SamTemplate.isFlow(properties.get())) {
      notMergeable(template, function, "function " + id + " has no indented `Properties`");
      return;
    }
    MappingNode props = properties.get();
    int indent = template.keyColumn(props);
    if (crossStack != null && !template.path().equals(ROOT)) {
      variables =
          variables.stream()
              .map(v -> new Entry(v.name(), v.at(), crossStack.rewrite(template, id, v.block())))
              .toList();
      policies = policies.stream().map(p -> crossStack.rewrite(template, id, p)).toList();
    }
    Edits edit = edit(template);
    if (!variables.isEmpty()) {
      Optional<MappingNode> environment = template.mapping(props, "Environment");
      Optional<MappingNode> vars = environment.flatMap(e -> template.mapping(e, "Variables"));
      if (vars.isPresent() && !SamTemplate.isFlow(vars.get())) {
        edit.insert(
            template.after(vars.get()), entries(variables, template.keyColumn(vars.get()), false));
      } else if (vars.isPresent()) {
        notMergeable(template, vars.get(), "the variables of " + id + " are written in `{…}`");
      } else if (environment.isPresent()) {
        int at = template.keyColumn(environment.get());
        edit.insert(
            template.after(environment.get()),
            " ".repeat(at) + "Variables:\n" + entries(variables, at + 2, false));
      } else {
        edit.insert(
            template.after(props),
            " ".repeat(indent)
                + "Environment:\n"
                + " ".repeat(indent + 2)
                + "Variables:\n"
                + entries(variables, indent + 4, false));
      }
      variables.forEach(v -> added(template, id, "environment variable " + v.name(), v.at()));
    }
    if (!policies.isEmpty()) {
      Optional<Node> existing = SamTemplate.get(props, "Policies");
      if (existing.isPresent()
          && existing.get() instanceof SequenceNode list
          && !SamTemplate.isFlow(list)
          && !list.getValue().isEmpty()) {
        edit.insert(template.after(list), blocks(policies, template.dashColumn(list)));
      } else if (existing.isPresent()) {
        notMergeable(
            template, existing.get(), "the policies of " + id + " are not an indented list");
        return;
      } else if (SamTemplate.get(props, "Role").isPresent()) {
        diagnostics.add(
            Diagnostic.error(
                    "ExtensionConflict",
                    own != null ? own.at() : policies.get(0).at(),
                    "Function `%s` runs with a role of its own (`Role`), to which `Policies`"
                            .formatted(id)
                        + " cannot be added.")
                .withHint("add the statements to that role's resource instead"));
        return;
      } else {
        edit.insert(
            template.after(props),
            " ".repeat(indent) + "Policies:\n" + blocks(policies, indent + 2));
      }
      policies.forEach(p -> added(template, id, "policy", p.at()));
    }
  }

  /**
   * Records an addition to a function; one of {@code AllFunctions} is counted, to be listed once
   * per template rather than once per function.
   */
  private void added(SamTemplate template, String id, String what, SourceLocation at) {
    if (everyFunction.contains(at)) {
      forAll.merge(new Merged(template.path(), what, at), 1, Integer::sum);
    } else {
      merged.add(new Merged(template.path(), id + ": " + what, at));
    }
  }

  private String entries(List<Entry> entries, int indent, boolean spaced) {
    StringBuilder out = new StringBuilder(comment(indent));
    for (int i = 0; i < entries.size(); i++) {
      if (spaced && i > 0) {
        out.append('\n');
      }
      out.append(entries.get(i).block().indented(indent));
    }
    return out.toString();
  }

  private String blocks(List<Block> blocks, int indent) {
    StringBuilder out = new StringBuilder(comment(indent));
    blocks.forEach(b -> out.append(b.indented(indent)));
    return out.toString();
  }

  /** The comment above every insertion, so that a reader of the template knows where it is from. */
  private String comment(int indent) {
    return " ".repeat(indent) + "# Added from " + origin + " (hand-written).\n";
  }

  private Edits edit(SamTemplate template) {
    return edits.computeIfAbsent(template.path(), p -> new Edits(template.text().text()));
  }

  /**
   * The generated template is laid out in a way text cannot be inserted into (a custom template).
   */
  private void notMergeable(SamTemplate template, Node node, String why) {
    diagnostics.add(
        Diagnostic.error(
                "ExtensionNotMergeable",
                SourceLocation.of(template.path(), template.line(node), template.column(node) + 1),
                "The generated %s cannot take the extension: %s.".formatted(template.path(), why))
            .withHint("write the generated template in block style (as the built-in one is)"));
  }
}
