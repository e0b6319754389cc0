package dev.tracepaper.extend;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.extend.References.Reference;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * What an extension adds to a function of a nested stack may refer to names of the root template
 * ({@code !Ref ReportsBucket}, {@code !GetAtt ReportsBucket.Arn}, {@code ${ReportsBucket.Arn}}),
 * which a nested template cannot read. Each such value is passed down: a parameter of the nested
 * template, set by the root's {@code AWS::Serverless::Application} of that stack, and the reference
 * rewritten to read it (docs/extending.md). A name neither template has, and a root condition, are
 * refused at the place they are written.
 */
final class CrossStack {

  /** CloudFormation's limit on a template's parameters. */
  static final int MAX_PARAMETERS = 200;

  /** What the root passes: {@code !Ref name} ({@code attribute} null) or {@code !GetAtt}. */
  private record Value(String name, String attribute) {
    String parameterName() {
      return (name + (attribute == null ? "" : attribute)).replaceAll("[^A-Za-z0-9]", "");
    }

    String shown() {
      return attribute == null ? name : name + "." + attribute;
    }
  }

  /**
   * A parameter a nested template gets: its name, what the root passes, its type, and the first
   * reference that needs it.
   */
  private record Passed(
      String name, String value, String type, String description, SourceLocation at) {}

  private final SamTemplate root;
  private final String origin;
  private final List<Diagnostic> diagnostics;
  private final TemplateNames rootNames;
  private final Map<SamTemplate, TemplateNames> nestedNames = new LinkedHashMap<>();

  /** Per nested template: the parameter each value is read from, and those to add. */
  private final Map<SamTemplate, Map<Value, String>> names = new LinkedHashMap<>();

  private final Map<SamTemplate, List<Passed>> added = new LinkedHashMap<>();
  private final Set<String> reported = new HashSet<>();

  CrossStack(
      SamTemplate root, TemplateExtension extension, String origin, List<Diagnostic> diagnostics) {
    this.root = root;
    this.origin = origin;
    this.diagnostics = diagnostics;
    this.rootNames = TemplateNames.of(root, extension);
  }

  /**
   * {@code block}, added to function {@code function} of the nested template {@code nested}, with
   * its references to the root's names rewritten to read parameters passed down.
   */
  Block rewrite(SamTemplate nested, String function, Block block) {
    String source = String.join("\n", block.lines());
    // Resolved in the order written, so that parameters are added in that order; replaced from
    // the end, so that each offset still holds.
    List<Reference> references = References.in(source);
    List<String> parameters = new ArrayList<>();
    for (Reference reference : references) {
      SourceLocation at =
          SourceLocation.of(
              block.at().file(),
              block.first() + reference.line(),
              block.anchor() + reference.column() + 1);
      parameters.add(resolve(nested, function, reference, at).orElse(null));
    }
    StringBuilder text = new StringBuilder(source);
    for (int i = references.size() - 1; i >= 0; i--) {
      Reference reference = references.get(i);
      if (parameters.get(i) != null) {
        text.replace(
            reference.from(), reference.to(), reference.rewrite().apply(parameters.get(i)));
      }
    }
    return block.with(Arrays.asList(text.toString().split("\n", -1)));
  }

  /** The parameter that reads {@code reference}, when it is a root name passed down. */
  private Optional<String> resolve(
      SamTemplate nested, String function, Reference reference, SourceLocation at) {
    String name = reference.name();
    if (name.startsWith("AWS::")) {
      return Optional.empty();
    }
    TemplateNames own = nestedNames.computeIfAbsent(nested, TemplateNames::of);
    if (reference.condition()) {
      if (!own.hasCondition(name)) {
        if (rootNames.hasCondition(name)) {
          refuse(
              at,
              "ExtensionCrossStack",
              "Function `%s` is in the nested stack %s, which cannot evaluate the condition `%s`"
                      .formatted(function, nested.path(), name)
                  + " of the root %s.".formatted(TemplateMerger.ROOT),
              "choose the value in the root template (in a resource or parameter there) and refer"
                  + " to that; see docs/extending.md");
        } else {
          unknown(nested, function, name, at, rootNames.conditions(), own.conditions());
        }
      }
      return Optional.empty();
    }
    String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    boolean ref = reference.attribute() == null;
    if (ref && own.hasParameter(base) || own.hasResource(base)) {
      return Optional.empty();
    }
    if (!ref && !rootNames.hasResource(base) && rootNames.hasParameter(base)) {
      refuse(
          at,
          "ExtensionUnknownReference",
          "`%s` is a parameter of the root %s, and `GetAtt` reads attributes of resources."
              .formatted(base, TemplateMerger.ROOT),
          "read its value with `!Ref %s`".formatted(base));
      return Optional.empty();
    }
    if (!rootNames.hasResource(base) && !(ref && rootNames.hasParameter(base))) {
      unknown(nested, function, name, at, rootNames.readable(!ref), own.readable(!ref));
      return Optional.empty();
    }
    Optional<String> condition =
        rootNames.hasResource(base) ? rootNames.condition(base) : Optional.empty();
    if (condition.isPresent()) {
      // The nested stack always exists; the root could not give it a value when the resource
      // does not.
      refuse(
          at,
          "ExtensionCrossStack",
          ("`%s` of the root %s exists only under the condition `%s`, but function `%s` is in"
                  + " the nested stack %s, which always exists: the root cannot pass it a value of"
                  + " a resource that may be missing.")
              .formatted(base, TemplateMerger.ROOT, condition.get(), function, nested.path()),
          "give `%s` no `Condition`, or make the addition to a function of the root template"
                  .formatted(base)
              + " (a resource or output there can use the condition); see docs/extending.md");
      return Optional.empty();
    }
    return pass(nested, new Value(name, reference.attribute()), at);
  }

