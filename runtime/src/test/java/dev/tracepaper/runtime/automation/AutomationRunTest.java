package dev.tracepaper.runtime.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.AppSyncRequest;
import dev.tracepaper.runtime.Caller;
import dev.tracepaper.runtime.CommandError;
import dev.tracepaper.runtime.CommandResult;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.Metadata;
import dev.tracepaper.runtime.StandardOutput;
import dev.tracepaper.runtime.StoredEvent;
import dev.tracepaper.runtime.testing.AutomationCheck;
import dev.tracepaper.runtime.testing.InMemoryLedger;
import dev.tracepaper.runtime.testing.Performed;
import dev.tracepaper.runtime.testing.RecordingEffects;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Runs, their ledger of steps and the test support, in memory. */
class AutomationRunTest {

  private static final Instant JOINED = Instant.parse("2027-01-04T08:00:00Z");
  private static final List<SecretRef> SECRETS =
      List.of(SecretRef.secretsManager("supplierToken", "library/supplier-token"));

  private final InMemoryLedger ledger = new InMemoryLedger();
  private final RecordingEffects recorded = RecordingEffects.sendingCommands();
  private final Flaky effects = new Flaky(recorded);
  private final Automations automations = new Automations(ledger, effects);
  private final List<AppSyncRequest> commands = new ArrayList<>();

  /** E-mails the member, reorders with a secret, then records the welcome by a command. */
  private final Activities welcome =
      run -> {
        JsonNode event = run.trigger().event().orElseThrow().payload();
        run.email(
            "desk@library.example",
            List.of(event.path("email").asText()),
            "Welcome, " + event.path("name").asText(),
            "greeting.html",
            Map.of("name", event.get("name")));
        run.http(
            "post",
            "https://supplier.example/api/orders",
            List.of(new Param("member", event.path("memberId").asText())),
            List.of(new Param("Authorization", "Bearer " + run.secret("supplierToken"))),
            "order.json",
            Map.of("isbn", "978 & \"co\"", "reason", "joined " + run.today()));
        run.command(
            "Membership.RecordWelcome",
            "recordWelcome",
            "desk",
            Run.input("memberId", event.path("memberId").asText(), "visits", 1L, "note", null),
            request -> {
              commands.add(request);
              return new CommandResult(event.path("memberId").asText(), 2, List.of("Welcomed"));
            });
      };

  @Test
  void aRunPerformsItsActivitiesInOrderAsThePreviewShowsThem() {
    automations.run("WelcomeMember", Trigger.of(joined("m1")), SECRETS, welcome);

    AutomationCheck.check(
        recorded.performed(),
        """
        [{"email": {"from": "desk@library.example", "to": "ada@example.com",
                    "subject": "Welcome, Ada O'Hara",
                    "body": "<p>Dear Ada O&#39;Hara,</p>"}},
         {"http": {"method": "POST",
                   "url": "https://supplier.example/api/orders?member=m1",
                   "headers": {"Authorization": "Bearer «secret supplierToken»"},
                   "body": "{\\"isbn\\": \\"978 & \\\\\\"co\\\\\\"\\", \\"reason\\": \\"joined 2027-01-04\\"}"}},
         {"command": {"send": "Membership.RecordWelcome", "with": {"memberId": "m1"},
                      "as": "desk"}}]
        """);
    AppSyncRequest command = commands.get(0);
    assertEquals("recordWelcome", command.fieldName());
    assertEquals("WelcomeMember:Membership#m1:1:3", command.commandId());
    assertEquals("{\"memberId\":\"m1\",\"visits\":1}", Json.write(command.input()));
    Metadata meta = command.metadata(Clock.systemUTC());
    assertEquals(
        new Caller("automation:WelcomeMember", "automation:WelcomeMember", List.of("desk")),
        meta.caller());
    assertEquals("corr", meta.correlationId(), "the triggering event's correlation");
  }

  @Test
  void aRedeliveredTriggerPerformsNothingAgain() {
    String body = Json.write(busEvent(joined("m2")));

    handle(body, "WelcomeMember", welcome);
    handle(body, "WelcomeMember", welcome);

    assertEquals(
        List.of("email", "http", "command"),
        recorded.performed().stream().map(Performed::kind).toList());
    assertEquals(1, commands.size());
    assertEquals(3, ledger.done("WelcomeMember", "Membership#m2:1"));
  }

  @Test
  void aRunThatFailedAtItsSecondStepPerformsTheRestWhenRedelivered() {
    effects.failHttp = true;
    Trigger trigger = Trigger.of(joined("m3"));

    assertThrows(
        IllegalStateException.class,
        () -> automations.run("WelcomeMember", trigger, SECRETS, welcome));
    assertEquals(1, ledger.done("WelcomeMember", trigger.id()));
    effects.failHttp = false;
    automations.run("WelcomeMember", trigger, SECRETS, welcome);

    assertEquals(
        List.of("email", "http", "command"),
        recorded.performed().stream().map(Performed::kind).toList());
  }

