package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tracepaper.runtime.testing.FakeAppSync;
import dev.tracepaper.runtime.testing.ProjectionCheck;
import dev.tracepaper.runtime.testing.ViewScenario;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A view's own case passes only when the view holds exactly the expected rows. */
class ViewScenarioTest {

  private static ViewScenario twoCounters() {
    return ViewScenario.of(CounterViews.TOTALS)
        .given(Counter.STREAMING, "c1", new Counter.Created())
        .given(Counter.STREAMING, "c1", new Counter.Incremented(2))
        .given(Counter.STREAMING, "c2", new Counter.Created());
  }

  @Test
  void theRowsOfTheEventsInOrderPass() {
    twoCounters()
        .thenRows(
            Json.parse("{\"id\": \"c1\", \"total\": 2, \"parity\": \"even\"}"),
            Json.parse("{\"id\": \"c2\", \"total\": 0.0}"));
  }

  @Test
  void aWrongValueFailsAtItsRowAndField() {
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () ->
                twoCounters()
                    .thenRows(
                        Json.parse("{\"id\": \"c1\", \"total\": 3}"),
                        Json.parse("{\"id\": \"c2\"}")));
    assertEquals("row c1 of CounterTotals: total is 2, expected 3", e.getMessage());
  }

  @Test
  void aRowTheCaseLeavesOutFails() {
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class,
            () -> twoCounters().thenRows(Json.parse("{\"id\": \"c1\"}")));
    assertEquals("CounterTotals holds the rows [c1, c2], expected [c1]", e.getMessage());
  }

  @Test
  void aDeletedInstanceLeavesNoRow() {
    ViewScenario.of(CounterViews.TOTALS)
        .given(Counter.STREAMING, "c1", new Counter.Created())
        .given(Counter.STREAMING, "c1", new Counter.Deleted())
        .thenRows();
  }

  @Test
  void aViewThatNotifiesPublishesEachRowAfterWritingIt() {
    Projection totals = notifying(CounterViews.TOTALS);
    ViewScenario.of(totals)
        .given(Counter.STREAMING, "c1", new Counter.Created())
        .given(Counter.STREAMING, "c1", new Counter.Incremented(2))
        .given(Counter.STREAMING, "c2", new Counter.Created())
        .given(Counter.STREAMING, "c2", new Counter.Deleted())
        .thenRows(Json.parse("{\"id\": \"c1\", \"total\": 2}"));
  }

  @Test
  void theReplayOfACommandsHistoryChecksWhatANotifyingViewPublished() {
    ProjectionCheck.check(
        notifying(CounterViews.TOTALS),
        Counter.STREAMING,
        "c1",
        List.of(new Counter.Created(), new Counter.Incremented(2)),
        false,
        Set.of());
  }

  @Test
  void aPublishBeforeItsRowIsWrittenFailsTheCheck() {
    Projection totals = notifying(CounterViews.TOTALS);
    try (FakeAppSync appSync = new FakeAppSync(key -> Optional.empty())) {
      appSync
          .publisher()
          .publish(
              totals.notification().orElseThrow(),
              new RowChange.Put("c1", Json.object().put("id", "c1")));
      AssertionFailedError e =
          assertThrows(AssertionFailedError.class, () -> appSync.check(totals, Map.of()));
      assertEquals("CounterTotals published c1 before the row was written", e.getMessage());
    }
  }

  /** {@code view}, notifying. */
  private static Projection notifying(Projection view) {
    return new Projection() {
      @Override
      public String view() {
        return view.view();
      }

      @Override
      public String keyField() {
        return view.keyField();
      }

      @Override
      public String tableVariable() {
        return view.tableVariable();
      }

      @Override
      public String tableSuffix() {
        return view.tableSuffix();
      }

      @Override
      public long retentionDays() {
        return view.retentionDays();
      }

      @Override
      public Optional<AggregateType<?, ?>> stateOf() {
        return view.stateOf();
      }

      @Override
      public boolean handles(StoredEvent event) {
        return view.handles(event);
      }

      @Override
      public List<RowChange> project(StoredEvent event, RowReader rows) {
        return view.project(event, rows);
      }

      @Override
      public Optional<String> notification() {
        return Optional.of("mutation P { publishCounterTotalsChanged { key } }");
      }
    };
  }
}
