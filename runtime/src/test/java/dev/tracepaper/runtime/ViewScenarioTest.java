package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tracepaper.runtime.testing.ViewScenario;
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
}
