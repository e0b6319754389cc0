package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One run of a view's rebuild as {@link RebuildLedger} keeps it: where it got to, so that the next
 * invocation goes on from there, and what it counted, so that an operator can watch it.
 */
public final class Rebuild {

  /** Where a run is. */
  public enum Status {
    /** Deleting the view's rows; the live projector leaves the view alone. */
    CLEARING,
    /** Replaying the event store stream by stream; the live projector follows the cursors. */
    REPLAYING,
    DONE,
    /**
     * Stopped by an operator. A run whose step failed (AWS failing, rows contended) stays {@code
     * clearing} or {@code replaying}, its {@code updated} time standing still: continue it.
     */
    CANCELLED;

    /** Whether the run still works on the view. */
    public boolean active() {
      return this == CLEARING || this == REPLAYING;
    }

    String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Status of(String text) {
      return valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** At most this many names of skipped events are kept (and answered); all are counted. */
  static final int FAILURES_KEPT = 100;

  private final String view;
  private final String run;
  private final Instant started;
  private Status status;
  private Instant updated;
  private Map<String, AttributeValue> clearFrom;
  private Map<String, AttributeValue> scanFrom;
  private String lastStream;
  private long cleared;
  private long streams;
  private long events;
  private long failedCount;
  private final List<String> failed = new ArrayList<>();
  private String error;

  private Rebuild(String view, String run, Instant started) {
    this.view = view;
    this.run = run;
    this.started = started;
  }

  /** A new run of {@code view}, about to clear it. */
  static Rebuild start(String view, Instant now) {
    Rebuild rebuild = new Rebuild(view, UUID.randomUUID().toString(), now);
    rebuild.status = Status.CLEARING;
    rebuild.updated = now;
    return rebuild;
  }

  public String view() {
    return view;
  }

  public String run() {
    return run;
  }

  public Status status() {
    return status;
  }

  void status(Status status, Instant now) {
    this.status = status;
    this.updated = now;
  }

  Map<String, AttributeValue> clearFrom() {
    return clearFrom;
  }

  /** The view's rows are deleted up to {@code next} (exclusive start of the next page). */
  void cleared(long rows, Map<String, AttributeValue> next) {
    cleared += rows;
    clearFrom = next;
  }

  Map<String, AttributeValue> scanFrom() {
    return scanFrom;
  }

  String lastStream() {
    return lastStream;
  }

  /**
   * {@code stream}, of the event store's scan page starting at {@link #scanFrom()}, is replayed.
   */
  void replayed(String stream, long events) {
    lastStream = stream;
    streams++;
    this.events += events;
  }

  /** The scan page starting at {@link #scanFrom()} is done; the next starts at {@code next}. */
  void nextPage(Map<String, AttributeValue> next) {
    scanFrom = next;
    lastStream = null;
  }

  void failed(String event) {
    failedCount++;
    if (failed.size() < FAILURES_KEPT) {
      failed.add(event);
    }
  }

  void error(String error) {
    this.error = error;
  }

  /** The answer to an operator: status, counts, the events skipped. */
  ObjectNode toJson() {
    ObjectNode json =
        Json.object()
            .put("view", view)
            .put("run", run)
            .put("status", status.text())
            .put("started", started.toString())
            .put("updated", updated.toString())
            .put("rowsCleared", cleared)
            .put("streams", streams)
            .put("events", events);
    if (failedCount > 0) {
      json.put("failedCount", failedCount);
      failed.forEach(json.putArray("failed")::add);
    }
    if (error != null) {
      json.put("error", error);
    }
    return json;
  }

  Map<String, AttributeValue> item() {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("run", AttributeValue.fromS(run));
    item.put("status", AttributeValue.fromS(status.text()));
    item.put("started", AttributeValue.fromS(started.toString()));
    item.put("updated", AttributeValue.fromS(updated.toString()));
    item.put("rowsCleared", number(cleared));
    item.put("streams", number(streams));
    item.put("events", number(events));
    item.put("failedCount", number(failedCount));
    if (!failed.isEmpty()) {
      item.put("failed", AttributeValue.fromL(failed.stream().map(AttributeValue::fromS).toList()));
    }
    if (clearFrom != null) {
      item.put("clearFrom", AttributeValue.fromM(clearFrom));
    }
    if (scanFrom != null) {
      item.put("scanFrom", AttributeValue.fromM(scanFrom));
    }
    if (lastStream != null) {
      item.put("lastStream", AttributeValue.fromS(lastStream));
    }
    if (error != null) {
      item.put("error", AttributeValue.fromS(error));
    }
    return item;
  }

  static Rebuild of(Map<String, AttributeValue> item) {
    Rebuild rebuild =
        new Rebuild(
            item.get("sk").s(), item.get("run").s(), Instant.parse(item.get("started").s()));
    rebuild.status = Status.of(item.get("status").s());
    rebuild.updated = Instant.parse(item.get("updated").s());
    rebuild.cleared = Long.parseLong(item.get("rowsCleared").n());
    rebuild.streams = Long.parseLong(item.get("streams").n());
    rebuild.events = Long.parseLong(item.get("events").n());
    rebuild.failedCount = Long.parseLong(item.get("failedCount").n());
    if (item.containsKey("failed")) {
      item.get("failed").l().forEach(name -> rebuild.failed.add(name.s()));
    }
    rebuild.clearFrom = item.containsKey("clearFrom") ? item.get("clearFrom").m() : null;
    rebuild.scanFrom = item.containsKey("scanFrom") ? item.get("scanFrom").m() : null;
    rebuild.lastStream = item.containsKey("lastStream") ? item.get("lastStream").s() : null;
    rebuild.error = item.containsKey("error") ? item.get("error").s() : null;
    return rebuild;
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
