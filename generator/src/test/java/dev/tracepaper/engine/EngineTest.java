package dev.tracepaper.engine;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Validator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine as `tracepaper run` will use it: commands through the API one after the other on one
 * store, events delivered to the views and to the policies that react, views read back.
 */
class EngineTest {

  private static final JsonMapper JSON = new JsonMapper();
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final Caller LIBRARIAN = new Caller("u-lib", "lib", List.of("librarian"));
  private static final Caller MEMBER = new Caller("u-ada", "ada", List.of("member"));

  private static ModelIndex library;

  @BeforeAll
  static void library() {
    Path folder = TestPaths.examples().resolve("library");
    library = new Validator().run(List.of(folder), folder).index().orElseThrow();
  }

  private static Command command(String aggregate, String name) {
    return library.aggregate(aggregate).orElseThrow().commands().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Outcome.Recorded run(Engine engine, Command command, String input, Caller caller) {
    Outcome outcome =
        engine.command(
            command, JSON.readTree(input), caller, AuthType.AMAZON_COGNITO_USER_POOLS, NOW);
    assertThat(outcome).isInstanceOf(Outcome.Recorded.class);
    Outcome.Recorded recorded = (Outcome.Recorded) outcome;
    recorded.events().forEach(e -> engine.deliver(e, NOW));
    return recorded;
  }

  @Test
  void aLossReportedByAMemberWithdrawsTheBookThroughThePolicyAndTheViewShowsIt() {
    Engine engine = new Engine(library);
    run(
        engine,
        command("Book", "RegisterBook"),
        "{\"isbn\": \"9780441013593\", \"title\": \"Dune\", \"copies\": 2}",
        LIBRARIAN);
    Outcome.Recorded joined =
        run(
            engine,
            command("Membership", "JoinLibrary"),
            "{\"name\": \"Ada\", \"email\": \"ada@example.com\","
                + " \"address\": {\"street\": \"Main 1\", \"city\": \"Delft\", \"postcode\": \"2611AB\"}}",
            MEMBER);
    String memberId = joined.key();

    Outcome outcome =
        engine.command(
            command("Membership", "ReportLoanLost"),
            JSON.readTree("{\"memberId\": \"" + memberId + "\", \"isbn\": \"9780441013593\"}"),
            MEMBER,
            AuthType.AMAZON_COGNITO_USER_POOLS,
            NOW);
    List<Reaction> reactions = engine.deliver(((Outcome.Recorded) outcome).events().get(0), NOW);

    assertThat(reactions).hasSize(1);
    assertThat(reactions.get(0).flow()).isEqualTo("policy WithdrawWhenLost");
    Outcome.Recorded withdrawn = (Outcome.Recorded) reactions.get(0).outcome();
    assertThat(withdrawn.aggregate()).isEqualTo("Book");
    assertThat(withdrawn.events().get(0).type()).isEqualTo("BookWithdrawn");
    assertThat(withdrawn.events().get(0).caller().id()).isEqualTo("u-ada");
    assertThat(
            engine
                .events()
                .find("Book", "9780441013593")
                .orElseThrow()
                .state()
                .get("status")
                .asString())
        .isEqualTo("WITHDRAWN");
    View availability = library.view("BookAvailability").orElseThrow();
    JsonNode row = engine.get(availability, "9780441013593").orElseThrow();
    assertThat(row.get("status").asString()).isEqualTo("WITHDRAWN");
    assertThat(row.get("available").asLong()).isEqualTo(2);
    assertThat(engine.list(availability)).hasSize(1);
  }

  @Test
  void aSecondMemberWithTheSameAddressInAnotherCaseIsRefused() {
    Engine engine = new Engine(library);
    String join =
        "{\"name\": \"Ada\", \"email\": \"%s\","
            + " \"address\": {\"street\": \"Main 1\", \"city\": \"Delft\", \"postcode\": \"2611AB\"}}";
    run(engine, command("Membership", "JoinLibrary"), join.formatted("ada@example.com"), MEMBER);

    Outcome second =
        engine.command(
            command("Membership", "JoinLibrary"),
            JSON.readTree(join.formatted("ADA@example.com")),
            MEMBER,
            AuthType.AMAZON_COGNITO_USER_POOLS,
            NOW);

    assertThat(second)
        .isEqualTo(new Outcome.Refused("EMAIL_TAKEN", "Another member has this e-mail address"));
    assertThat(engine.events().instances("Membership")).hasSize(1);
  }

  @Test
  void aCallerTheAuthDoesNotAdmitIsRefusedBeforeTheInputIsRead() {
    Engine engine = new Engine(library);

    Outcome outcome =
        engine.command(
            command("Book", "RegisterBook"),
            JSON.readTree("{}"),
            Caller.authenticated(AuthType.API_KEY, null, null, List.of()),
            AuthType.API_KEY,
            NOW);

    assertThat(outcome)
        .isEqualTo(
            new Outcome.Refused("UNAUTHORIZED", "Only signed-in callers may run RegisterBook."));
  }
}
