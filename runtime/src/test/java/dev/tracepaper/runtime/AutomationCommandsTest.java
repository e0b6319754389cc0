package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tracepaper.runtime.automation.Automations;
import dev.tracepaper.runtime.automation.DynamoDbLedger;
import dev.tracepaper.runtime.automation.Ledger;
import dev.tracepaper.runtime.automation.Run;
import dev.tracepaper.runtime.automation.Trigger;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.RecordingEffects;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Commands sent by automations, on the DynamoDB event store: run as a mutation with the
 * automation's caller, and in the at-least-once window (the command appended, its step not
 * recorded) answered on the redelivery from the command store, so the aggregate changes once.
 */
class AutomationCommandsTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final String TABLE = "automation-commands-test";
  private static final Instant AT = Instant.parse("2027-01-04T08:00:00Z");

  private static DynamoDbClient dynamoDb;
  private static DynamoDbEventStore store;

  @BeforeAll
  static void createTable() {
    dynamoDb = MOTO.dynamoDb();
    MOTO.createEventStoreTable(dynamoDb, TABLE);
    store = new DynamoDbEventStore(dynamoDb, TABLE);
  }

  @AfterAll
  static void close() {
    dynamoDb.close();
  }

  @Test
  void aCommandWhoseStepWasNotRecordedChangesTheAggregateOnce() {
    String key = "counter-" + UUID.randomUUID();
    CommandRunner<Counter.State, Counter.Event> runner = new CommandRunner<>(store, Counter.PLAIN);
    runner.run(key, Existence.NEW, meta("create-" + key), state -> List.of(new Counter.Created()));
    List<Caller> callers = new java.util.ArrayList<>();
    ForgetsOnce ledger = new ForgetsOnce(new DynamoDbLedger(dynamoDb, TABLE));
    Automations automations = new Automations(ledger, RecordingEffects.sendingCommands());
    Trigger trigger = Trigger.schedule(AT);

    Runnable deliver =
        () ->
            automations.run(
                "Bump",
                trigger,
                List.of(),
                run ->
                    run.command(
                        "Counter.IncrementCounter",
                        "incrementCounter",
                        "operator",
                        Run.input("id", key, "by", 2L),
                        request -> {
                          Metadata meta = request.metadata(Clock.systemUTC());
                          callers.add(meta.caller());
                          return runner.run(
                              key,
                              Existence.EXISTING,
                              meta,
                              state ->
                                  List.of(
                                      new Counter.Incremented(request.input().path("by").asInt())));
                        }));

    assertThrows(IllegalStateException.class, deliver::run, "the step's record was lost");
    deliver.run();

    assertEquals(2, store.load(Counter.PLAIN, key).state().total());
    assertEquals(2, store.load(Counter.PLAIN, key).version(), "created, incremented once");
    assertEquals(
        new Caller("automation:Bump", "automation:Bump", List.of("operator")), callers.get(0));
    assertEquals(1, ledger.done("Bump", trigger.id()));
  }

  private static Metadata meta(String commandId) {
    return new Metadata(
        CommandId.of(commandId, "tester", "createCounter", Json.object()),
        "corr",
        new Caller("tester", "tester", List.of()),
        AT);
  }

  /** A ledger whose first record fails, as a crash right after a side effect would lose it. */
  private static final class ForgetsOnce implements Ledger {
    private final Ledger ledger;
    private boolean failed;

    ForgetsOnce(Ledger ledger) {
      this.ledger = ledger;
    }

    @Override
    public int done(String automation, String triggerId) {
      return ledger.done(automation, triggerId);
    }

    @Override
    public void record(String automation, String triggerId, int done, Instant now) {
      if (!failed) {
        failed = true;
        throw new IllegalStateException("the record of step " + done + " was lost");
      }
      ledger.record(automation, triggerId, done, now);
    }
  }
}
