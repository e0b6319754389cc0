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
 * One run of a view's rebuild as {@link RebuildLedger} keeps it: which of the view's tables readers
 * read ({@link #live()}), where the run got to, so that the next invocation goes on from there, and
 * what it counted, so that an operator can watch it. The run fills the table readers do not read
 * ({@link #idle()}), switches readers to it, then empties the one they left.
 */
public final class Rebuild {

  /** Where a run is. */
  public enum Status {
    /** Deleting what the idle table holds; readers and the live projector use the live one. */
    CLEARING,
    /**
     * Replaying the event store into the idle table stream by stream; the live projector writes the
     * live table and follows the cursors into the idle one.
     */
    REPLAYING,
    /**
     * Readers and the live projector are switched to the rebuilt table; the rows of the table they
     * left are being deleted.
     */
    CLEANING,
    DONE,
    /**
     * Stopped by an operator. A run whose step failed (AWS failing, rows contended) stays {@code
     * clearing} or {@code replaying}, its {@code updated} time standing still: continue it.
     */
    CANCELLED;

    /** Whether the run still works on the view. */
    public boolean active() {
      return this == CLEARING || this == REPLAYING || this == CLEANING;
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
  private ViewColour live;
  private Instant updated;
  private Instant switched;
  private Map<String, AttributeValue> clearFrom;
  private Map<String, AttributeValue> scanFrom;
  private String lastStream;
  private long cleared;
  private long streams;
  private long events;
  private long deleted;
  private long failedCount;
  private final List<String> failed = new ArrayList<>();
  private String error;

  private Rebuild(String view, String run, Instant started) {
    this.view = view;
    this.run = run;
    this.started = started;
  }

  /**
   * A new run of {@code view}, readers reading its {@code live} table, about to clear the other.
   */
  static Rebuild start(String view, ViewColour live, Instant now) {
    Rebuild rebuild = new Rebuild(view, UUID.randomUUID().toString(), now);
    rebuild.status = Status.CLEARING;
    rebuild.live = live;
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

  /** The table readers and the live projector use. */
  public ViewColour live() {
    return live;
  }

  /** The other table: the one being filled before the switch, and emptied after it. */
  public ViewColour idle() {
    return live.other();
  }

  /**
   * Readers and the live projector move to the rebuilt table as soon as this is saved; the table
   * they leave is emptied next.
   */
  void switchTables(Instant now) {
    live = live.other();
    switched = now;
    clearFrom = null;
    status(Status.CLEANING, now);
  }

  /** When the run switched tables; null before. */
  Instant switched() {
    return switched;
  }

  Map<String, AttributeValue> clearFrom() {
    return clearFrom;
  }

  /**
   * The idle table's rows are deleted up to {@code next} (exclusive start of the next page): before
   * the switch, what an earlier run left there; after it, the rows readers left.
   */
  void cleared(long rows, Map<String, AttributeValue> next) {
    if (status == Status.CLEANING) {
      deleted += rows;
    } else {
      cleared += rows;
    }
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
            .put("live", live.text())
            .put("started", started.toString())
            .put("updated", updated.toString())
            .put("rowsCleared", cleared)
            .put("streams", streams)
            .put("events", events)
            .put("oldRowsDeleted", deleted);
    if (switched != null) {
      json.put("switched", switched.toString());
    }
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
    item.put(RebuildLedger.LIVE, AttributeValue.fromS(live.text()));
    item.put("started", AttributeValue.fromS(started.toString()));
    item.put("updated", AttributeValue.fromS(updated.toString()));
    item.put("rowsCleared", number(cleared));
    item.put("streams", number(streams));
    item.put("events", number(events));
    item.put("oldRowsDeleted", number(deleted));
    item.put("failedCount", number(failedCount));
    if (switched != null) {
      item.put("switched", AttributeValue.fromS(switched.toString()));
    }
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
    rebuild.live = ViewColour.of(text(item, RebuildLedger.LIVE));
    rebuild.updated = Instant.parse(item.get("updated").s());
    String switched = text(item, "switched");
    rebuild.switched = switched == null ? null : Instant.parse(switched);
    rebuild.cleared = Long.parseLong(item.get("rowsCleared").n());
    rebuild.streams = Long.parseLong(item.get("streams").n());
    rebuild.events = Long.parseLong(item.get("events").n());
    // Absent from the items of runtimes before the switch of tables.
    rebuild.deleted =
        item.containsKey("oldRowsDeleted") ? Long.parseLong(item.get("oldRowsDeleted").n()) : 0;
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

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