  private Optional<String> pass(SamTemplate nested, Value value, SourceLocation at) {
    Map<Value, String> passed = names.computeIfAbsent(nested, n -> new LinkedHashMap<>());
    if (passed.containsKey(value)) {
      return Optional.of(passed.get(value));
    }
    Optional<Map.Entry<String, MappingNode>> application = root.application(nested.path());
    if (application.isEmpty()) {
      refuse(
          at,
          "ExtensionNotMergeable",
          "The root %s has no `%s` with `Location: %s`, which %s could be passed down to."
              .formatted(
                  TemplateMerger.ROOT, SamTemplate.APPLICATION_TYPE, nested.path(), value.shown()),
          "write the generated templates as the built-in ones are");
      return Optional.empty();
    }
    if (value.name().equals(application.get().getKey())) {
      refuse(
          at,
          "ExtensionCrossStack",
          "`%s` is the nested stack %s itself, which cannot read its own outputs."
              .formatted(value.name(), nested.path()),
          "refer to the stack's resource by its own name there");
      return Optional.empty();
    }
    String type = value.attribute() == null ? rootNames.type(value.name()) : null;
    boolean list = type != null && type.contains("List<") || "CommaDelimitedList".equals(type);
    String expression =
        value.attribute() != null
            ? "!GetAtt " + value.shown()
            : list ? "!Join [\",\", !Ref " + value.name() + "]" : "!Ref " + value.name();
    Map<String, String> given = given(application.get().getValue());
    for (Map.Entry<String, String> parameter : given.entrySet()) {
      if (parameter.getValue().equals(expression)
          && nested.names("Parameters").containsKey(parameter.getKey())) {
        passed.put(value, parameter.getKey());
        return Optional.of(parameter.getKey());
      }
    }
    List<Passed> more = added.computeIfAbsent(nested, n -> new ArrayList<>());
    if (nested.names("Parameters").size() + more.size() >= MAX_PARAMETERS) {
      refuse(
          at,
          "ExtensionCrossStack",
          "Passing %s down to the nested stack %s would give it more than %d parameters,"
                  .formatted(value.shown(), nested.path(), MAX_PARAMETERS)
              + " CloudFormation's limit.",
          "refer to fewer names of the root template from this stack's functions");
      return Optional.empty();
    }
    String name = freeName(nested, value.parameterName(), given.keySet(), passed.values());
    // An SSM parameter reaches the nested stack as its resolved value.
    String nestedType = type == null || type.startsWith("AWS::SSM::") ? "String" : type;
    if (list && !type.startsWith("List<")) {
      nestedType = "CommaDelimitedList";
    }
    more.add(new Passed(name, expression, nestedType, value.shown() + " of the root stack", at));
    passed.put(value, name);
    return Optional.of(name);
  }

  /** {@code base}, or {@code base}FromRoot, …, whichever the nested template does not use. */
  private static String freeName(
      SamTemplate nested, String base, Set<String> given, Collection<String> chosen) {
    Set<String> taken = new HashSet<>(given);
    taken.addAll(chosen);
    for (String section : List.of("Parameters", "Resources", "Conditions", "Outputs")) {
      taken.addAll(nested.names(section).keySet());
    }
    String name = base;
    for (int i = 1; taken.contains(name); i++) {
      name = base + "FromRoot" + (i == 1 ? "" : i);
    }
    return name;
  }

