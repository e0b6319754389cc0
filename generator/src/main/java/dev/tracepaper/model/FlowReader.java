package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads commands and policies: key, {@code let}, {@code rules}, {@code emits} and tests. */
final class FlowReader {

  private static final Set<String> COMMAND_KEYS =
      Set.of(
          "creates",
          "auth",
          "fields",
          "on",
          "key",
          "let",
          "rules",
          "emits",
          "tests",
          "description",
          "custom",
          "notify",
          "api");
  private static final Set<String> POLICY_KEYS =
      Set.of("on", "creates", "key", "let", "rules", "emits", "tests", "description", "custom");
  private static final Set<String> RULE_KEYS = Set.of("require", "code", "message");

  /** The key beside an emitted event's name that makes it conditional. */
  private static final String CONDITION = "if";

  /** The value of {@code creates} that starts the instance only when it does not exist. */
  private static final String IF_MISSING = "ifMissing";

  private final Nodes nodes;
  private final FieldReader fields;
  private final AuthReader auth;
  private final AssignmentReader assignments;
  private final TestCaseReader tests;

  FlowReader(Nodes nodes) {
    this.nodes = nodes;
    this.fields = new FieldReader(nodes);
    this.auth = new AuthReader(nodes);
    this.assignments = new AssignmentReader(nodes);
    this.tests = new TestCaseReader(nodes, this::eventRef);
  }

  /** Reads a command; {@code example} is the event its hints show. */
  Optional<Command> command(MappingNode.Entry entry, String aggregate, EventExample example) {
    String what = "command `" + entry.name() + "`";
    return nodes
        .mapping(entry.value(), what)
        .map(
            m -> {
              nodes.checkKeys(m, COMMAND_KEYS, what);
              return new Command(
                  entry.name(),
                  aggregate,
                  creates(m, what),
                  m.get("auth").flatMap(n -> auth.auth(n, "the `auth` of " + what)),
                  m.get("fields").map(n -> fields.fields(n, what)).orElse(List.of()),
                  m.get("on").map(n -> triggers(n, what)).orElse(List.of()),
                  body(m, what, example, true),
                  m.get("notify").flatMap(n -> nodes.bool(n, "`notify` of " + what)),
                  m.get("api").flatMap(n -> nodes.text(n, "`api` of " + what)),
                  entry.key().location());
            });
  }

  /** Reads a policy; {@code example} is the event its hints show. */
  Optional<Policy> policy(MappingNode.Entry entry, String aggregate, EventExample example) {
    String what = "policy `" + entry.name() + "`";
    Optional<MappingNode> maybe = nodes.mapping(entry.value(), what);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    MappingNode m = maybe.get();
    nodes.checkKeys(m, POLICY_KEYS, what);
    Optional<EventRef> on =
        nodes
            .required(m, "on", what, "the event that triggers it", entry.key().location())
            .flatMap(n -> nodes.text(n, "`on` of " + what))
            .flatMap(t -> eventRef(t, "`on` of " + what));
    return on.map(
        trigger ->
            new Policy(
                entry.name(),
                aggregate,
                trigger,
                creates(m, what),
                body(m, what, example, false),
                entry.key().location()));
  }

  /** What commands and policies share: key, let, rules, emits, tests and description. */
  private FlowBody body(MappingNode m, String what, EventExample example, boolean command) {
    return new FlowBody(
        m.get("key").flatMap(n -> nodes.expression(n, "`key` of " + what)),
        m.get("let").map(n -> lets(n, what)).orElse(List.of()),
        m.get("rules").map(n -> rules(n, what)).orElse(List.of()),
        m.get("emits").map(n -> emits(n, what, example)).orElse(List.of()),
        m.get("tests").map(n -> tests.tests(n, what, example, command)).orElse(List.of()),
        m.get("description").flatMap(n -> nodes.prose(n, "the description of " + what)),
        flag(m, "custom", what));
  }

