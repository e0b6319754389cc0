package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.AggregateType;
import dev.tracepaper.runtime.AppendOutcome;
import dev.tracepaper.runtime.ClaimChanges;
import dev.tracepaper.runtime.CommandId;
import dev.tracepaper.runtime.CommandRecord;
import dev.tracepaper.runtime.EventStore;
import dev.tracepaper.runtime.Folding;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.Loaded;
import dev.tracepaper.runtime.Metadata;
import dev.tracepaper.runtime.NewEvents;
import dev.tracepaper.runtime.StoredEvent;
import dev.tracepaper.runtime.UniqueConstraint.Claim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link EventStore} in memory, for tests that run commands without AWS. Same rules as {@link
 * DynamoDbEventStore}: optimistic appends, idempotency by command id, snapshots, ending events,
 * unique claims. Events and snapshots are kept as JSON and read back through the aggregate's
 * codecs, so a test also proves that what a command stores can be loaded again.
 */
public final class InMemoryEventStore implements EventStore {

  /**
   * An event and, on the last event of an append that made one due, the state snapshot with the
   * fingerprint of the model that wrote it.
   */
  private record Entry(StoredEvent event, ObjectNode snapshot, String snapshotFingerprint) {}

  private final Map<String, List<Entry>> streams = new HashMap<>();

  /** Every event appended, across streams, in the order appended: what a stream would carry. */
  private final List<StoredEvent> log = new ArrayList<>();

  /** What a command id recorded, and until when (its lifetime). */
  private record Recorded(CommandRecord record, Instant expiresAt) {}

  private final Map<String, Recorded> commands = new HashMap<>();

  /** The stream id of the instance that holds each unique claim, and until when (0: for ever). */
  private record Holder(String owner, long expiresAt) {}

  private final Map<Claim, Holder> claims = new HashMap<>();

  @Override
  public synchronized <S, E> Loaded<S> load(AggregateType<S, E> type, String key) {
    List<Entry> stream = streams.getOrDefault(StoredEvent.streamId(type.name(), key), List.of());
    // Newest first to the latest base, as the DynamoDB store reads, by the same rules.
    Folding.Load<S, E> load = new Folding.Load<>(type);
    for (int i = stream.size() - 1; i >= 0; i--) {
      Entry entry = stream.get(i);
      if (load.offer(entry.event(), entry.snapshot(), entry.snapshotFingerprint())) {
        break;
      }
    }
    return load.loaded(key);
  }

  @Override
  public synchronized <S, E> AppendOutcome append(
      AggregateType<S, E> type, Loaded<S> current, List<E> events, Metadata meta) {
    Optional<CommandRecord> first =
        meta.commandId() == null ? Optional.empty() : recorded(meta.commandId(), meta.now());
    if (first.isPresent()) {
      return new AppendOutcome.Duplicate(first.get());
    }
    List<Entry> stream =
        streams.computeIfAbsent(
            StoredEvent.streamId(type.name(), current.key()), id -> new ArrayList<>());
    if (stream.size() != current.version()) {
      return new AppendOutcome.Conflict();
    }
    NewEvents<S> next = NewEvents.of(type, current, events, meta);
    String owner = StoredEvent.streamId(type.name(), current.key());
    ClaimChanges changes = ClaimChanges.of(type, current, next.after());
    for (Claim claim : changes.take()) {
      Holder holder = claims.get(claim);
      if (holder != null
          && !holder.owner().equals(owner)
          && (holder.expiresAt() == 0 || holder.expiresAt() > meta.now().getEpochSecond())) {
        return new AppendOutcome.Violation(claim);
      }
    }
    // A claim another instance holds is not this one's to release (docs/runtime.md).
    for (Claim claim : changes.release()) {
      Holder holder = claims.get(claim);
      if (holder != null && holder.owner().equals(owner)) {
        claims.remove(claim);
      }
    }
    long expiresAt =
        type.retentionDays() == 0
            ? 0
            : meta.now().getEpochSecond() + type.retentionDays() * 86_400L;
    changes.take().forEach(claim -> claims.put(claim, new Holder(owner, expiresAt)));
    List<StoredEvent> stored = next.stored();
    log.addAll(stored);
    for (int i = 0; i < stored.size(); i++) {
      boolean last = i == stored.size() - 1;
      stream.add(
          last && next.snapshot() != null
              ? new Entry(stored.get(i), next.snapshot(), type.stateFingerprint())
              : new Entry(stored.get(i), null, null));
    }
    if (meta.commandId() != null) {
      CommandId commandId = meta.commandId();
      commands.put(
          commandId.key(),
          new Recorded(
              new CommandRecord(next.result(), commandId.fingerprint()),
              meta.now().plus(CommandId.LIFETIME)));
    }
    return new AppendOutcome.Appended(next.result());
  }

