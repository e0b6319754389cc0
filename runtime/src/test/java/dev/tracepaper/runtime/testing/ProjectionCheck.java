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
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * Replays a history of events through one view's projection, in memory, and checks what every view
 * must guarantee: the events change rows; delivering them again, or older ones after newer ones,
 * changes nothing; a {@code from} view's rows hold the state's values, and are the same when the
 * events carry no state (stored before the view existed, or by another model version): the
 * projector then folds the aggregate's events with this model's rules.
 */
public final class ProjectionCheck {

  private ProjectionCheck() {}

  /**
   * @param copied for a {@code from} view, whether rows copy the state's same-named fields
   * @param computed the fields a {@code from} view computes rather than copies
   */
  public static <S, E> void check(
      Projection projection,
      AggregateType<S, E> type,
      String key,
      List<E> events,
      boolean copied,
      Set<String> computed) {
    InMemoryEventStore events0 = new InMemoryEventStore();
    Metadata metadata =
        new Metadata(
            null,
            "projection-check",
            new Caller("test-user", "test-user", List.of()),
            Instant.now());
    for (E event : events) {
      events0.append(type, events0.load(type, key), List.of(event), metadata);
    }
    List<StoredEvent> history = events0.history(type, key);

    InMemoryViewStore views = new InMemoryViewStore();
    ProjectorHandler projector = new ProjectorHandler(views, List.of(projection));
    if (projection.notification().isPresent()) {
      // A view that notifies publishes each row after writing it, the last time as it stands.
      try (FakeAppSync appSync = new FakeAppSync(k -> views.read(projection, k).live())) {
        ProjectorHandler publishing =
            new ProjectorHandler(views, null, null, List.of(projection), appSync.publisher());
        history.forEach(publishing::project);
        appSync.check(projection, views.rows(projection.view()));
      }
    } else {
      history.forEach(projector::project);
    }
    Map<String, ObjectNode> rows = views.rows(projection.view());
    if (history.stream().noneMatch(projection::handles)) {
      throw new AssertionFailedError("the view handles none of these events: nothing was checked");
    }

    history.forEach(projector::project);
    same("after every event was delivered again", rows, views.rows(projection.view()));
    List<StoredEvent> reversed = new ArrayList<>(history);
    Collections.reverse(reversed);
    reversed.forEach(projector::project);
    same("after older events came again, newest first", rows, views.rows(projection.view()));

    if (projection.stateOf().isPresent()) {
      InMemoryViewStore added = new InMemoryViewStore();
      ProjectorHandler folding = new ProjectorHandler(added, events0, List.of(projection));
      history.stream().map(StoredEvent::withoutState).forEach(folding::project);
      same(
          "when the events carried no state (stored before the view existed)",
          rows,
          added.rows(projection.view()));
    }

    if (copied) {
      JsonNode state = type.stateToJson(events0.load(type, key).state());
      for (Map.Entry<String, ObjectNode> row : rows.entrySet()) {
        for (Map.Entry<String, JsonNode> field : row.getValue().properties()) {
          JsonNode expected = state.get(field.getKey());
          if (!computed.contains(field.getKey())
              && expected != null
              && !Scenario.same(expected, field.getValue())) {
            throw new AssertionFailedError(
                "row "
                    + row.getKey()
                    + ": "
                    + field.getKey()
                    + " is "
                    + field.getValue()
                    + ", the state's value is "
                    + expected,
                expected,
                field.getValue());
          }
        }
      }
    }
  }

  private static void same(
      String when, Map<String, ObjectNode> before, Map<String, ObjectNode> now) {
    if (!before.equals(now)) {
      throw new AssertionFailedError("the rows changed " + when, before, now);
    }
  }
}
