package dev.tracepaper.property;

import dev.tracepaper.property.RandomModel.Mistake;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * The shapes of issue 11's "values that are silently wrong", for {@link RandomModel}: a Float
 * computed from Ints with {@code double()}, a spliced pattern, the key field of an event, a bound
 * on an event field (checked when the event is recorded). With {@code refused}, one of their
 * refused forms instead: integer division into the Float, another value for the key field, or a
 * {@code default} on the event field.
 *
 * @param refused the refused form to write, or null
 * @param line writes a line of YAML at an indent
 */
record GradedShapes(Mistake refused, ObjIntConsumer<String> line) {

  /** The mistakes these shapes can make. */
  static final List<Mistake> REFUSED =
      List.of(
          Mistake.INTEGER_DIVISION_INTO_FLOAT,
          Mistake.EVENT_CHANGES_KEY,
          Mistake.DEFAULT_ON_EVENT_FIELD);

  /** The event {@code <Name>Graded}, under {@code events:}. */
  void event(String name, String key) {
    String bound = refused == Mistake.DEFAULT_ON_EVENT_FIELD ? "default: 1" : "min: 0";
    line(3, name + "Graded:");
    line(4, "fields: {" + key + ": String, mean: Float, aCount: {type: Int, " + bound + "}}");
  }

  /** The command {@code Grade<Name>}, under {@code commands:}, its label of {@code pattern}. */
  void command(String name, String key, String pattern) {
    String mean =
        refused == Mistake.INTEGER_DIVISION_INTO_FLOAT
            ? "(command.a + command.b) / 2"
            : "double(command.a + command.b) / 2.0";
    String keyValue =
        (refused == Mistake.EVENT_CHANGES_KEY ? "'other-' + " : "") + "command." + key;
    line(3, "Grade" + name + ":");
    line(4, "creates: true");
    line(
        4,
        "fields: {"
            + key
            + ": String, a: Int, b: Int, label: {type: String, pattern: "
            + pattern
            + "}}");
    line(4, "emits:");
    line(
        5,
        "- %sGraded: {%s: %s, mean: %s, aCount: command.a}"
            .formatted(name, key, RandomModel.quoted(keyValue), RandomModel.quoted(mean)));
    line(4, "tests:");
    line(5, "- when: {" + key + ": k1, a: 4, b: 3, label: abc def}");
    line(6, "then: {events: [{" + name + "Graded: {mean: 3.5, aCount: 4}}]}");
  }

  private void line(int indent, String text) {
    line.accept(text, indent);
  }
}
