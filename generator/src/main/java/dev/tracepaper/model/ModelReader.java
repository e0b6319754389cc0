package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.DiagnosticSink;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SourceFile;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlFile;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the immutable {@link Model} from the files of a model, merging their sections. Every
 * structural problem (unknown key, wrong kind of value, missing key) is reported; what can be read
 * is kept, so that one run shows every problem.
 */
public final class ModelReader {

  /** The language versions this generator reads. */
  public static final int LANGUAGE_VERSION = 1;

  private static final Set<String> TOP_KEYS =
      Set.of(
          "tracepaper",
          "app",
          "patterns",
          "enums",
          "types",
          "aggregates",
          "views",
          "queries",
          "scenarios",
          "automations");
  private static final Set<String> APP_KEYS =
      Set.of("name", "package", "description", "auth", "scenarioCoverage");
  private static final Set<String> AUTH_KEYS = Set.of("default", "roles");
  private static final Set<String> ENUM_KEYS = Set.of("values", "description");

  /** The model read, and every problem found while reading it. */
  public record Result(Model model, List<Diagnostic> diagnostics) {}

  public Result read(List<YamlFile> files) {
    // Files are read independently (in parallel: large models have many files), then merged in
    // file order, so that "defined twice" always names the earlier file as the first.
    return merge(files.parallelStream().map(ModelReader::part).toList());
  }

  /**
   * What one file defines, read apart from the others: the validator reads each file's part right
   * after parsing it, on the same thread, so no step waits for every file to be parsed.
   */
  public static FilePart part(YamlFile file) {
    return readOne(file, TemplateFiles.NONE);
  }

  /**
   * What one file defines, its automations' templates read from {@code folder}, the folder the file
   * is in.
   */
  public static FilePart part(YamlFile file, java.nio.file.Path folder) {
    return readOne(file, TemplateFiles.beside(folder));
  }

  /** The model made of the parts of its files, in file order. */
  public Result merge(List<FilePart> parts) {
    DiagnosticSink sink = new DiagnosticSink();
    Builder builder = new Builder();
    for (FilePart part : parts) {
      sink.reportAll(part.diagnostics());
      builder.merge(part.builder(), sink);
    }
    Model model =
        new Model(
            Optional.ofNullable(builder.app),
            builder.patterns,
            builder.enums,
            builder.types,
            builder.aggregates,
            builder.views,
            builder.queries,
            builder.scenarios,
            builder.automations,
            builder.sources);
    return new Result(model, sink.diagnostics());
  }

  /** What one file holds, and the problems found in it. */
  public record FilePart(Builder builder, List<Diagnostic> diagnostics) {}

  private static FilePart readOne(YamlFile file, TemplateFiles templates) {
    DiagnosticSink sink = new DiagnosticSink();
    Builder builder = new Builder();
    builder.sources.add(file.source());
    sink.reportAll(file.diagnostics());
    file.root()
        .ifPresent(root -> readFile(root, file.source(), new Nodes(sink), builder, templates));
    return new FilePart(builder, sink.diagnostics());
  }

  /** The sections of one file, or of the merged model. */
  static final class Builder {
    final List<SourceFile> sources = new ArrayList<>();
    final List<PatternDef> patterns = new ArrayList<>();
    final List<EnumDef> enums = new ArrayList<>();
    final List<TypeDef> types = new ArrayList<>();
    final List<Aggregate> aggregates = new ArrayList<>();
    final List<View> views = new ArrayList<>();
    final List<CustomQuery> queries = new ArrayList<>();
    final List<Scenario> scenarios = new ArrayList<>();
    final List<Automation> automations = new ArrayList<>();
    App app;

    void merge(Builder file, DiagnosticSink sink) {
      sources.addAll(file.sources);
      patterns.addAll(file.patterns);
      enums.addAll(file.enums);
      types.addAll(file.types);
      aggregates.addAll(file.aggregates);
      views.addAll(file.views);
      queries.addAll(file.queries);
      scenarios.addAll(file.scenarios);
      automations.addAll(file.automations);
      if (file.app != null) {
        setApp(file.app, sink);
      }
    }

    private void setApp(App other, DiagnosticSink sink) {
      if (app == null) {
        app = other;
        return;
      }
      sink.report(
          Diagnostic.error(
                  "DuplicateName",
                  other.location(),
                  "The `app` section is given twice; it was first given at %s."
                      .formatted(app.location()))
              .withHint("keep one `app` section, in one file")
              .withRelated(app.location()));
    }
  }