  /**
   * A command's {@code on}: the events that run it besides the API, each {@code Aggregate.Event:
   * {field: CEL}} giving fields of the input from the event, or the event alone ({@code on:
   * Aggregate.Event}, or an entry without mappings) when every field is copied by name; a list of
   * such entries says the same.
   */
  private List<Trigger> triggers(YamlNode node, String what) {
    String where = "`on` of " + what;
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return nodes.text(node, where).flatMap(t -> eventRef(t, where)).stream()
          .map(ref -> new Trigger(ref, List.of(), ref.location()))
          .toList();
    }
    List<Trigger> triggers = new ArrayList<>();
    if (node instanceof SequenceNode sequence) {
      // A list of events, as people also write it: `- Aggregate.Event` or `- Aggregate.Event: {…}`.
      for (YamlNode item : sequence.items()) {
        if (item instanceof ScalarNode scalar && !scalar.isNull()) {
          nodes
              .text(item, where)
              .flatMap(t -> eventRef(t, where))
              .ifPresent(ref -> triggers.add(new Trigger(ref, List.of(), ref.location())));
        } else if (item instanceof MappingNode m && m.entries().size() == 1) {
          trigger(m.entries().get(0), where).ifPresent(triggers::add);
        } else {
          nodes.report(
              Diagnostic.error(
                      Nodes.WRONG_TYPE,
                      item.location(),
                      "Each entry of %s should name one event, but this is %s."
                          .formatted(where, item.describe()))
                  .withHint(
                      "write `- Aggregate.Event`, or `- Aggregate.Event: {field: <expression>}`"
                          + " for the input fields it gives"));
        }
      }
      return triggers;
    }
    nodes
        .mapping(node, where)
        .ifPresent(m -> m.entries().forEach(e -> trigger(e, where).ifPresent(triggers::add)));
    return triggers;
  }

  /** {@code Aggregate.Event: {field: CEL}}, or the event alone (nothing under it). */
  private Optional<Trigger> trigger(MappingNode.Entry e, String where) {
    String trigger = "the trigger `" + e.name() + "` in the " + where;
    return eventRef(new Located<>(e.name(), e.key().location()), where)
        .map(ref -> new Trigger(ref, assignments.values(e.value(), trigger), e.key().location()));
  }

  /** {@code Aggregate.Event} or {@code Event}. */
  Optional<EventRef> eventRef(Located<String> text, String what) {
    String[] parts = text.value().trim().split("\\.", -1);
    boolean wellFormed =
        parts.length <= 2 && java.util.Arrays.stream(parts).noneMatch(String::isBlank);
    if (!wellFormed) {
      nodes.report(
          Diagnostic.error(
                  Nodes.INVALID_VALUE,
                  text.location(),
                  "%s is `%s`; it should name an event as `Aggregate.Event`."
                      .formatted(Nodes.capital(what), text.value()))
              .withHint(eventRefHint(parts)));
      return Optional.empty();
    }
    return Optional.of(
        parts.length == 2
            ? new EventRef(Optional.of(parts[0]), parts[1], text.location())
            : new EventRef(Optional.empty(), parts[0], text.location()));
  }

  /**
   * The reference the user meant, from their own parts: {@code Order..OrderPlaced} gives {@code
   * Order.OrderPlaced}, {@code Order.} gives {@code Order.<Event>}.
   */
  private static String eventRefHint(String[] parts) {
    if (parts.length == 2) {
      String aggregate = parts[0].isBlank() ? "<Aggregate>" : parts[0].trim();
      String event = parts[1].isBlank() ? "<Event>" : parts[1].trim();
      return "write `%s.%s`, or the event's name alone".formatted(aggregate, event);
    }
    List<String> words = java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).toList();
    return words.size() == 2
        ? "write `%s.%s`, or the event's name alone"
            .formatted(words.get(0).trim(), words.get(1).trim())
        : "write `<Aggregate>.<Event>`, or the event's name alone";
  }

  /** {@code creates}: {@code true}, {@code false} (as when absent) or {@code ifMissing}. */
  private Creation creates(MappingNode m, String what) {
    Optional<YamlNode> node = m.get("creates");
    if (node.isEmpty()) {
      return Creation.UPDATES;
    }
    if (node.get() instanceof ScalarNode scalar) {
      if (scalar.kind() == ScalarNode.Kind.BOOLEAN) {
        return Boolean.parseBoolean(scalar.value().toLowerCase(java.util.Locale.ROOT))
            ? Creation.CREATES
            : Creation.UPDATES;
      }
      if (scalar.value().equals(IF_MISSING)) {
        return Creation.CREATES_OR_UPDATES;
      }
    }
    nodes.report(
        Diagnostic.error(
                Nodes.WRONG_TYPE,
                node.get().location(),
                "`creates` of %s should be true, false or `%s`; here it is %s."
                    .formatted(what, IF_MISSING, node.get().describe()))
            .withHint(
                "`true` starts a new instance, `%s` starts it when it does not exist and changes"
                        .formatted(IF_MISSING)
                    + " it when it does; leave `creates` out for a command that changes an"
                    + " existing one"));
    return Creation.UPDATES;
  }

  /** A {@code true}/{@code false} option, false when absent. */
  boolean flag(MappingNode m, String key, String what) {
    return m.get(key)
        .flatMap(n -> nodes.bool(n, "`" + key + "` of " + what))
        .map(Located::value)
        .orElse(false);
  }

  /** "`a`, `b` and `c`" */
  private static String quoted(List<String> names) {
    List<String> quoted = names.stream().map(n -> "`" + n + "`").toList();
    return quoted.size() == 1
        ? quoted.get(0)
        : String.join(", ", quoted.subList(0, quoted.size() - 1))
            + " and "
            + quoted.get(quoted.size() - 1);
  }

  private List<Let> lets(YamlNode node, String what) {
    List<Let> lets = new ArrayList<>();
    nodes
        .mapping(node, "`let` of " + what)
        .ifPresent(
            m -> {
              for (MappingNode.Entry e : m.entries()) {
                nodes
                    .expression(e.value(), "the variable `" + e.name() + "` of " + what)
                    .ifPresent(x -> lets.add(new Let(e.name(), x, e.key().location())));
              }
            });
    return lets;
  }

  private List<BusinessRule> rules(YamlNode node, String what) {
    List<BusinessRule> rules = new ArrayList<>();
    nodes
        .list(node, "the rules of " + what)
        .ifPresent(
            items -> {
              int index = 1;
              for (YamlNode item : items) {
                String rule = "rule " + index++ + " of " + what;
                nodes.mapping(item, rule).flatMap(m -> rule(m, rule)).ifPresent(rules::add);
              }
            });
    return rules;
  }

  private Optional<BusinessRule> rule(MappingNode m, String what) {
    nodes.checkKeys(m, RULE_KEYS, what);
    Optional<Expression> require =
        nodes
            .required(m, "require", what)
            .flatMap(n -> nodes.expression(n, "`require` of " + what));
    Optional<Located<String>> code =
        nodes.required(m, "code", what).flatMap(n -> nodes.text(n, "`code` of " + what));
    Optional<String> message =
        nodes
            .required(m, "message", what)
            .flatMap(n -> nodes.text(n, "`message` of " + what))
            .map(Located::value);
    if (require.isEmpty() || code.isEmpty() || message.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BusinessRule(require.get(), code.get(), message.get(), m.location()));
  }

  private List<Emit> emits(YamlNode node, String what, EventExample example) {
    List<Emit> emits = new ArrayList<>();
    nodes
        .list(node, "`emits` of " + what)
        .ifPresent(
            items -> {
              for (YamlNode item : items) {
                emit(item, what, example).ifPresent(emits::add);
              }
            });
    return emits;
  }

  private Optional<Emit> emit(YamlNode item, String what, EventExample example) {
    if (item instanceof ScalarNode scalar && !scalar.isNull()) {
      return Optional.of(new Emit(scalar.value(), List.of(), scalar.location()));
    }
    if (item instanceof MappingNode m && !m.entries().isEmpty()) {
      // `if` stands beside the event's name, not among its fields, so it names no field.
      List<MappingNode.Entry> events =
          m.entries().stream().filter(e -> !e.name().equals(CONDITION)).toList();
      if (events.size() == 1) {
        MappingNode.Entry e = events.get(0);
        String where = "the event `" + e.name() + "` emitted by " + what;
        Optional<Expression> condition =
            m.get(CONDITION).flatMap(n -> nodes.expression(n, "the `if` of " + where));
        return Optional.of(
            new Emit(
                e.name(), assignments.values(e.value(), where), condition, e.key().location()));
      }
      nodes.report(
          Diagnostic.error(
                  Nodes.WRONG_TYPE,
                  m.location(),
                  "Each entry of `emits` of %s should name one event, but this one names %s."
                      .formatted(
                          what,
                          events.isEmpty()
                              ? "none, only its `if`"
                              : quoted(events.stream().map(MappingNode.Entry::name).toList())))
              .withHint(
                  "write the event's fields under its name, `%s`, and `if: <condition>` beside the"
                          .formatted(example.entry("<expression>"))
                      + " name to record it only when the condition holds"));
      return Optional.empty();
    }
    nodes.report(
        Diagnostic.error(
                Nodes.WRONG_TYPE,
                item.location(),
                "Each entry of `emits` of %s should name one event, but this is %s."
                    .formatted(what, item.describe()))
            .withHint(
                "write `- %s` or `%s`".formatted(example.event(), example.entry("<expression>"))));
    return Optional.empty();
  }
}