  @Override
  public synchronized Optional<CommandRecord> recorded(CommandId commandId, Instant now) {
    return Optional.ofNullable(commands.get(commandId.key()))
        .filter(recorded -> now.isBefore(recorded.expiresAt()))
        .map(Recorded::record);
  }

  /** Every event appended so far, across aggregates, in the order appended. */
  public synchronized List<StoredEvent> appended() {
    return List.copyOf(log);
  }

  @Override
  public synchronized List<StoredEvent> history(AggregateType<?, ?> type, String key) {
    return streams.getOrDefault(StoredEvent.streamId(type.name(), key), List.of()).stream()
        .map(Entry::event)
        .toList();
  }

  /**
   * Starts the aggregate at {@code state}, as if earlier events had made it so: a test's {@code
   * given: {state: ...}}. The instance exists at version 1, whose snapshot is that state.
   */
  public synchronized <S> void seed(AggregateType<S, ?> type, String key, S state) {
    List<Entry> stream =
        streams.computeIfAbsent(StoredEvent.streamId(type.name(), key), id -> new ArrayList<>());
    if (!stream.isEmpty()) {
      throw new IllegalStateException(key + " has events already");
    }
    StoredEvent given =
        new StoredEvent(
            type.name(),
            key,
            1,
            "(given state)",
            1,
            Json.object(),
            java.time.Instant.EPOCH,
            null,
            "seed",
            "seed",
            type.source());
    stream.add(new Entry(given, type.stateToJson(state), type.stateFingerprint()));
    String owner = StoredEvent.streamId(type.name(), key);
    for (Claim claim : type.claims(state)) {
      Holder holder = claims.putIfAbsent(claim, new Holder(owner, 0));
      if (holder != null) {
        throw new IllegalStateException(
            key + " would hold " + claim.value() + ", which " + holder.owner() + " holds");
      }
    }
  }

  /**
   * Appends an event as an older version of the model stored it: under the type name and version it
   * had then, its payload as it was. Loading reads it through the aggregate's upcasts, as the event
   * store does: a test's {@code given: [- BookLent@1: {...}]}.
   */
  public synchronized void appendAsStored(
      AggregateType<?, ?> type,
      String key,
      String eventType,
      int schemaVersion,
      ObjectNode payload,
      java.time.Instant at) {
    List<Entry> stream =
        streams.computeIfAbsent(StoredEvent.streamId(type.name(), key), id -> new ArrayList<>());
    StoredEvent stored =
        new StoredEvent(
            type.name(),
            key,
            stream.size() + 1,
            eventType,
            schemaVersion,
            payload,
            at,
            null,
            "seed",
            "seed",
            type.source());
    stream.add(new Entry(stored, null, null));
  }

  /**
   * The stream id of the instance that holds {@code claim} ({@code Book#b1}), if any: for tests
   * that a claim points at its owner.
   */
  public synchronized Optional<String> holder(Claim claim) {
    return Optional.ofNullable(claims.get(claim)).map(Holder::owner);
  }

  /** The aggregate's events as the aggregate's types, oldest first (for a test's "then"). */
  public synchronized <E> List<E> events(AggregateType<?, E> type, String key) {
    return history(type, key).stream().map(event -> decode(type, event)).toList();
  }

  private static <E> E decode(AggregateType<?, E> type, StoredEvent event) {
    return type.readEvent(event);
  }
}