  @Test
  void aBatchAnswersItsFailedMessagesOnly() {
    ObjectNode batch = Json.object();
    batch
        .putArray("Records")
        .add(record("ok", Json.write(busEvent(joined("m4")))))
        .add(record("not-a-trigger", "{\"hello\": 1}"))
        .add(record("bad-json", "{"));

    JsonNode answer = handle(Json.write(batch), "WelcomeMember", welcome);

    assertEquals(
        Json.parse(
            "{\"batchItemFailures\": [{\"itemIdentifier\": \"not-a-trigger\"},"
                + " {\"itemIdentifier\": \"bad-json\"}]}"),
        answer);
    assertEquals(3, recorded.performed().size());
  }

  @Test
  void templateValuesKeepTheirOrderAndNullsAndInputsLeaveNullsOut() {
    Map<String, Object> with = Run.with("b", 1L, "a", null, "c", "x");
    assertEquals(List.of("b", "a", "c"), List.copyOf(with.keySet()));
    assertEquals(null, with.get("a"));
    assertTrue(with.containsKey("a"));
    assertEquals(Map.of(), Run.with());

    assertEquals(
        "{\"text\":\"t\",\"count\":2,\"ratio\":0.5,\"flag\":true,\"address\":{\"city\":\"Delft\"}}",
        Json.write(
            Run.input(
                "text",
                "t",
                "count",
                2L,
                "ratio",
                0.5,
                "flag",
                true,
                "missing",
                null,
                "address",
                Json.parse("{\"city\": \"Delft\"}"))));
    assertThrows(IllegalArgumentException.class, () -> Run.input("odd"));
  }

  @Test
  void secretsReadAsAMapReadOnlyTheOnesUsed() {
    List<String> values = new ArrayList<>();
    automations.run(
        "Map",
        Trigger.schedule(JOINED),
        List.of(
            SecretRef.secretsManager("supplierToken", "library/supplier-token"),
            SecretRef.parameterStore("unused", "/library/unused")),
        run -> {
          Map<String, String> secrets = run.secrets();
          values.add(secrets.get("supplierToken"));
          values.add(String.valueOf(secrets.get("undeclared")));
        });

    assertEquals(List.of("«secret supplierToken»", "null"), values);
    assertEquals(1, effects.secretReads);
  }

  @Test
  void aCommandIdTooLongForTheStoreIsItsHash() {
    String key = "k".repeat(120);
    StoredEvent event = joined(key);
    automations.run("WelcomeMember", Trigger.of(event), SECRETS, welcome);

    String id = commands.get(0).commandId();
    assertTrue(id.matches("automation:[0-9a-f]{64}"), id);
    automations.run("WelcomeMember", Trigger.of(joined("short")), SECRETS, welcome);
    assertEquals("WelcomeMember:Membership#short:1:3", commands.get(1).commandId());
  }

  @Test
  void aFailedRunWaitsTwiceAsLongAfterEachReceiveUpTo15Minutes() {
    assertEquals(
        List.of(30, 60, 120, 240, 480, 900, 900),
        List.of(1, 2, 3, 4, 5, 6, 40).stream().map(AutomationQueue::retryDelay).toList());
  }

  @Test
  void schedulesAndDeploymentsAreTriggersByTheirTime() {
    List<Trigger> triggers = new ArrayList<>();
    Activities remember = run -> triggers.add(run.trigger());

    handle("{\"schedule\": \"2027-01-04T08:00:00Z\"}", "WeeklyReport", remember);
    handle("{\"deployment\": \"req-1\", \"time\": \"2027-01-04T09:00:00Z\"}", "Hook", remember);

    assertEquals(
        List.of(Trigger.schedule(JOINED), Trigger.deployment("req-1", JOINED.plusSeconds(3600))),
        triggers);
    assertEquals("2027-01-04T08:00:00Z", triggers.get(0).id());
  }

