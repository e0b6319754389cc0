package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.AggregateType;
import dev.tracepaper.runtime.Caller;
import dev.tracepaper.runtime.Metadata;
import dev.tracepaper.runtime.Projection;
import dev.tracepaper.runtime.ProjectorHandler;
import dev.tracepaper.runtime.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opentest4j.AssertionFailedError;

/**
 * A view test of the model ({@code tests:} of a view), in memory: the given events are stored, in
 * order, each in the stream of its own aggregate instance, and projected as they are stored; then
 * the view must hold exactly the expected rows, each expected field equal. Delivering the history
 * again, or newest first, must leave the rows as they are.
 */
public final class ViewScenario {

  private final Projection projection;
  private final InMemoryEventStore events = new InMemoryEventStore();
  private final InMemoryViewStore views = new InMemoryViewStore();
  private final ProjectorHandler projector;
  private final List<StoredEvent> history = new ArrayList<>();
  private final Metadata metadata =
      new Metadata(
          null, "view-scenario", new Caller("test-user", "test-user", List.of()), Instant.now());

  /** Where a view that notifies publishes its rows; {@code null} for any other view. */
  private final FakeAppSync appSync;

  private ViewScenario(Projection projection) {
    this.projection = projection;
    if (projection.notification().isPresent()) {
      this.appSync = new FakeAppSync(key -> views.read(projection, key).live());
      this.projector =
          new ProjectorHandler(views, events, null, List.of(projection), appSync.publisher());
    } else {
      this.appSync = null;
      this.projector = new ProjectorHandler(views, events, List.of(projection));
    }
  }

  public static ViewScenario of(Projection projection) {
    return new ViewScenario(projection);
  }

  /** Stores {@code event} as the next event of the instance {@code key} and projects it. */
  public <S, E> ViewScenario given(AggregateType<S, E> type, String key, E event) {
    events.append(type, events.load(type, key), List.of(event), metadata);
    List<StoredEvent> stream = events.history(type, key);
    StoredEvent stored = stream.get(stream.size() - 1);
    history.add(stored);
    projector.project(stored);
    return this;
  }

  /**
   * The view holds exactly one row per expected row (matched by the key field, which each names)
   * and each field an expected row names has that value; fields it does not name are not compared.
   */
  public void thenRows(JsonNode... expected) {
    try {
      checkRows(expected);
    } finally {
      if (appSync != null) {
        appSync.close();
      }
    }
  }

  /**
   * {@link #thenRows}; a view that notifies must also have published each row after writing it, the
   * last time as it is now, and nothing when the events come again (nothing is written).
   */
  private void checkRows(JsonNode... expected) {
    Map<String, ObjectNode> rows = views.rows(projection.view());
    Map<String, JsonNode> wanted = new TreeMap<>();
    for (JsonNode row : expected) {
      JsonNode key = row.get(projection.keyField());
      if (key == null || !key.isTextual()) {
        throw new IllegalArgumentException(
            "an expected row names no " + projection.keyField() + ": " + row);
      }
      wanted.put(key.asText(), row);
    }
    if (!rows.keySet().equals(wanted.keySet())) {
      throw new AssertionFailedError(
          projection.view() + " holds the rows " + rows.keySet() + ", expected " + wanted.keySet(),
          wanted.keySet(),
          rows.keySet());
    }
    wanted.forEach(
        (key, row) ->
            Scenario.matches("row " + key + " of " + projection.view(), row, rows.get(key)));

    int published = 0;
    if (appSync != null) {
      appSync.check(projection, rows);
      published = appSync.received().size();
    }

    history.forEach(projector::project);
    same("after every event was delivered again", rows);
    List<StoredEvent> reversed = new ArrayList<>(history);
    Collections.reverse(reversed);
    reversed.forEach(projector::project);
    same("after older events came again, newest first", rows);
    if (appSync != null && appSync.received().size() != published) {
      throw new AssertionFailedError(
          projection.view() + " published again for events it had applied already",
          published,
          appSync.received().size());
    }
  }

  private void same(String when, Map<String, ObjectNode> before) {
    Map<String, ObjectNode> now = views.rows(projection.view());
    if (!before.equals(now)) {
      throw new AssertionFailedError("the rows changed " + when, before, now);
    }
  }
}
