package dev.tracepaper.property;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A random model built from the language's constructs, for property tests: one to three aggregates
 * with fields of every kind of type, events, commands (with rules and tests), policies reacting to
 * another aggregate, and views of their state. Most are valid; about one in five gets one
 * deliberate mistake (an unknown type or event, an expression of the wrong type), so both branches
 * of the property run. The same seed gives the same model.
 */
final class RandomModel {

  private static final List<String> NOUNS =
      List.of(
          "Order", "Parcel", "Ticket", "Room", "Invoice", "Lesson", "Record", "Shelf", "Route",
          "Badge", "Event", "Class", "Query", "Value", "Status", "Report", "Case", "Default");
  private static final List<String> ATTRIBUTES =
      List.of(
          "title",
          "amount",
          "count",
          "active",
          "dueOn",
          "startsAt",
          "tags",
          "note",
          "weight",
          "code",
          "priority",
          "open",
          "label",
          "score",
          "type",
          "size",
          "from",
          "record");
  private static final List<String> SCALARS =
      List.of("String", "Int", "Float", "Boolean", "Date", "DateTime", "[String]");

  private final Random random;
  private final StringBuilder yaml = new StringBuilder();
  private final List<Aggregate> aggregates = new ArrayList<>();
  private boolean mistake;

  /** The refused form of issue 11 the current graded aggregate gets: none (0), or 1 to 3. */
  private int graded;

  private record Aggregate(
      String name, String key, Map<String, String> fields, String created, String touched) {}

  private RandomModel(long seed) {
    this.random = new Random(seed);
  }

  /** The model of {@code seed} as YAML, and whether it was given a mistake on purpose. */
  record Generated(String yaml, boolean mistake) {}

  static Generated of(long seed) {
    RandomModel model = new RandomModel(seed);
    model.write(seed);
    return new Generated(model.yaml.toString(), model.mistake);
  }

