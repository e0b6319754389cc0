package dev.tracepaper.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Sends events (already in the current model's shape) to the bus in order, in PutEvents requests
 * within both of its limits: 10 entries and 256 KB of entries, each entry measured as EventBridge
 * measures it ({@link #entrySize}). An event the bus can never take (an entry over 256 KB on its
 * own, or one refused with an error EventBridge calls non-retryable and that concerns the entry
 * itself) is poison: it is parked ({@link EventParking}) and sending goes on. Anything else that
 * fails (a request that fails as a whole, throttling, an internal failure, a refusal for missing
 * permissions) stops the sending there, so that the caller retries from that event. Shared by the
 * publisher (stream records) and the republish function (events read from the store).
 */
final class Publication {

  static final int MAX_ENTRIES = 10;

  /** PutEvents' bound on a request's entries together, and so on any one entry. */
  static final int MAX_REQUEST_BYTES = 256 * 1024;

  /**
   * The error codes of a refused entry that no retry changes and that concern the entry, not the
   * function's permissions (AWS's PutEventsResultEntry documentation lists the non-retryable ones):
   * the entry is parked. {@code AccessDeniedException} and the {@code NotAuthorizedFor...} codes
   * would refuse every entry alike; they stop the sending as a transient failure does, until the
   * deployment is fixed.
   */
  static final Set<String> POISON_CODES =
      Set.of("InvalidArgument", "MalformedDetail", "RedactionFailure");

  /**
   * How far a {@link #send} got.
   *
   * @param done the events sent or parked, counted from the first: all of them, or up to the one
   *     that must be sent again
   * @param parked the events among those that were parked
   */
  record Outcome(int done, int sent, List<StoredEvent> parked) {}

  private final EventBridgeClient eventBridge;
  private final String busName;
  private final EventParking parking;

  Publication(EventBridgeClient eventBridge, String busName, EventParking parking) {
    this.eventBridge = eventBridge;
    this.busName = busName;
    this.parking = parking;
  }

  Outcome send(List<StoredEvent> events) {
    Tally tally = new Tally();
    List<PutEventsRequestEntry> batch = new ArrayList<>();
    int batchStart = 0;
    int batchBytes = 0;
    for (int i = 0; i < events.size(); i++) {
      PutEventsRequestEntry entry = entry(events.get(i));
      int size = entrySize(entry);
      boolean tooLarge = size > MAX_REQUEST_BYTES;
      if (tooLarge || batch.size() == MAX_ENTRIES || batchBytes + size > MAX_REQUEST_BYTES) {
        // What came before goes first: the failure point stays exact, and order holds.
        int failed = flush(batch, events.subList(batchStart, i), tally);
        if (failed >= 0) {
          return tally.outcome(batchStart + failed);
        }
        batch.clear();
        batchBytes = 0;
        batchStart = i;
      }
      if (tooLarge) {
        String reason =
            "its PutEvents entry has %d bytes; EventBridge takes at most %d"
                .formatted(size, MAX_REQUEST_BYTES);
        if (!park(events.get(i), reason, tally)) {
          return tally.outcome(i);
        }
        batchStart = i + 1;
        continue;
      }
      batch.add(entry);
      batchBytes += size;
    }
    int failed = flush(batch, events.subList(batchStart, events.size()), tally);
    return tally.outcome(failed >= 0 ? batchStart + failed : events.size());
  }

  /** What one {@link #send} has sent and parked so far. */
  private static final class Tally {
    int sent;
    final List<StoredEvent> parked = new ArrayList<>();

    Outcome outcome(int done) {
      return new Outcome(done, sent, List.copyOf(parked));
    }
  }

  /**
   * Sends one request; answers the index of the first entry that must be sent again, or -1. Entries
   * refused as poison are parked and count as done; entries after the first failed one count as not
   * sent, although the bus may have taken them (they are sent again: at least once).
   */
  private int flush(List<PutEventsRequestEntry> batch, List<StoredEvent> events, Tally tally) {
    if (batch.isEmpty()) {
      return -1;
    }
    PutEventsResponse response;
    try {
      response = eventBridge.putEvents(request -> request.entries(batch));
    } catch (SdkException e) {
      // The SDK has retried already; the caller sends this request and the rest again later.
      Log.warn("PutEvents failed; the batch is sent again later", e);
      return 0;
    }
    List<PutEventsResultEntry> results =
        response.failedEntryCount() == null || response.failedEntryCount() == 0
            ? List.of()
            : response.entries();
    if (!results.isEmpty() && results.size() != batch.size()) {
      // Failures that cannot be told apart: the whole request is sent again.
      return 0;
    }
    for (int i = 0; i < batch.size(); i++) {
      String code = i < results.size() ? results.get(i).errorCode() : null;
      if (code == null) {
        tally.sent++;
        continue;
      }
      StoredEvent event = events.get(i);
      String reason = "EventBridge refused it: " + code + " " + results.get(i).errorMessage();
      if (!POISON_CODES.contains(code) || !park(event, reason, tally)) {
        Log.warn(
            "EventBridge refused an entry; it is sent again later",
            null,
            "event",
            event.streamId() + "@" + event.version(),
            "errorCode",
            code);
        return i;
      }
    }
    return -1;
  }

  private boolean park(StoredEvent event, String reason, Tally tally) {
    if (parking.park(event, reason)) {
      tally.parked.add(event);
      return true;
    }
    return false;
  }

  private PutEventsRequestEntry entry(StoredEvent event) {
    return PutEventsRequestEntry.builder()
        .eventBusName(busName)
        .source(event.source())
        .detailType(event.type())
        // The state after the event is internal (for views) and would eat the 256 KB entry limit.
        .detail(Json.write(event.withoutState().toJson()))
        .time(event.timestamp())
        .build();
  }

  /**
   * An entry's size as EventBridge counts it against the request's 256 KB ("Calculating Amazon
   * EventBridge PutEvents event entry size"): 14 bytes for the time, the UTF-8 bytes of source,
   * detail type, detail and each resource. The bus name does not count.
   */
  static int entrySize(PutEventsRequestEntry entry) {
    int size = entry.time() == null ? 0 : 14;
    size += utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
    for (String resource : entry.resources()) {
      size += utf8(resource);
    }
    return size;
  }

  private static int utf8(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }
}
