package dev.tracepaper.property;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A random model built from the language's constructs, for property tests: one to three aggregates
 * with fields of every kind of type, events, commands (with rules and tests), policies reacting to
 * another aggregate, and views of their state. It also draws the shapes that once validated and
 * then failed in the generated build (issue 11): commands and policies without {@code emits}
 * (custom, or only checking), Json view fields filled from an entity collection (and the collection
 * itself), and text fields with a {@code minLength} above the handler test's text, a small {@code
 * maxLength} or a pattern; and the shapes of values once silently wrong: a Float computed from Ints
 * with {@code double()}, a spliced pattern, an event's key field, a bound on an event field; and an
 * event whose value type changed, read from its older version field by field (a test gives the
 * stored shape). Most models are valid; about one in five gets one deliberate mistake (an unknown
 * type or event, an expression of the wrong type, a name GraphQL reserves, a test input its field's
 * constraints refuse, integer division into a Float, an event changing the key, a {@code default}
 * on an event field), so both branches of the property run. About one in three has automations (an
 * event's and a schedule's). The same seed gives the same model.
 */
final class RandomModel {

  private static final List<String> NOUNS =
      List.of(
          "Order",
          "Parcel",
          "Ticket",
          "Room",
          "Invoice",
          "Lesson",
          "Record",
          "Shelf",
          "Route",
          "Badge",
          "Event",
          "Class",
          "Query",
          "Value",
          "Status",
          "Report",
          "Case",
          "Default",
          // Named like classes the generated code uses: their Java classes are renamed.
          "Object",
          "List",
          "Input",
          "Error",
          "Instant");

  /**
   * Field names, some of them words reserved in a target language ({@code from}, {@code type}):
   * Java keywords, record methods and CEL keywords are the domain's words (issue 15).
   */
  private static final List<String> ATTRIBUTES =
      List.of(
          ("title amount count active dueOn startsAt tags note weight code priority open label score"
                  + " type size from record class abstract default new hashCode toString in"
                  + " package input")
              .split(" "));

  /** CEL's keywords, which an expression selects quoted: {@code command.`in`}. */
  private static final List<String> CEL_KEYWORDS = List.of("in", "true", "false", "null");

  private static final List<String> SCALARS =
      List.of("String", "Int", "Float", "Boolean", "Date", "DateTime", "[String]");

  /** Patterns a text field may have, each with a text it accepts. */
  private static final Map<String, String> PATTERNS =
      Map.of(
          "Code", "ABC-12",
          "Postcode", "1234AB");

  private static final String STAMP_RULE =
      "rules: [{require: \"Amount{value: 1, currency: 'EUR'} in [Amount{value: 1, currency:"
          + " 'EUR'}] && size(sha256(formatTime(timestamp(epochSeconds(now)), 'yyyy-MM-dd HH:mm')"
          + " + string(crc32('x')))) == 64 && now - timestamp(epochSeconds(now) - 5400) >="
          + " duration('1h30m') && (now + duration('90m') - now).getMinutes() == 90\", code:"
          + " NOT_STAMPED, message: Not stamped}]";

  /**
   * The moment the stamping command's tests run. Its rule holds at any moment, since the random
   * sequences of DifferentialTest send it at the moment they run; the clinic example's tests are
   * the ones that fail when {@code at} is not the handler's {@code now}.
   */
  private static final String STAMP_MOMENT = "at: '2031-05-06T07:08:09Z'";

  private final Random random;
  private final StringBuilder yaml = new StringBuilder();
  private final List<Aggregate> aggregates = new ArrayList<>();
  private final List<String> viewNames = new ArrayList<>();

  /** The input of each aggregate's creating test, as YAML pairs, for the scenario. */
  private final Map<String, List<String>> createdWith = new LinkedHashMap<>();

  /** The view of each viewed aggregate, for the scenario. */
  private final Map<String, String> viewOf = new LinkedHashMap<>();

