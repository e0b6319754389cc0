package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Custom queries read the live generation of a view and answer AppSync in the commands' way. */
class LiveRowsTest {

  /** A store with one row in each table, that names the table it read. */
  private static final class TwoTables implements ViewStore {
    final List<String> read = new ArrayList<>();

    @Override
    public ViewRow read(Projection view, String key) {
      read.add(view.tableSuffix());
      ObjectNode fields = Json.object().put("table", view.tableSuffix());
      return new ViewRow(key, fields, Map.of(), null);
    }

    @Override
    public Write write(Projection view, StoredEvent event, RowChange change) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Write write(Projection view, StoredEvent event, RowChange change, ViewRow read) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Cleared deletePage(Projection view, String after) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void readsTheGenerationTheRebuildItemNamesLive() {
    TwoTables store = new TwoTables();
    Map<String, ViewColour> live = Map.of(CounterViews.TOTALS.view(), ViewColour.GREEN);
    LiveRows rows = new LiveRows(store, view -> live.getOrDefault(view, ViewColour.BLUE));

    Optional<ObjectNode> row = rows.row(CounterViews.TOTALS, "c1");

    String green = CounterViews.TOTALS.tableSuffix() + ".green";
    assertEquals(green, row.orElseThrow().get("table").asText());
    assertEquals(List.of(green), store.read);
  }

  @Test
  void readsBlueWhenNoRebuildNamesAGeneration() {
    TwoTables store = new TwoTables();
    LiveRows rows = new LiveRows(store, view -> ViewColour.BLUE);

    assertEquals(
        CounterViews.TOTALS.tableSuffix(),
        rows.row(CounterViews.TOTALS, "c1").orElseThrow().get("table").asText());
  }

  @Test
  void answersTheValueNullOrTheRefusal() {
    assertEquals("{\"a\":1}", answer(request -> Json.object().put("a", 1)));
    assertEquals("null", answer(request -> null));
    assertEquals(
        "{\"error\":{\"type\":\"UNAUTHORIZED\",\"message\":\"no\",\"fields\":[]}}",
        answer(
            request -> {
              throw CommandError.unauthorized("no");
            }));
  }

  @Test
  void failsTheInvocationOnAnyOtherException() {
    assertThrows(
        Responses.SystemFailure.class,
        () ->
            answer(
                request -> {
                  throw new IllegalStateException("bug");
                }));
  }

  private static String answer(Function<AppSyncRequest, JsonNode> query) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QueryResponses.write(
        new ByteArrayInputStream("{\"arguments\":{}}".getBytes(StandardCharsets.UTF_8)),
        out,
        null,
        query);
    return out.toString(StandardCharsets.UTF_8);
  }
}
