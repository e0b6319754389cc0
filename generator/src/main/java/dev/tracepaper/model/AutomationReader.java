package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code automations} section: trigger, secrets, activities and tests. */
final class AutomationReader {

  private static final Set<String> KEYS =
      Set.of("description", "on", "schedule", "afterDeployment", "secrets", "as", "do", "tests");
  private static final List<String> TRIGGERS = List.of("on", "schedule", "afterDeployment");
  private static final Set<String> SCHEDULE_KEYS = Set.of("at", "timezone");
  private static final Set<String> EMAIL_KEYS =
      Set.of("from", "to", "subject", "template", "with", "if");
  private static final Set<String> HTTP_KEYS =
      Set.of("method", "url", "query", "headers", "template", "with", "allowHttp", "if");
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> S3_KEYS = Set.of("bucket", "key", "template", "with", "if");
  private static final Set<String> COMMAND_KEYS = Set.of("send", "with", "if");
  private static final Set<String> FOR_EACH_KEYS = Set.of("in", "as", "do");
  static final Set<String> ACTIVITIES =
      Set.of("let", "stopIf", "forEach", "email", "http", "s3Object", "command");

  private final Nodes nodes;
  private final FlowReader flows;
  private final AssignmentReader assignments;
  private final TemplateFiles templates;

  AutomationReader(Nodes nodes, TemplateFiles templates) {
    this.nodes = nodes;
    this.flows = new FlowReader(nodes);
    this.assignments = new AssignmentReader(nodes);
    this.templates = templates;
  }

  Optional<Automation> automation(MappingNode.Entry entry) {
    String what = "automation `" + entry.name() + "`";
    Optional<MappingNode> maybe = nodes.mapping(entry.value(), what);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    MappingNode m = maybe.get();
    nodes.checkKeys(m, KEYS, what);
    Optional<Automation.Trigger> trigger = trigger(m, what, entry.key().location());
    List<Automation.Secret> secrets = secrets(m, what);
    Optional<Located<String>> role = m.get("as").flatMap(n -> nodes.text(n, "`as` of " + what));
    List<Automation.Activity> activities =
        m.get("do").map(n -> activities(n, what)).orElse(List.of());
    List<Automation.Test> tests =
        m.get("tests").map(n -> new AutomationTestReader(nodes).tests(n, what)).orElse(List.of());
    if (trigger.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Automation(
            entry.name(),
            m.get("description").flatMap(n -> nodes.prose(n, "the description of " + what)),
            trigger.get(),
            secrets,
            role,
            activities,
            tests,
            entry.key().location()));
  }

  private Optional<Automation.Trigger> trigger(
      MappingNode m, String what, SourceLocation location) {
    List<MappingNode.Entry> given =
        m.entries().stream().filter(e -> TRIGGERS.contains(e.name())).toList();
    if (given.size() != 1) {
      nodes.report(
          Diagnostic.error(
                  given.isEmpty() ? Nodes.MISSING_KEY : Nodes.INVALID_VALUE,
                  given.isEmpty() ? location : given.get(1).key().location(),
                  given.isEmpty()
                      ? "%s has no trigger: it needs one of `on`, `schedule` or `afterDeployment`."
                          .formatted(Nodes.capital(what))
                      : "%s has more than one trigger; an automation has exactly one."
                          .formatted(Nodes.capital(what)))
              .withHint(
                  "give `on: Aggregate.Event`, `schedule: {at: 'cron(…)'}` or"
                      + " `afterDeployment: true`; two triggers are two automations"));
      return Optional.empty();
    }
    MappingNode.Entry e = given.get(0);
    YamlNode value = e.value();
    switch (e.name()) {
      case "on":
        return nodes
            .text(value, "`on` of " + what)
            .flatMap(t -> flows.eventRef(t, "`on` of " + what))
            .map(ref -> new Automation.OnEvent(ref, value.location()));
      case "schedule":
        return schedule(value, what);
      default:
        return nodes
            .bool(value, "`afterDeployment` of " + what)
            .filter(b -> reportFalse(b, what))
            .map(b -> new Automation.AfterDeployment(e.key().location()));
    }
  }

  private boolean reportFalse(Located<Boolean> value, String what) {
    if (!value.value()) {
      nodes.report(
          Diagnostic.error(
                  Nodes.INVALID_VALUE,
                  value.location(),
                  "`afterDeployment: false` gives %s no trigger.".formatted(what))
              .withHint("write `afterDeployment: true`, or give `on` or `schedule` instead"));
    }
    return value.value();
  }

  /** {@code schedule: 'rate(1 day)'} or {@code schedule: {at: …, timezone: …}}. */
  private Optional<Automation.Trigger> schedule(YamlNode value, String what) {
    String where = "`schedule` of " + what;
    if (value instanceof ScalarNode) {
      return nodes
          .text(value, where)
          .map(at -> new Automation.OnSchedule(at, Optional.empty(), value.location()));
    }
    return nodes
        .mapping(value, where)
        .flatMap(
            s -> {
              nodes.checkKeys(s, SCHEDULE_KEYS, where);
              Optional<Located<String>> at =
                  nodes.required(s, "at", where).flatMap(n -> nodes.text(n, "`at` of " + where));
              Optional<Located<String>> zone =
                  s.get("timezone").flatMap(n -> nodes.text(n, "`timezone` of " + where));
              return at.map(a -> new Automation.OnSchedule(a, zone, s.location()));
            });
  }