  private void write(long seed) {
    mistake = random.nextInt(5) == 0;
    line(0, "tracepaper: 1");
    line(0, "app:");
    line(1, "name: random" + Math.floorMod(seed, 1000));
    line(1, "package: com.example.random" + Math.floorMod(seed, 1000));
    line(0, "enums:");
    line(1, "Level: [LOW, MEDIUM, HIGH]");
    line(0, "types:");
    line(1, "Amount: {value: Int, currency: String}");
    line(0, "patterns:");
    line(1, "Lower: '^[a-z]+( [a-z]+)*$'");
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
        fields.putIfAbsent(pick(ATTRIBUTES), type());
      }
      if (mistake && random.nextInt(4) == 0) {
        fields.put(random.nextBoolean() ? "class" : "default", "String"); // a Java keyword
        mistake = false;
      }
      aggregates.add(new Aggregate(name, key, fields, name + "Created", name + "Touched"));
    }
    line(0, "aggregates:");
    for (int i = 0; i < aggregates.size(); i++) {
      aggregate(aggregates.get(i), i > 0 ? aggregates.get(i - 1) : null);
    }
    List<Aggregate> viewed = aggregates.stream().filter(a -> random.nextInt(3) > 0).toList();
    if (!viewed.isEmpty()) {
      line(0, "views:");
      viewed.forEach(this::view);
    }
  }

  private String type() {
    int roll = random.nextInt(10);
    if (roll == 0) {
      return "Level";
    }
    if (roll == 1) {
      return "Amount";
    }
    if (mistake && random.nextInt(4) == 0) {
      mistake = false; // one mistake is enough
      return "Nonexistent";
    }
    return pick(SCALARS);
  }

  private void aggregate(Aggregate a, Aggregate trigger) {
    line(1, a.name() + ":");
    line(2, "key: " + a.key());
    line(2, "fields:");
    a.fields().forEach((name, type) -> line(3, name + ": " + quoted(type)));
    line(2, "events:");
    line(3, a.created() + ":");
    line(4, "fields: {" + fieldList(a.fields()) + "}");
    line(3, a.touched() + ":");
    line(4, "fields: {" + a.key() + ": String}");
    boolean graded = random.nextBoolean();
    if (graded) {
      gradedEvent(a);
    }
    line(2, "commands:");
    if (graded) {
      gradedCommand(a);
    }
    line(3, "Create" + a.name() + ":");
    line(4, "creates: true");
    line(4, "fields: {" + fieldList(a.fields()) + "}");
    rule(a);
    line(4, "emits: [" + (mistake && random.nextBoolean() ? noMore("Missing") : a.created()) + "]");
    line(3, "Touch" + a.name() + ":");
    line(4, "fields: {" + a.key() + ": String}");
    line(4, "emits: [" + a.touched() + "]");
    if (trigger != null) {
      line(2, "policies:");
      line(3, "Touch" + a.name() + "When" + trigger.created() + ":");
      line(4, "on: " + trigger.name() + "." + trigger.created());
      line(4, "key: event." + trigger.key());
      line(4, "emits:");
      line(5, "- " + a.touched() + ": {" + a.key() + ": event." + trigger.key() + "}");
    }
  }

  /**
   * The shapes of issue 11's "values that are silently wrong": a Float computed from Ints with
   * {@code double()}, a spliced pattern, the key field of an event, a bound on an event field
   * (checked when the event is recorded). One graded aggregate in six gets, independently of the
   * model's own mistake, one refused form instead: integer division into the Float, another value
   * for the key field, or a {@code default} on the event field.
   */
  private void gradedEvent(Aggregate a) {
    graded = random.nextInt(6) == 0 ? 1 + random.nextInt(3) : 0;
    String bound = graded == 3 ? "default: 1" : "min: 0";
    line(3, a.name() + "Graded:");
    line(4, "fields: {" + a.key() + ": String, mean: Float, aCount: {type: Int, " + bound + "}}");
  }

  private void gradedCommand(Aggregate a) {
    String mean =
        graded == 1 ? "(command.a + command.b) / 2" : "double(command.a + command.b) / 2.0";
    String key = (graded == 2 ? "'other-' + " : "") + "command." + a.key();
    String pattern = pick(List.of("'{{Lower}}'", "Lower", "'^{{Lower}}( [0-9]+)?$'"));
    line(3, "Grade" + a.name() + ":");
    line(4, "creates: true");
    line(
        4,
        "fields: {"
            + a.key()
            + ": String, a: Int, b: Int, label: {type: String, pattern: "
            + pattern
            + "}}");
    line(4, "emits:");
    line(
        5,
        "- "
            + a.name()
            + "Graded: {"
            + a.key()
            + ": "
            + quoted(key)
            + ", mean: "
            + quoted(mean)
            + ", aCount: command.a}");
    line(4, "tests:");
    line(5, "- when: {" + a.key() + ": k1, a: 4, b: 3, label: abc def}");
    line(6, "then: {events: [{" + a.name() + "Graded: {mean: 3.5, aCount: 4}}]}");
  }

  private String noMore(String event) {
    mistake = false;
    return event;
  }

  /** A rule of the right type for a field the command has, or (as the mistake) of a wrong one. */
  private void rule(Aggregate a) {
    for (Map.Entry<String, String> field : a.fields().entrySet()) {
      String condition =
          switch (field.getValue()) {
            case "Int" -> "command." + field.getKey() + " >= 0";
            case "Float" -> "command." + field.getKey() + " >= 0.0";
            case "String" -> "size(command." + field.getKey() + ") <= 200";
            case "[String]" -> "size(command." + field.getKey() + ") <= 10";
            default -> null;
          };
      if (condition != null && !field.getKey().equals(a.key())) {
        if (mistake) {
          condition = "command." + field.getKey() + " + true";
          mistake = false;
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
    line(1, a.name() + "Summary:");
    line(2, "from: " + a.name());
    Map<String, String> shown = new LinkedHashMap<>();
    a.fields()
        .forEach(
            (name, type) -> {
              if (name.equals(a.key()) || random.nextBoolean()) {
                shown.put(name, type);
              }
            });
    line(2, "fields: {" + fieldList(shown) + "}");
  }

  private static String fieldList(Map<String, String> fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach((name, type) -> parts.add(name + ": " + quoted(type)));
    return String.join(", ", parts);
  }

  private static String quoted(String text) {
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