  /** The kinds of deliberate mistake, each made where it fits. */
  enum Mistake {
    UNKNOWN_TYPE,
    /** A field starting with {@code __}, which GraphQL reserves. */
    RESERVED_NAME,
    RULE_TYPE,
    UNKNOWN_EVENT,
    REFUSED_INPUT,
    INTEGER_DIVISION_INTO_FLOAT,
    EVENT_CHANGES_KEY,
    DEFAULT_ON_EVENT_FIELD,
    /** A view named {@code <Stack>Command}: its data source role is the stack's command role. */
    STACK_NAME_CLASH
  }

  /** The mistakes drawn at random: the first of {@link Mistake}; the others come by the seed. */
  private static final int DRAWN_MISTAKES = 8;

  /** The mistake still to be made in this model, if any. */
  private Mistake mistake;

  /** Whether one was made. */
  private boolean mistaken;

  /**
   * An aggregate of the model.
   *
   * @param constraints the constraints of each text field of its creating command, as YAML ({@code
   *     minLength: 40}), absent for none
   * @param lines whether it has an entity collection {@code lines} of entity {@code <Name>Line}
   * @param subdomain its subdomain, whose nested stack holds it; empty for the root stack
   */
  private record Aggregate(
      String name,
      String key,
      Map<String, String> fields,
      Map<String, String> constraints,
      String created,
      String touched,
      boolean lines,
      String subdomain) {}

  private RandomModel(long seed) {
    this.random = new Random(seed);
  }

  /** The model of {@code seed} as YAML, and whether it was given a mistake on purpose. */
  record Generated(String yaml, boolean mistake) {}

  static Generated of(long seed) {
    RandomModel model = new RandomModel(seed);
    model.write(seed);
    return new Generated(model.yaml.toString(), model.mistaken);
  }

  /** Makes the pending mistake if it is of this kind and the dice say so now. */
  private boolean mistakeNow(Mistake kind, int oneIn) {
    if (mistake == kind && random.nextInt(oneIn) == 0) {
      mistake = null;
      mistaken = true;
      return true;
    }
    return false;
  }

