package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} must do with {@code unique} constraints, run through {@link
 * CommandRunner} as handlers use it. Subclasses supply the store and read who holds a claim; each
 * test uses its own addresses.
 */
abstract class UniqueClaimsContract {

  static final Caller ALICE = new Caller("u-alice", "alice", List.of());
  static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

  abstract EventStore store();

  /** The stream id of the instance that holds {@code claim}, if one does. */
  abstract Optional<String> holder(Account account, UniqueConstraint.Claim claim);

  static String address() {
    return UUID.randomUUID() + "@example.com";
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  void run(Account type, String key, Existence existence, Account.Event event, Instant now) {
    new CommandRunner<>(store(), type)
        .run(
            key, existence, new Metadata(null, "corr-" + key, ALICE, now), state -> List.of(event));
  }

  void open(String key, String email) {
    run(Account.UNIQUE, key, Existence.NEW, new Account.Opened(email), NOW);
  }

  void change(String key, String email) {
    run(Account.UNIQUE, key, Existence.EXISTING, new Account.EmailChanged(email), NOW);
  }

  CommandError refused(Runnable command) {
    return assertThrows(CommandError.class, command::run);
  }

  @Test
  void aValueAnotherInstanceHoldsIsRefusedWithTheConstraintsCodeAndRecordsNothing() {
    String email = address();
    String first = key();
    String second = key();
    open(first, email);

    CommandError error = refused(() -> open(second, email));

    assertEquals("EMAIL_TAKEN", error.code());
    assertEquals("Another account has this e-mail address", error.getMessage());
    assertEquals(List.of(), store().history(Account.UNIQUE, second));
    assertEquals(Optional.of("Account#" + first), holder(Account.UNIQUE, Account.claimOf(email)));
  }

  @Test
  void anAddressIsComparedWithoutRegardToCase() {
    String email = address();
    open(key(), "Ada." + email);

    assertEquals("EMAIL_TAKEN", refused(() -> open(key(), "ADA." + email.toUpperCase())).code());
  }

  @Test
  void aChangedValueReleasesTheOldClaimAndTakesTheNewOne() {
    String before = address();
    String after = address();
    String key = key();
    open(key, before);

    change(key, after);

    String other = key();
    open(other, before);
    assertEquals(Optional.of("Account#" + other), holder(Account.UNIQUE, Account.claimOf(before)));
    assertEquals("EMAIL_TAKEN", refused(() -> open(key(), after)).code());
  }

  @Test
  void anInstanceMayKeepItsOwnValue() {
    String email = address();
    String key = key();
    open(key, email);

    change(key, email);

    assertEquals(2, store().history(Account.UNIQUE, key).size());
  }

  @Test
  void anEndedInstanceReleasesItsClaims() {
    String email = address();
    String key = key();
    open(key, email);

    run(Account.UNIQUE, key, Existence.EXISTING, new Account.Closed(), NOW);

    assertEquals(Optional.empty(), holder(Account.UNIQUE, Account.claimOf(email)));
    open(key(), email);
  }

  @Test
  void anAbsentValueClaimsNothing() {
    open(key(), null);
    open(key(), null);
    open(key(), "");
    open(key(), "");
  }

  @Test
  void aValueHeldBeforeTheConstraintIsClaimedWhenItIsNextSetAndNotReleasedByAnotherHolder() {
    String email = address();
    String first = key();
    String second = key();
    run(Account.BEFORE_UNIQUE, first, Existence.NEW, new Account.Opened(email), NOW);
    run(Account.BEFORE_UNIQUE, second, Existence.NEW, new Account.Opened(email), NOW);
    assertEquals(Optional.empty(), holder(Account.UNIQUE, Account.claimOf(email)));

    change(first, address());
    change(first, email);
    // The second still had the address from before: changing it lets go of nothing it holds.
    change(second, address());

    assertEquals(Optional.of("Account#" + first), holder(Account.UNIQUE, Account.claimOf(email)));
    assertEquals(2, store().history(Account.UNIQUE, second).size());
  }

  @Test
  void aClaimOfAnAggregateWithRetentionIsFreeOnceItExpires() {
    String email = address();
    run(Account.RETAINED, key(), Existence.NEW, new Account.Opened(email), NOW);
    CommandError error =
        refused(
            () ->
                run(
                    Account.RETAINED,
                    key(),
                    Existence.NEW,
                    new Account.Opened(email),
                    NOW.plusSeconds(364L * 86_400)));
    assertEquals("EMAIL_TAKEN", error.code());

    String later = key();
    run(
        Account.RETAINED,
        later,
        Existence.NEW,
        new Account.Opened(email),
        NOW.plusSeconds(366L * 86_400));

    assertEquals(Optional.of("Account#" + later), holder(Account.RETAINED, Account.claimOf(email)));
  }

  @Test
  void ofConcurrentCommandsClaimingOneValueExactlyOneSucceeds() throws Exception {
    String email = address();
    int commands = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<String> keys = new ArrayList<>();
    List<Future<String>> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(commands);
    try {
      for (int i = 0; i < commands; i++) {
        String key = key();
        keys.add(key);
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    open(key, email);
                    return "OK";
                  } catch (CommandError e) {
                    return e.code();
                  }
                }));
      }
      start.countDown();
      List<String> codes = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        codes.add(outcome.get());
      }

      assertEquals(1, codes.stream().filter("OK"::equals).count(), codes.toString());
      assertEquals(
          commands - 1, codes.stream().filter("EMAIL_TAKEN"::equals).count(), codes.toString());
      String winner = keys.get(codes.indexOf("OK"));
      assertEquals(
          Optional.of("Account#" + winner), holder(Account.UNIQUE, Account.claimOf(email)));
      for (String key : keys) {
        assertTrue(
            key.equals(winner) || store().history(Account.UNIQUE, key).isEmpty(),
            "a refused command recorded events");
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }
}