  private List<Automation.Secret> secrets(MappingNode m, String what) {
    List<Automation.Secret> secrets = new ArrayList<>();
    for (MappingNode.Entry e :
        m.get("secrets")
            .flatMap(n -> nodes.mapping(n, "`secrets` of " + what))
            .map(MappingNode::entries)
            .orElse(List.of())) {
      String where = "the secret `" + e.name() + "` of " + what;
      nodes
          .mapping(e.value(), where)
          .ifPresent(
              s -> {
                nodes.checkKeys(s, Set.of("secretsManager", "parameterStore"), where);
                if (s.entries().size() != 1) {
                  nodes.report(
                      Diagnostic.error(
                              Nodes.INVALID_VALUE,
                              e.key().location(),
                              "%s should say where it is kept, once."
                                  .formatted(Nodes.capital(where)))
                          .withHint(
                              "write `{secretsManager: <secret name>}` or `{parameterStore:"
                                  + " <parameter name>}`"));
                  return;
                }
                MappingNode.Entry source = s.entries().get(0);
                Automation.SecretSource kind =
                    source.name().equals("parameterStore")
                        ? Automation.SecretSource.PARAMETER_STORE
                        : Automation.SecretSource.SECRETS_MANAGER;
                nodes
                    .text(source.value(), "where " + where + " is kept")
                    .ifPresent(
                        id ->
                            secrets.add(
                                new Automation.Secret(e.name(), kind, id, e.key().location())));
              });
    }
    return secrets;
  }

  private List<Automation.Activity> activities(YamlNode node, String what) {
    List<Automation.Activity> activities = new ArrayList<>();
    nodes
        .list(node, "`do` of " + what)
        .ifPresent(items -> items.forEach(i -> activity(i, what).ifPresent(activities::add)));
    return activities;
  }

  private Optional<Automation.Activity> activity(YamlNode item, String what) {
    String where = "an activity of " + what;
    Optional<MappingNode> maybe = nodes.mapping(item, where);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    MappingNode m = maybe.get();
    if (m.entries().size() != 1) {
      nodes.report(
          Diagnostic.error(
                  Nodes.INVALID_VALUE,
                  m.location(),
                  "Each activity of %s is one of %s, written `- kind: {…}`; this entry has %d keys."
                      .formatted(what, kinds(), m.entries().size()))
              .withHint("start each activity with its own `-`"));
      return Optional.empty();
    }
    nodes.checkKeys(m, ACTIVITIES, where);
    MappingNode.Entry e = m.entries().get(0);
    SourceLocation at = e.key().location();
    YamlNode v = e.value();
    String in = "the `" + e.name() + "` activity of " + what;
    return switch (e.name()) {
      case "let" -> Optional.of(new Automation.SetVariables(lets(v, in), at));
      case "stopIf" -> nodes.expression(v, in).map(x -> new Automation.Stop(x, at));
      case "forEach" -> forEach(v, in, what, at);
      case "email" -> email(v, in, at);
      case "http" -> http(v, in, at);
      case "s3Object" -> s3(v, in, at);
      case "command" -> command(v, in, at);
      default -> Optional.empty(); // UnknownKey, reported with the kinds there are
    };
  }

  private static String kinds() {
    return "`let`, `stopIf`, `forEach`, `email`, `http`, `s3Object` or `command`";
  }