  private void write(long seed) {
    mistake = random.nextInt(5) == 0 ? Mistake.values()[random.nextInt(DRAWN_MISTAKES)] : null;
    if (mistake == null && Math.floorMod(seed, 16) == 7) {
      // By the seed, not drawn, so that the draws (and the shapes' seeds) stay as they were.
      mistake = Mistake.STACK_NAME_CLASH;
    }
    line(0, "tracepaper: 1");
    line(0, "app:");
    line(1, "name: random" + Math.floorMod(seed, 1000));
    line(1, "package: com.example.random" + Math.floorMod(seed, 1000));
    line(0, "patterns:");
    line(1, "Code: '^[A-Z]{3}-[0-9]{2}$'");
    line(1, "Postcode: '^[0-9]{4}[A-Z]{2}$'");
    line(1, "Lower: '^[a-z]+( [a-z]+)*$'");
    line(0, "enums:");
    line(1, "Level: [LOW, MEDIUM, HIGH]");
    line(0, "types:");
    line(1, "Amount: {value: Int, currency: String}");
    line(1, "AmountV1: {cents: Int, currency: String}   # Amount as version 1 of events stored it");
    List<String> names = new ArrayList<>(NOUNS);
    java.util.Collections.shuffle(names, random);
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      String name = names.get(i);
      String key = lowerFirst(name) + "Id";
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(key, "String");
      int extra = 1 + random.nextInt(4);
      for (int f = 0; f < extra; f++) {
        String attribute = pick(ATTRIBUTES);
        if (!fields.containsKey(attribute)) {
          // Drawn only for a new field: a mistake drawn for one already there would be lost.
          fields.put(attribute, type());
        }
      }
      if (random.nextBoolean()) {
        fields.putIfAbsent("label", "String"); // text, where the checks below land
      }
      if (mistakeNow(Mistake.RESERVED_NAME, 2)) {
        fields.put(random.nextBoolean() ? "__typename" : "__schema", "String");
      }
      Map<String, String> constraints = new LinkedHashMap<>();
      fields.forEach(
          (field, type) -> {
            if (type.equals("String") && !field.equals(key)) {
              textConstraint().ifPresent(c -> constraints.put(field, c));
            }
          });
      aggregates.add(
          new Aggregate(
              name,
              key,
              fields,
              constraints,
              name + "Created",
              name + "Touched",
              random.nextInt(3) == 0,
              // Nested stacks: a shared subdomain, one of its own, one named like the part of a
              // split subdomain, or the root; by the name, not drawn, so that the draws (and the
              // shapes' seeds) stay as they were.
              List.of("", "Core", name + "s", name + "Part1")
                  .get(Math.floorMod(name.hashCode(), 4))));
    }
    line(0, "aggregates:");
    for (int i = 0; i < aggregates.size(); i++) {
      aggregate(aggregates.get(i), i > 0 ? aggregates.get(i - 1) : null);
    }
    List<Aggregate> viewed = aggregates.stream().filter(a -> random.nextInt(3) > 0).toList();
    if (!viewed.isEmpty()) {
      line(0, "views:");
      viewed.forEach(this::view);
      customQuery();
    }
    scenario();
    automations(seed);
  }

  /**
   * In about a third of the models, automations on the first aggregate: one its creation runs, with
   * a secret, variables, a {@code stopIf} and a loop of HTTP calls, and one on a schedule (whose
   * URL may be a secret's); each with a test of what it would do. Drawn from a random of their own,
   * so that the other draws (and the shapes' seeds) stay as they were. No e-mail or S3 object: a
   * template is a file beside the model, and these models are one file.
   */
  private void automations(long seed) {
    Random draw = new Random(seed * 31 + 18);
    if (draw.nextInt(3) != 0) {
      return;
    }
    Aggregate a = aggregates.get(0);
    String key = selected("event", a.key());
    line(0, "automations:");
    line(1, "Announce" + a.created() + ":");
    line(2, "on: " + a.name() + "." + a.created());
    line(2, "secrets: {token: {parameterStore: /random/token}}");
    line(2, "do:");
    line(3, "- let: {ref: " + quoted(key) + "}");
    line(3, "- stopIf: size(ref) == 0");
    line(3, "- forEach:");
    line(5, "in: \"[ref, ref + '-copy']\"");
    line(5, "as: item");
    line(5, "do:");
    line(6, "- http:");
    line(8, "method: " + (draw.nextBoolean() ? "POST" : "PUT"));
    line(8, "url: \"'https://hooks.example/' + item\"");
    line(8, "query: {n: item}");
    line(8, "headers: {Authorization: \"'Bearer ' + secrets.token\"}");
    line(2, "tests:");
    line(3, "- when: {" + a.key() + ": k1}");
    line(4, "then:");
    line(
        5,
        "- http: {url: 'https://hooks.example/k1?n=k1', headers: {Authorization: Bearer «secret token»}}");
    line(5, "- http: {url: 'https://hooks.example/k1-copy?n=k1-copy'}");
    line(3, "- when: {" + a.key() + ": ''}");
    line(4, "then: []");
    line(1, "Weekly" + a.name() + "Report:");
    String schedule =
        List.of(
                "{at: 'cron(0 9 ? * MON *)', timezone: Europe/Amsterdam}",
                "'rate(7 days)'",
                "'cron(0/15 * * * ? *)'")
            .get(draw.nextInt(3));
    line(2, "schedule: " + schedule);
    // Drawn last, so that the draws before stay as they were: a URL of the model's, or one a
    // secret holds (read in a test as its placeholder, which is no URL).
    if (draw.nextBoolean()) {
      line(2, "do:");
      line(3, "- http: {method: GET, url: \"'https://hooks.example/' + string(today)\"}");
      line(2, "tests:");
      line(3, "- at: '2027-01-04T08:00:00Z'");
      line(4, "then: [{http: {method: GET, url: 'https://hooks.example/2027-01-04'}}]");
    } else {
      line(2, "secrets: {hook: {secretsManager: random/report-hook}}");
      line(2, "do:");
      line(3, "- http: {method: POST, url: secrets.hook, query: {day: string(today)}}");
      line(2, "tests:");
      line(3, "- at: '2027-01-04T08:00:00Z'");
      line(4, "then: [{http: {method: POST, url: '«secret hook»?day=2027-01-04'}}]");
    }
  }

  /**
   * A scenario, drawn from nothing so that the other draws stay as they were: the last aggregate
   * created as its creating test creates it, its key taken from the answer, and its view (where it
   * has one) read by that key. The last, since its creation triggers no policy: an earlier one's
   * starts the next aggregate's instance of the same key, which a creation then finds existing.
   */
  private void scenario() {
    line(0, "scenarios:");
    line(1, "Lifecycle:");
    line(2, "as: {id: u-1, name: user}");
    line(2, "steps:");
    for (Aggregate a : aggregates.subList(aggregates.size() - 1, aggregates.size())) {
      line(3, "- command: Create" + a.name());
      line(4, "input: {" + String.join(", ", createdWith.get(a.name())) + "}");
      line(4, "extract: {" + lowerFirst(a.name()) + "Key: id}");
      String view = viewOf.get(a.name());
      if (view != null) {
        line(3, "- query: " + view + ".get");
        line(4, "args: {%s: '${%sKey}'}".formatted(a.key(), lowerFirst(a.name())));
        line(4, "expect: {%s: '${%sKey}'}".formatted(a.key(), lowerFirst(a.name())));
      }
    }
  }

  /**
   * A custom query that returns the first view's row and may read every view, in a namespace: not
   * drawn, so that the other draws stay as they were.
   */
  private void customQuery() {
    String first = viewNames.get(0);
    line(0, "queries:");
    line(1, "Find" + first + ":");
    line(2, "api: Custom.find" + first);
    line(2, "args: {key: String, hint: {type: Int, required: false}}");
    line(2, "returns: " + first);
    line(2, "reads: [" + String.join(", ", viewNames) + "]");
  }

  private String type() {
    int roll = random.nextInt(10);
    if (roll == 0) {
      return "Level";
    }
    if (roll == 1) {
      return "Amount";
    }
    if (mistakeNow(Mistake.UNKNOWN_TYPE, 4)) {
      return "Nonexistent";
    }
    return pick(SCALARS);
  }

  /** Most text fields get checks the handler test's 36-character text cannot pass as it is. */
  private java.util.Optional<String> textConstraint() {
    return switch (random.nextInt(5)) {
      case 0 -> java.util.Optional.of("minLength: " + (37 + random.nextInt(60)));
      case 1 -> java.util.Optional.of("maxLength: " + (3 + random.nextInt(6)));
      case 2 -> java.util.Optional.of("pattern: Code");
      case 3 -> java.util.Optional.of("pattern: '^[0-9]{4}[A-Z]{2}$'");
      default -> java.util.Optional.empty();
    };
  }

  /** A value a test may give for a field of this type and these constraints, as YAML. */
  private String value(String field, String type, String constraint) {
    if (constraint != null) {
      // The handler would refuse it: validation must say so.
      boolean breaks = mistakeNow(Mistake.REFUSED_INPUT, 2);
      if (constraint.startsWith("minLength")) {
        int min = Integer.parseInt(constraint.substring("minLength: ".length()));
        return breaks ? "short" : "x".repeat(min);
      }
      if (constraint.startsWith("maxLength")) {
        return breaks ? "far too long for it" : "ab";
      }
      if (constraint.contains("Code")) {
        return breaks ? "abc-12" : PATTERNS.get("Code");
      }
      return breaks ? "1234ab" : PATTERNS.get("Postcode");
    }
    return switch (type) {
      case "String" -> field.endsWith("Id") ? "k1" : "some text";
      case "Int" -> "3";
      case "Float" -> "2.5";
      case "Boolean" -> "true";
      case "Date" -> "'2026-01-31'";
      case "DateTime" -> "'2026-01-31T09:00:00Z'";
      case "[String]" -> "[a, b]";
      case "Level" -> "MEDIUM";
      case "Amount" -> "{value: 5, currency: EUR}";
      default -> "x";
    };
  }

  /**
   * Whether the aggregate's {@code label} is unique: by the name, not drawn, so that the draws (and
   * the shapes' seeds) stay as they were.
   */
  private static boolean uniqueLabel(Aggregate a) {
    return "String".equals(a.fields().get("label")) && Math.floorMod(a.name().hashCode(), 3) == 0;
  }

  private void aggregate(Aggregate a, Aggregate trigger) {
    line(1, a.name() + ":");
    if (!a.subdomain().isEmpty()) {
      line(2, "subdomain: " + a.subdomain());
    }
    line(2, "key: " + a.key());
    line(2, "fields:");
    a.fields().forEach((name, type) -> line(3, name + ": " + quoted(type)));
    // A counter that no event before it sets: the state's numbers start at 0. Chosen by the
    // aggregate's name, not drawn, so that the other shapes' draws stay as they were.
    boolean counts = Math.floorMod(a.name().hashCode(), 2) == 0;
    if (counts) {
      line(3, "touches: Int");
    }
    if (a.lines()) {
      line(3, "lines: {type: '[" + a.name() + "Line]', key: lineId}");
      line(2, "entities:");
      line(3, a.name() + "Line: {lineId: String, quantity: Int}");
    }
    if (uniqueLabel(a)) {
      line(2, "unique: [{fields: [label], code: LABEL_TAKEN}]");
    }
    line(2, "events:");
    line(3, a.created() + ":");
    Optional<String> amount = versionedAmount(a);
    if (amount.isPresent()) {
      line(4, "version: 2");
    }
    line(4, "fields: {" + fieldList(a.fields()) + "}");
    if (amount.isPresent()) {
      // Version 1 stored the amount in cents: a changed value type, read field by field.
      Map<String, String> stored = new LinkedHashMap<>(a.fields());
      stored.put(amount.get(), "AmountV1");
      line(4, "versions:");
      line(5, "1:");
      line(6, "fields: {" + fieldList(stored) + "}");
      line(6, "upcast: {" + amount.get() + ".value: old.cents / 100}");
    }
    // has() of an event's number, which always holds a value (a primitive in the generated code).
    a.fields().entrySet().stream()
        .filter(field -> counts && field.getValue().equals("Int"))
        .findFirst()
        .ifPresent(
            field ->
                line(
                    4,
                    "apply: {%s: 'has(%s) ? %s : 0'}"
                        .formatted(
                            field.getKey(),
                            selected("event", field.getKey()),
                            selected("event", field.getKey()))));
    line(3, a.touched() + ":");
    line(4, "fields: {" + a.key() + ": String}");
    // Filled from a `let` by name: the let's value (an enum's text in CEL) is converted as a
    // mapping's would be.
    line(3, a.name() + "Rated:");
    line(4, "fields: {" + a.key() + ": String, level: Level}");
    if (counts) {
      line(4, "apply: {touches: state.touches + 1}");
    }
    if (a.lines()) {
      line(3, a.name() + "LineAdded:");
      line(4, "fields: {" + a.key() + ": String, lineId: String, quantity: Int}");
      line(4, "apply: {lines: {upsert: event.lineId, with: {quantity: event.quantity}}}");
    }
    GradedShapes grades = random.nextBoolean() ? graded() : null;
    if (grades != null) {
      grades.event(a.name(), a.key());
    }
    line(2, "commands:");
    if (grades != null) {
      grades.command(
          a.name(), a.key(), pick(List.of("'{{Lower}}'", "Lower", "'^{{Lower}}( [0-9]+)?$'")));
    }
    line(3, "Create" + a.name() + ":");
    line(4, "creates: true");
    line(4, "fields:");
    a.fields()
        .forEach(
            (name, type) ->
                line(
                    5,
                    name
                        + ": "
                        + (a.constraints().containsKey(name)
                            ? "{type: String, " + a.constraints().get(name) + "}"
                            : quoted(type))));
    rule(a);
    line(4, "emits: [" + (mistakeNow(Mistake.UNKNOWN_EVENT, 2) ? "Missing" : a.created()) + "]");
    line(4, "tests:");
    line(5, "- name: creates one");
    List<String> when = new ArrayList<>();
    a.fields()
        .forEach(
            (name, type) -> when.add(name + ": " + value(name, type, a.constraints().get(name))));
    line(6, "when: {" + String.join(", ", when) + "}");
    line(6, "then: {events: [" + a.created() + "]}");
    if (uniqueLabel(a)) {
      String label = when.stream().filter(w -> w.startsWith("label: ")).findFirst().orElseThrow();
      line(5, "- name: a label another instance has is taken");
      line(6, "others: [{" + a.key() + ": k2, " + label + "}]");
      line(6, "when: {" + String.join(", ", when) + "}");
      line(6, "then: {error: LABEL_TAKEN}");
    }
    createdWith.put(a.name(), when);
    String given = "given: [{" + a.created() + ": {" + a.key() + ": k1}}]";
    // A rule that always holds, built of object and list literals and the hashing and time
    // functions, so that every model runs their translation (not drawn: the draws stay as they
    // were).
    command(
        a,
        "Touch" + a.name(),
        STAMP_RULE,
        "emits: [" + a.touched() + "]",
        given,
        a.touched(),
        STAMP_MOMENT);
    amount.ifPresent(
        field -> {
          // A second test of the command: an instance created by version 1 reads the new shape.
          line(
              5,
              "- given: [{%s@1: {%s: k1, %s: {cents: 250, currency: EUR}}}]"
                  .formatted(a.created(), a.key(), field));
          line(6, STAMP_MOMENT);
          line(6, "when: {" + a.key() + ": k1}");
          line(
              6,
              "then: {events: [%s], state: {%s: {value: 2, currency: EUR}}}"
                  .formatted(a.touched(), field));
        });
    // By the name, not drawn (the draws stay as they were): the command is run by the other
    // aggregate's event too, with a case of its own that runs through that event's handler.
    if (trigger != null && Math.floorMod(a.name().hashCode() >> 7, 2) == 0) {
      String on = trigger.name() + "." + trigger.created();
      line(5, "- " + given);
      line(6, "on: " + on);
      line(6, "when: {" + trigger.key() + ": k1}");
      line(6, "then: {events: [" + a.touched() + "]}");
      line(4, "on: {" + on + ": {" + a.key() + ": event." + trigger.key() + "}}");
    }
    command(
        a,
        "Rate" + a.name(),
        "let: {level: \"size(command." + a.key() + ") > 0 ? 'HIGH' : 'LOW'\"}",
        "emits: [" + a.name() + "Rated]",
        given,
        "{" + a.name() + "Rated: {level: HIGH}}");
    if (a.lines()) {
      line(3, "Add" + a.name() + "Line:");
      if (Math.floorMod(a.name().hashCode() >> 7, 2) == 0) {
        line(4, "notify: true"); // by the name, not drawn: the draws stay as they were
      }
      line(4, "fields: {" + a.key() + ": String, lineId: String, quantity: Int}");
      line(4, "emits: [" + a.name() + "LineAdded]");
      line(4, "tests:");
      line(5, "- " + given);
      line(6, "when: {" + a.key() + ": k1, lineId: l1, quantity: 2}");
      line(6, "then: {events: [" + a.name() + "LineAdded]}");
    }
    if (random.nextInt(3) == 0) {
      // Only checks: no emits, a rule.
      String rule =
          "rules: [{require: 'has(state." + a.key() + ")', code: UNKNOWN, message: Unknown}]";
      command(a, "Check" + a.name(), "", rule, given, "");
    }
    if (random.nextInt(3) == 0) {
      command(a, "Audit" + a.name(), "custom: true", "", given, ""); // hand-written, no emits
    }
    if (trigger != null) {
      line(2, "policies:");
      line(3, "Touch" + a.name() + "When" + trigger.created() + ":");
      line(4, "on: " + trigger.name() + "." + trigger.created());
      line(4, "key: event." + trigger.key());
      // By the name, not drawn (the draws stay as they were): create or update, conditionally.
      boolean orCreates = Math.floorMod(a.name().hashCode() >> 5, 2) == 0;
      if (orCreates) {
        line(4, "creates: ifMissing");
      }
      line(4, "emits:");
      line(5, "- " + a.touched() + ": {" + a.key() + ": event." + trigger.key() + "}");
      if (orCreates) {
        line(6, "if: size(event." + trigger.key() + ") > 0");
      }
      if (random.nextInt(2) == 0) {
        // No emits: hand-written, or only checking.
        line(3, "Note" + a.name() + "When" + trigger.created() + ":");
        line(4, "on: " + trigger.name() + "." + trigger.created());
        line(4, "key: event." + trigger.key());
        line(
            4,
            random.nextBoolean()
                ? "custom: true"
                : "rules: [{require: 'event."
                    + trigger.key()
                    + " != \"\"', code: NO_KEY, message: No key}]");
        line(4, "tests:");
        line(5, "- " + given);
        line(6, "when: {" + trigger.key() + ": k1}");
        line(6, "then: {events: []}");
      }
    }
  }

  /**
   * The {@code Amount} field whose stored shape changed, for an aggregate that has one and whose
   * creating event is at version 2; by the name, not drawn, so that the draws stay as they were.
   */
  private static Optional<String> versionedAmount(Aggregate a) {
    if (Math.floorMod(a.name().hashCode() >> 3, 2) != 0) {
      return Optional.empty();
    }
    return a.fields().entrySet().stream()
        .filter(f -> f.getValue().equals("Amount"))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The graded shapes of an aggregate, making the model's mistake if it is one of theirs. */
  private GradedShapes graded() {
    Mistake refused = null;
    for (Mistake kind : GradedShapes.REFUSED) {
      if (refused == null && mistakeNow(kind, 1)) {
        refused = kind;
      }
    }
    return new GradedShapes(refused, (text, indent) -> line(indent, text));
  }

  /** A command on an existing instance, given as {@code given}, with one test. */
  private void command(
      Aggregate a, String name, String option, String body, String given, String event) {
    command(a, name, option, body, given, event, "");
  }

  /** A command with one test, run {@code at} a moment when that is not empty. */
  private void command(
      Aggregate a, String name, String option, String body, String given, String event, String at) {
    line(3, name + ":");
    if (!option.isEmpty()) {
      line(4, option);
    }
    // An API name on some commands, by their name, not a draw, so that the draws stay as they
    // were: in the aggregate's namespace, or one level deeper in a namespace all aggregates share.
    switch (Math.floorMod((a.name() + name).hashCode(), 4)) {
      case 0 -> line(4, "api: %s.%s".formatted(a.name(), lowerFirst(name)));
      case 1 -> line(4, "api: Shared.%s.%s".formatted(a.name(), lowerFirst(name)));
      default -> {}
    }
    line(4, "fields: {" + a.key() + ": String}");
    if (!body.isEmpty()) {
      line(4, body);
    }
    line(4, "tests:");
    line(5, "- " + given);
    if (!at.isEmpty()) {
      line(6, at);
    }
    line(6, "when: {" + a.key() + ": k1}");
    line(6, "then: {events: [" + event + "]}");
  }

  /** The command's field in an expression, quoted if CEL reserves its name. */
  private static String command(String field) {
    return selected("command", field);
  }

  /** {@code variable.field} in an expression, the field quoted if CEL reserves its name. */
  private static String selected(String variable, String field) {
    return variable + "." + (CEL_KEYWORDS.contains(field) ? "`" + field + "`" : field);
  }

  /** A rule of the right type for a field the command has, or (as the mistake) of a wrong one. */
  private void rule(Aggregate a) {
    for (Map.Entry<String, String> field : a.fields().entrySet()) {
      String condition =
          switch (field.getValue()) {
            case "Int" -> command(field.getKey()) + " >= 0";
            case "Float" -> command(field.getKey()) + " >= 0.0";
            case "String" -> "size(" + command(field.getKey()) + ") <= 200";
            case "[String]" -> "size(" + command(field.getKey()) + ") <= 10";
            default -> null;
          };
      if (condition != null && !field.getKey().equals(a.key())) {
        if (mistakeNow(Mistake.RULE_TYPE, 1)) {
          condition = command(field.getKey()) + " + true";
        }
        line(4, "rules:");
        line(5, "- require: " + quoted(condition));
        line(6, "code: OUT_OF_RANGE");
        line(6, "message: " + quoted("The " + field.getKey() + " is out of range"));
        return;
      }
    }
  }

  private void view(Aggregate a) {
    // Named after its aggregate's stack and `Command`, its data source role would be that stack's
    // command role (`Command` alone, in the root, the root's).
    boolean clash = mistakeNow(Mistake.STACK_NAME_CLASH, 1);
    String viewName = clash ? a.subdomain() + "Command" : a.name() + "Summary";
    viewNames.add(viewName);
    viewOf.put(a.name(), viewName);
    line(1, viewName + ":");
    line(2, "from: " + a.name());
    Map<String, String> shown = new LinkedHashMap<>();
    a.fields()
        .forEach(
            (name, type) -> {
              if (name.equals(a.key()) || random.nextBoolean()) {
                shown.put(name, type);
              }
            });
    if (a.lines()) {
      line(2, "set: {linesJson: state.lines}"); // a Json field from an entity collection
      shown.put("linesJson", "Json");
      // The collection itself, copied by name: a view of an aggregate may hold its entities.
      // Not drawn, so that the other shapes' draws stay as they were.
      shown.put("lines", "[" + a.name() + "Line]");
    }
    line(2, "fields: {" + fieldList(shown) + "}");
    // API names for the queries of half the views, by their name, not a draw.
    if (Math.floorMod(a.name().hashCode(), 2) == 0) {
      line(2, "queries: {get: {api: %s.Views.get}, list: {}}".formatted(a.name()));
    }
    // Authorization that depends on the data, on a third of the views: by their name, not a draw,
    // so that the draws (and the shapes' seeds) stay as they were.
    Optional<String> owner =
        shown.entrySet().stream()
            .filter(f -> f.getValue().equals("String") && !f.getKey().equals(a.key()))
            .map(Map.Entry::getKey)
            .findFirst();
    if (owner.isPresent() && Math.floorMod(a.name().hashCode(), 3) == 0) {
      line(2, "auth: [owner:" + owner.get() + ", {when: \"size(user.roles) > 1\"}]");
      // Of those without API names, a keyed subscription: get decides by the key and the caller.
      if (Math.floorMod(a.name().hashCode(), 2) != 0) {
        line(2, "notify: true");
        line(
            2,
            "queries: {get: {auth: [owner:%s, {when: \"size(user.roles) > 1\"}]}, list: {}}"
                .formatted(a.key()));
      }
    } else if (Math.floorMod(a.name().hashCode(), 3) == 1) {
      // Subscriptions on another third (a view whose auth depends on the data cannot notify):
      // its view test then checks what the projector publishes.
      line(2, "notify: true");
    }
    // A view test, drawn from nothing so that the other draws stay as they were: two instances
    // started, one touched, give exactly their two rows.
    line(2, "tests:");
    line(3, "- name: one row per instance");
    line(4, "given:");
    line(5, "- %s.%s: {%s: k1}".formatted(a.name(), a.created(), a.key()));
    line(5, "- %s.%s: {%s: k1}".formatted(a.name(), a.touched(), a.key()));
    line(5, "- %s.%s: {%s: k2}".formatted(a.name(), a.created(), a.key()));
    line(4, "then: {rows: [{%s: k1}, {%s: k2}]}".formatted(a.key(), a.key()));
    // An `on` view whose handler changes several rows (`keys`), beside half the views: by name,
    // not a draw, so that the draws stay as they were.
    if (Math.floorMod(a.name().hashCode(), 2) == 0) {
      fanOut(a);
    }
  }

  /** Each created instance counts in its own row and in the row `all`. */
  private void fanOut(Aggregate a) {
    line(1, a.name() + "FanOut:");
    line(2, "key: rowKey");
    line(2, "fields: {rowKey: String, seen: Int}");
    line(2, "on:");
    line(3, a.name() + "." + a.created() + ":");
    line(4, "keys: \"[event.%s, 'all', event.%s]\"".formatted(a.key(), a.key()));
    line(4, "set: {seen: 'has(view.seen) ? view.seen + 1 : 1'}");
    line(2, "tests:");
    line(3, "- name: every row the list names, once");
    line(4, "given:");
    line(5, "- %s.%s: {%s: k1}".formatted(a.name(), a.created(), a.key()));
    line(5, "- %s.%s: {%s: k2}".formatted(a.name(), a.created(), a.key()));
    line(4, "then:");
    line(5, "rows: [{rowKey: k1, seen: 1}, {rowKey: k2, seen: 1}, {rowKey: all, seen: 2}]");
  }

  private static String fieldList(Map<String, String> fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach((name, type) -> parts.add(name + ": " + quoted(type)));
    return String.join(", ", parts);
  }

  static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private void line(int indent, String text) {
    yaml.append("  ".repeat(indent)).append(text).append('\n');
  }
}