  @Test
  void aSecretIsReadOnceARunAndOnlyIfDeclared() {
    List<String> values = new ArrayList<>();
    automations.run(
        "Twice",
        Trigger.schedule(JOINED),
        SECRETS,
        run -> {
          values.add(run.secret("supplierToken"));
          values.add(run.secret("supplierToken"));
        });
    assertEquals(List.of("«secret supplierToken»", "«secret supplierToken»"), values);
    assertEquals(1, effects.secretReads);

    IllegalArgumentException undeclared =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                automations.run(
                    "Twice", Trigger.schedule(JOINED), SECRETS, run -> run.secret("other")));
    assertEquals("automation Twice declares no secret other", undeclared.getMessage());
  }

  @Test
  void aRefusedCommandFailsTheRunAndIsCounted() {
    Activities refused =
        run ->
            run.command(
                "Membership.RecordWelcome",
                "recordWelcome",
                "desk",
                Run.input(),
                request -> {
                  throw CommandError.rule("NOT_A_MEMBER", "no such member");
                });

    List<JsonNode> lines =
        StandardOutput.of(
            () ->
                assertThrows(
                    CommandError.class,
                    () -> automations.run("Refused", Trigger.schedule(JOINED), SECRETS, refused)));
    List<JsonNode> ok =
        StandardOutput.of(
            () -> automations.run("Fine", Trigger.schedule(JOINED), SECRETS, run -> {}));

    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.path("AutomationFailed").asInt() == 1
                        && l.path("Automation").asText().equals("Refused")),
        lines.toString());
    assertTrue(
        ok.stream()
            .anyMatch(
                l ->
                    l.path("AutomationSucceeded").asInt() == 1
                        && l.path("Automation").asText().equals("Fine")),
        ok.toString());
  }

  @Test
  void theLogNamesEachStepButNeverABodyAHeaderOrASecret() {
    List<JsonNode> lines =
        StandardOutput.of(
            () -> automations.run("WelcomeMember", Trigger.of(joined("m5")), SECRETS, welcome));
    String log = lines.toString();

    assertEquals(
        3,
        lines.stream()
            .filter(l -> l.path("message").asText().equals("Automation step performed"))
            .count());
    assertTrue(log.contains("\"url\":\"https://supplier.example/api/orders\""), log);
    assertTrue(!log.contains("Bearer") && !log.contains("Dear") && !log.contains("isbn"), log);

    List<JsonNode> again =
        StandardOutput.of(
            () -> automations.run("WelcomeMember", Trigger.of(joined("m5")), SECRETS, welcome));
    assertEquals(
        3,
        again.stream()
            .filter(l -> l.path("message").asText().equals("Automation step already done; skipped"))
            .count());
  }

  @Test
  void theCheckNamesTheActivityAndTheFieldThatDiffer() {
    automations.run("WelcomeMember", Trigger.of(joined("m6")), SECRETS, welcome);

    AssertionFailedError wrong =
        assertThrows(
            AssertionFailedError.class,
            () ->
                AutomationCheck.check(
                    recorded.performed(),
                    """
                    [{"email": {"to": ["bob@example.com"], "body": "  <p>Dear Ada O&#39;Hara,</p>\\n"}},
                     {"http": {"headers": {"Authorization": "Bearer x"}}}]
                    """));
    assertEquals(
        "the automation did not do what was expected:\n"
            + "  activity 1 (`email`): `to`: expected [\"bob@example.com\"],"
            + " got [\"ada@example.com\"]\n"
            + "  activity 2 (`http`): `headers`: `Authorization`: expected Bearer x,"
            + " got Bearer «secret supplierToken»\n"
            + "  activity 3: expected nothing more, got command Membership.RecordWelcome"
            + " {\"memberId\":\"m6\",\"visits\":1}",
        wrong.getMessage());

    AssertionFailedError kind =
        assertThrows(
            AssertionFailedError.class,
            () -> AutomationCheck.check(recorded.performed(), "[{\"s3Object\": {}}]"));
    assertTrue(
        kind.getMessage()
            .contains(
                "activity 1: expected an `s3Object` activity, got e-mail to ada@example.com,"
                    + " subject \"Welcome, Ada O'Hara\""),
        kind.getMessage());
  }

  private JsonNode handle(String input, String automation, Activities activities) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    automations.handle(
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        out,
        null,
        automation,
        SECRETS,
        activities);
    return Json.parse(out.toString(StandardCharsets.UTF_8));
  }

  static StoredEvent joined(String member) {
    ObjectNode payload =
        Json.object()
            .put("memberId", member)
            .put("name", "Ada O'Hara")
            .put("email", "ada@example.com");
    return new StoredEvent(
        "Membership",
        member,
        1,
        "MemberJoined",
        1,
        payload,
        JOINED,
        "cmd-" + member,
        "corr",
        "alice",
        "library.membership");
  }

  static ObjectNode busEvent(StoredEvent event) {
    ObjectNode busEvent = Json.object().put("source", event.source());
    busEvent.put("detail-type", event.type());
    busEvent.set("detail", event.toJson());
    return busEvent;
  }

  private static ObjectNode record(String messageId, String body) {
    ObjectNode record = Json.object().put("messageId", messageId).put("body", body);
    record.putObject("attributes").put("ApproximateReceiveCount", "1");
    return record;
  }

  /** Recording effects whose HTTP calls fail while told to; counts the secrets read. */
  private static final class Flaky implements Effects {
    private final RecordingEffects recorded;
    boolean failHttp;
    int secretReads;

    Flaky(RecordingEffects recorded) {
      this.recorded = recorded;
    }

    @Override
    public void email(Email email) {
      recorded.email(email);
    }

    @Override
    public void http(HttpCall call) {
      if (failHttp) {
        throw new IllegalStateException("HTTP " + call.method() + " answered 503");
      }
      recorded.http(call);
    }

    @Override
    public void s3Object(S3Put put) {
      recorded.s3Object(put);
    }

    @Override
    public String secret(SecretRef secret) {
      secretReads++;
      return recorded.secret(secret);
    }

    @Override
    public CommandResult command(CommandCall call, Supplier<CommandResult> send) {
      return recorded.command(call, send);
    }
  }
}
