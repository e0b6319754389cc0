package dev.tracepaper.expr;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read side's {@code when} conditions as JavaScript: every construct the translator supports,
 * run under node on callers, arguments and rows whose answer CEL gives (written out by hand below),
 * including the cases where JavaScript alone would differ (a missing field, an index out of range:
 * refused, as CEL fails the expression).
 */
class JsTranslatorTest {

  /**
   * A condition, and per case (user, args, row as JSON) the answer CEL gives: true, false or
   * "refused".
   */
  private record Case(String condition, String user, String args, String row, Object expected) {}

  private static final String ADA = "{id: 'u-ada', name: 'ada', roles: ['w1:member', 'staff']}";
  private static final String BOB = "{id: 'u-bob', name: 'bob', roles: []}";
  private static final String ROW =
      "{ticketId: 't1', owner: 'u-ada', team: 'D1:acme:Shop', points: 3, open: true, tags: ['a', 'b']}";

  private static final List<Case> CASES =
      List.of(
          new Case("row.owner == user.id", ADA, "{}", ROW, true),
          new Case("row.owner == user.id", BOB, "{}", ROW, false),
          new Case("row.owner != user.id", BOB, "{}", ROW, true),
          new Case("args.owner + ':member' in user.roles", ADA, "{owner: 'w1'}", ROW, true),
          new Case("args.owner + ':member' in user.roles", ADA, "{owner: 'w2'}", ROW, false),
          new Case("!('staff' in user.roles)", ADA, "{}", ROW, false),
          new Case("row.points > 2 && row.open", BOB, "{}", ROW, true),
          new Case("row.points <= 2 || !row.open", BOB, "{}", ROW, false),
          new Case(
              "row.team.startsWith('D1:') && row.team.endsWith(':Shop')", BOB, "{}", ROW, true),
          new Case("row.team.contains(':acme:')", BOB, "{}", ROW, true),
          new Case("row.team.split(':')[1] + '-viewer' in user.roles", BOB, "{}", ROW, false),
          new Case("row.team.split(':')[1] == 'acme'", BOB, "{}", ROW, true),
          new Case("row.team.split(':')[5] == 'acme'", BOB, "{}", ROW, "refused"),
          new Case("!(row.team.split(':')[5] == 'acme')", BOB, "{}", ROW, "refused"),
          new Case("size(row.tags) == 2 && 'b' in row.tags", BOB, "{}", ROW, true),
          new Case("row.tags.size() > 2", BOB, "{}", ROW, false),
          new Case("has(row.owner) ? row.owner == user.id : false", ADA, "{}", ROW, true),
          new Case("has(row.owner)", BOB, "{}", "{ticketId: 't2'}", false),
          new Case("row.tags[0] in ['a', 'z']", BOB, "{}", ROW, true),
          new Case("size(user.roles) > 1", ADA, "{}", ROW, true),
          new Case("user.name == 'bob'", BOB, "{}", ROW, true));

  @TempDir Path out;

  @Test
  void everySupportedConstructGivesWhatCelGives() throws Exception {
    ExternalTool node = ExternalTool.requireOrSkip("node", "running the translated conditions");
    Path model = out.resolve("model");
    Files.createDirectories(model);
    Files.writeString(model.resolve("desk.yaml"), model(), UTF_8);
    ModelIndex index = new Validator().run(List.of(model), model).index().orElseThrow();
    List<CheckedExpression> conditions =
        ExpressionChecker.checked(index).all().stream()
            .filter(c -> c.site().place() == Place.AUTH_CONDITION)
            .toList();
    assertThat(conditions).hasSize(CASES.size());
    JsTranslator translator = new JsTranslator();
    StringBuilder js = new StringBuilder();
    js.append(
        """
        import assert from 'node:assert/strict';
        const REFUSED = {};
        function at(list, index) {
          if (!list || index < 0 || index >= list.length) {
            throw REFUSED;
          }
          return list[index];
        }
        function outcome(condition, user, args, row) {
          try {
            return condition(user, args, row);
          } catch (e) {
            if (e === REFUSED) return 'refused';
            throw e;
          }
        }
        """);
    for (int i = 0; i < CASES.size(); i++) {
      Case c = CASES.get(i);
      CheckedExpression checked = conditions.get(i);
      assertThat(checked.expression().text()).isEqualTo(c.condition());
      assertWithMessage(c.condition()).that(checked.isValid()).isTrue();
      String code = ((Translation.Java) translator.translate(checked)).code();
      String expected = c.expected() instanceof String s ? "'" + s + "'" : c.expected().toString();
      js.append(
          "assert.equal(outcome((user, args, row) => %s, %s, %s, %s), %s, %s);\n"
              .formatted(
                  code,
                  c.user(),
                  c.args(),
                  c.row(),
                  expected,
                  dev.tracepaper.text.Escapes.jsString(c.condition() + " -> " + code)));
    }
    js.append("process.stdout.write('ok');\n");
    Files.writeString(out.resolve("check.mjs"), js.toString(), UTF_8);
    ExternalTool.Result result = node.run(out, "check.mjs");
    assertWithMessage(result.output()).that(result.exitCode()).isEqualTo(0);
  }

  private static String model() {
    String whens =
        CASES.stream()
            .map(c -> "          - {when: \"" + c.condition() + "\"}")
            .collect(Collectors.joining("\n"));
    return """
        tracepaper: 1
        app: {name: desk, package: com.example.desk}
        aggregates:
          Ticket:
            key: ticketId
            fields: {ticketId: String, owner: String, team: String, points: Int, open: Boolean, tags: '[String]'}
            events:
              TicketOpened:
                fields: {ticketId: String, owner: String, team: String, points: Int, open: Boolean, tags: '[String]'}
            commands:
              OpenTicket:
                creates: true
                fields: {ticketId: String, owner: String, team: String, points: Int, open: Boolean, tags: '[String]'}
                emits: [TicketOpened]
                tests:
                  - when: {ticketId: t1, owner: u-ada, team: ops, points: 1, open: true, tags: [a]}
                    then: {events: [TicketOpened]}
        views:
          Tickets:
            from: Ticket
            fields: {ticketId: String, owner: String, team: String, points: Int, open: Boolean, tags: '[String]'}
            queries:
              byOwner:
                index: owner
                auth:
        """
        + whens
        + "\n";
  }
}