  private Optional<Automation.Activity> forEach(
      YamlNode v, String in, String what, SourceLocation at) {
    return nodes
        .mapping(v, in)
        .flatMap(
            m -> {
              nodes.checkKeys(m, FOR_EACH_KEYS, in);
              Optional<Expression> items =
                  nodes.required(m, "in", in).flatMap(n -> nodes.expression(n, "`in` of " + in));
              Optional<Located<String>> as =
                  nodes.required(m, "as", in).flatMap(n -> nodes.text(n, "`as` of " + in));
              List<Automation.Activity> inner =
                  m.get("do").map(n -> activities(n, what)).orElse(List.of());
              if (items.isEmpty() || as.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(new Automation.ForEach(items.get(), as.get(), inner, at));
            });
  }

  private Optional<Automation.Activity> email(YamlNode v, String in, SourceLocation at) {
    return nodes
        .mapping(v, in)
        .flatMap(
            m -> {
              nodes.checkKeys(m, EMAIL_KEYS, in);
              Optional<Located<String>> from =
                  nodes.required(m, "from", in).flatMap(n -> nodes.text(n, "`from` of " + in));
              List<Expression> to = new ArrayList<>();
              nodes
                  .required(m, "to", in)
                  .flatMap(n -> nodes.list(n, "`to` of " + in))
                  .ifPresent(
                      items ->
                          items.forEach(
                              i -> nodes.expression(i, "`to` of " + in).ifPresent(to::add)));
              Optional<Expression> subject =
                  nodes
                      .required(m, "subject", in)
                      .flatMap(n -> nodes.expression(n, "`subject` of " + in));
              Optional<Automation.Template> body = template(m, in, true);
              if (from.isEmpty() || subject.isEmpty() || body.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Automation.Email(
                      from.get(), to, subject.get(), body.get(), condition(m, in), at));
            });
  }

  private Optional<Automation.Activity> http(YamlNode v, String in, SourceLocation at) {
    return nodes
        .mapping(v, in)
        .flatMap(
            m -> {
              nodes.checkKeys(m, HTTP_KEYS, in);
              Optional<Located<String>> method =
                  nodes
                      .required(m, "method", in)
                      .flatMap(n -> nodes.text(n, "`method` of " + in))
                      .filter(t -> knownMethod(t, in));
              Optional<Expression> url =
                  nodes.required(m, "url", in).flatMap(n -> nodes.expression(n, "`url` of " + in));
              boolean allowHttp =
                  m.get("allowHttp")
                      .flatMap(n -> nodes.bool(n, "`allowHttp` of " + in))
                      .map(Located::value)
                      .orElse(false);
              if (method.isEmpty() || url.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Automation.Http(
                      method.get(),
                      url.get(),
                      named(m, "query", in),
                      named(m, "headers", in),
                      template(m, in, false),
                      allowHttp,
                      condition(m, in),
                      at));
            });
  }

  private boolean knownMethod(Located<String> method, String in) {
    if (METHODS.contains(method.value().toUpperCase(java.util.Locale.ROOT))) {
      return true;
    }
    nodes.report(
        Diagnostic.error(
                Nodes.INVALID_VALUE,
                method.location(),
                "The `method` of %s is `%s`, not an HTTP method.".formatted(in, method.value()))
            .withHint("write GET, POST, PUT, PATCH or DELETE"));
    return false;
  }

  private Optional<Automation.Activity> s3(YamlNode v, String in, SourceLocation at) {
    return nodes
        .mapping(v, in)
        .flatMap(
            m -> {
              nodes.checkKeys(m, S3_KEYS, in);
              Optional<Located<String>> bucket =
                  nodes.required(m, "bucket", in).flatMap(n -> nodes.text(n, "`bucket` of " + in));
              Optional<Expression> key =
                  nodes.required(m, "key", in).flatMap(n -> nodes.expression(n, "`key` of " + in));
              Optional<Automation.Template> content = template(m, in, true);
              if (bucket.isEmpty() || key.isEmpty() || content.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Automation.S3Object(
                      bucket.get(), key.get(), content.get(), condition(m, in), at));
            });
  }

  private Optional<Automation.Activity> command(YamlNode v, String in, SourceLocation at) {
    return nodes
        .mapping(v, in)
        .flatMap(
            m -> {
              nodes.checkKeys(m, COMMAND_KEYS, in);
              Optional<Located<String>> send =
                  nodes.required(m, "send", in).flatMap(n -> nodes.text(n, "`send` of " + in));
              List<Assignment.SetValue> with =
                  m.get("with")
                      .map(n -> assignments.values(n, "`with` of " + in))
                      .orElse(List.of());
              return send.map(s -> new Automation.SendCommand(s, with, condition(m, in), at));
            });
  }

  private Optional<Expression> condition(MappingNode m, String in) {
    return m.get("if").flatMap(n -> nodes.expression(n, "`if` of " + in));
  }

  private Optional<Automation.Template> template(MappingNode m, String in, boolean required) {
    Optional<YamlNode> node = required ? nodes.required(m, "template", in) : m.get("template");
    List<Let> with = m.get("with").map(n -> lets(n, "`with` of " + in)).orElse(List.of());
    return node.flatMap(n -> nodes.text(n, "`template` of " + in))
        .map(
            path ->
                new Automation.Template(path, templates.read(path.value()), with, path.location()));
  }

  private List<Automation.NamedValue> named(MappingNode m, String key, String in) {
    List<Automation.NamedValue> values = new ArrayList<>();
    m.get(key)
        .flatMap(n -> nodes.mapping(n, "`" + key + "` of " + in))
        .ifPresent(
            h ->
                h.entries()
                    .forEach(
                        e ->
                            nodes
                                .expression(e.value(), "`" + e.name() + "` of " + in)
                                .ifPresent(
                                    x ->
                                        values.add(
                                            new Automation.NamedValue(
                                                e.name(), x, e.key().location())))));
    return values;
  }

  private List<Let> lets(YamlNode node, String what) {
    List<Let> lets = new ArrayList<>();
    nodes
        .mapping(node, what)
        .ifPresent(
            m ->
                m.entries()
                    .forEach(
                        e ->
                            nodes
                                .expression(e.value(), "`" + e.name() + "` of " + what)
                                .ifPresent(
                                    x -> lets.add(new Let(e.name(), x, e.key().location())))));
    return lets;
  }
}