  private static void readFile(
      MappingNode root, SourceFile source, Nodes nodes, Builder builder, TemplateFiles templates) {
    String what = "a model file";
    nodes.checkKeys(root, TOP_KEYS, what);
    checkVersion(root, source, nodes);
    root.entry("app")
        .flatMap(e -> app(e.value(), e.key().location(), nodes))
        .ifPresent(app -> builder.app = app);
    FieldReader fields = new FieldReader(nodes);
    for (MappingNode.Entry e : section(root, "patterns", nodes)) {
      nodes
          .text(e.value(), "the pattern `" + e.name() + "`")
          .ifPresent(r -> builder.patterns.add(new PatternDef(e.name(), r, e.key().location())));
    }
    for (MappingNode.Entry e : section(root, "enums", nodes)) {
      enumDef(e, nodes).ifPresent(builder.enums::add);
    }
    for (MappingNode.Entry e : section(root, "types", nodes)) {
      builder.types.add(
          new TypeDef(
              e.name(),
              fields.fields(e.value(), "type `" + e.name() + "`"),
              Optional.empty(),
              e.key().location()));
    }
    AggregateReader aggregates = new AggregateReader(nodes);
    for (MappingNode.Entry e : section(root, "aggregates", nodes)) {
      aggregates.aggregate(e).ifPresent(builder.aggregates::add);
    }
    ViewReader views = new ViewReader(nodes);
    for (MappingNode.Entry e : section(root, "views", nodes)) {
      views.view(e).ifPresent(builder.views::add);
    }
    CustomQueryReader queries = new CustomQueryReader(nodes);
    for (MappingNode.Entry e : section(root, "queries", nodes)) {
      queries.query(e).ifPresent(builder.queries::add);
    }
    ScenarioReader scenarios = new ScenarioReader(nodes);
    for (MappingNode.Entry e : section(root, "scenarios", nodes)) {
      scenarios.scenario(e).ifPresent(builder.scenarios::add);
    }
    AutomationReader automations = new AutomationReader(nodes, templates);
    for (MappingNode.Entry e : section(root, "automations", nodes)) {
      automations.automation(e).ifPresent(builder.automations::add);
    }
    nodes.reportUnknownKeys(root);
  }

  private static void checkVersion(MappingNode root, SourceFile source, Nodes nodes) {
    Optional<YamlNode> version = root.get("tracepaper");
    if (version.isEmpty()) {
      nodes.report(
          Diagnostic.error(
                  "LanguageVersion",
                  root.location(),
                  "The file %s does not say which version of the model language it is written in."
                      .formatted(source.path()))
              .withHint("add `tracepaper: 1` as its first line"));
      return;
    }
    if (!(version.get() instanceof ScalarNode scalar)
        || !String.valueOf(LANGUAGE_VERSION).equals(scalar.value())) {
      nodes.report(
          Diagnostic.error(
                  "LanguageVersion",
                  version.get().location(),
                  "This generator reads version %d of the model language, not `%s`."
                      .formatted(
                          LANGUAGE_VERSION,
                          version.get() instanceof ScalarNode s ? s.value() : "a collection"))
              .withHint("write `tracepaper: 1`"));
    }
  }

  private static List<MappingNode.Entry> section(MappingNode root, String key, Nodes nodes) {
    return root.get(key)
        .flatMap(n -> nodes.mapping(n, "the `" + key + "` section"))
        .map(MappingNode::entries)
        .orElse(List.of());
  }

  private static Optional<App> app(YamlNode node, SourceLocation appLocation, Nodes nodes) {
    Optional<MappingNode> maybe = nodes.mapping(node, "the `app` section");
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    MappingNode m = maybe.get();
    nodes.checkKeys(m, APP_KEYS, "the `app` section");
    Optional<Located<String>> name =
        nodes
            .required(m, "name", "the `app` section", "", appLocation)
            .flatMap(n -> nodes.text(n, "the app's name"));
    Optional<Located<String>> javaPackage =
        nodes
            .required(m, "package", "the `app` section", "", appLocation)
            .flatMap(n -> nodes.text(n, "the app's Java package"));
    AuthConfig auth =
        m.get("auth").map(n -> authConfig(n, nodes)).orElse(AuthConfig.none(m.location()));
    if (name.isEmpty() || javaPackage.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new App(
            name.get(),
            javaPackage.get(),
            m.get("description").flatMap(n -> nodes.prose(n, "the app's description")),
            auth,
            m.get("scenarioCoverage").flatMap(n -> new ScenarioReader(nodes).coverage(n)),
            m.location()));
  }

  private static AuthConfig authConfig(YamlNode node, Nodes nodes) {
    String what = "`app.auth`";
    Optional<MappingNode> maybe = nodes.mapping(node, what);
    if (maybe.isEmpty()) {
      return AuthConfig.none(node.location());
    }
    MappingNode m = maybe.get();
    nodes.checkKeys(m, AUTH_KEYS, what);
    Optional<Auth> defaultAuth =
        m.get("default").flatMap(n -> new AuthReader(nodes).auth(n, "`app.auth.default`"));
    List<Located<String>> roles = new ArrayList<>();
    m.get("roles")
        .flatMap(n -> nodes.list(n, "the roles of " + what))
        .ifPresent(items -> items.forEach(i -> nodes.text(i, "a role").ifPresent(roles::add)));
    return new AuthConfig(defaultAuth, roles, m.location());
  }

  private static Optional<EnumDef> enumDef(MappingNode.Entry e, Nodes nodes) {
    String what = "the enum `" + e.name() + "`";
    YamlNode valuesNode = e.value();
    Optional<String> description = Optional.empty();
    if (e.value() instanceof MappingNode m) {
      nodes.checkKeys(m, ENUM_KEYS, what);
      description = m.get("description").flatMap(n -> nodes.prose(n, "the description of " + what));
      Optional<YamlNode> values = nodes.required(m, "values", what);
      if (values.isEmpty()) {
        return Optional.empty();
      }
      valuesNode = values.get();
    }
    Optional<List<YamlNode>> items = nodes.list(valuesNode, "the values of " + what);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<Located<String>> values = new ArrayList<>();
    items.get().forEach(i -> nodes.text(i, "a value of " + what).ifPresent(values::add));
    return Optional.of(new EnumDef(e.name(), values, description, e.key().location()));
  }
}