  /** The parameters the root gives a nested stack, each as written ({@code !Ref X}, …). */
  private Map<String, String> given(MappingNode application) {
    Map<String, String> given = new LinkedHashMap<>();
    root.mapping(application, "Parameters")
        .ifPresent(
            parameters -> {
              for (NodeTuple tuple : parameters.getValue()) {
                Node value = tuple.getValueNode();
                given.put(
                    SamTemplate.scalar(tuple.getKeyNode()),
                    value.getTag().getValue() + " " + SamTemplate.scalar(value));
              }
            });
    return given;
  }

  /** Inserts the parameters passed down into each nested template and its root resource. */
  void apply(Function<SamTemplate, Edits> edit, List<Merged> merged) {
    added.forEach(
        (nested, parameters) -> {
          if (!parameters.isEmpty()) {
            passDown(nested, parameters, edit, merged);
          }
        });
  }

  private void passDown(
      SamTemplate nested,
      List<Passed> parameters,
      Function<SamTemplate, Edits> edit,
      List<Merged> merged) {
    Optional<Node> section = SamTemplate.get(nested.root(), "Parameters");
    MappingNode application = root.application(nested.path()).orElseThrow().getValue();
    Optional<Node> passing = SamTemplate.get(application, "Parameters");
    for (var template : List.of(Map.entry(nested, section), Map.entry(root, passing))) {
      Optional<Node> node = template.getValue();
      if (node.isPresent()
          && (!(node.get() instanceof MappingNode) || SamTemplate.isFlow(node.get()))) {
        SamTemplate where = template.getKey();
        diagnostics.add(
            Diagnostic.error(
                    "ExtensionNotMergeable",
                    SourceLocation.of(
                        where.path(), where.line(node.get()), where.column(node.get()) + 1),
                    (where == root
                        ? "The generated %s cannot pass parameters down to %s: the"
                                .formatted(root.path(), nested.path())
                            + " `Parameters` of its stack resource are not an indented mapping."
                        : "The generated %s cannot take the parameters passed down to it: its"
                                .formatted(nested.path())
                            + " `Parameters` are not an indented mapping."))
                .withHint("write the generated template in block style (as the built-in one is)"));
        return;
      }
    }
    int indent = section.map(n -> nested.keyColumn((MappingNode) n)).orElse(2);
    int giveIndent =
        passing.map(n -> root.keyColumn((MappingNode) n)).orElse(root.keyColumn(application) + 2);
    String pad = " ".repeat(indent);
    String givePad = " ".repeat(giveIndent);
    StringBuilder declared =
        new StringBuilder(
            pad + "# Passed down from %s for %s.\n".formatted(TemplateMerger.ROOT, origin));
    StringBuilder given =
        new StringBuilder(
            givePad + "# Passed down to %s for %s.\n".formatted(nested.path(), origin));
    for (Passed p : parameters) {
      declared.append(
          """
          %1$s%2$s:
          %1$s  Type: %3$s
          %1$s  Description: %4$s
          """
              .formatted(pad, p.name(), p.type(), p.description()));
      given.append(givePad).append(p.name()).append(": ").append(p.value()).append('\n');
      merged.add(
          new Merged(
              nested.path(),
              "Parameters: %s (passed down from %s)".formatted(p.name(), TemplateMerger.ROOT),
              p.at()));
      merged.add(
          new Merged(
              TemplateMerger.ROOT,
              "parameter %s passed to %s".formatted(p.name(), nested.path()),
              p.at()));
    }
    if (section.isPresent()) {
      edit.apply(nested).insert(nested.after(section.get()), declared.toString());
    } else {
      String next = SamTemplate.get(nested.root(), "Globals").isPresent() ? "Globals" : "Resources";
      edit.apply(nested).insert(nested.before(next), "Parameters:\n" + declared + "\n");
    }
    if (passing.isPresent()) {
      edit.apply(root).insert(root.after(passing.get()), given.toString());
    } else {
      edit.apply(root)
          .insert(root.after(application), " ".repeat(giveIndent - 2) + "Parameters:\n" + given);
    }
  }

  private void unknown(
      SamTemplate nested,
      String function,
      String name,
      SourceLocation at,
      Set<String> rootNames,
      Set<String> nestedNames) {
    Set<String> all = new TreeSet<>(rootNames);
    all.addAll(nestedNames);
    String hint = Suggestions.didYouMean(name, all);
    refuse(
        at,
        "ExtensionUnknownReference",
        "`%s` is neither in %s, which holds function `%s`, nor in the root %s."
            .formatted(name, nested.path(), function, TemplateMerger.ROOT),
        hint.isEmpty()
            ? "add it to the `Resources` or `Parameters` of " + origin + ", or check its spelling"
            : hint);
  }

  private void refuse(SourceLocation at, String id, String message, String hint) {
    // An addition for every function is rewritten once per template: report it once.
    if (reported.add(at + id)) {
      diagnostics.add(Diagnostic.error(id, at, message).withHint(hint));
    }
  }
}
