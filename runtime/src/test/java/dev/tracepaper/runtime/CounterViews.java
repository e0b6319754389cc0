package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Two views over {@link Counter} for the runtime's own tests, one of each style a generated
 * projection has.
 */
final class CounterViews {

  private CounterViews() {}

  /**
   * A {@code from} view: a row per counter, copied from the state after each event (no read), gone
   * when the counter is deleted. Its table has the index {@code byParity} (parity, total).
   */
  static final Projection TOTALS = totals(Counter.STREAMING);

  /** {@link #TOTALS} over the state of {@code type}: another model version of the counter. */
  static Projection totals(Counter type) {
    return new Projection() {
      @Override
      public String view() {
        return "CounterTotals";
      }

      @Override
      public String keyField() {
        return "id";
      }

      @Override
      public String tableVariable() {
        return "COUNTER_TOTALS_TABLE";
      }

      @Override
      public String tableSuffix() {
        return "counter-totals";
      }

      @Override
      public long retentionDays() {
        return 0;
      }

      @Override
      public Optional<AggregateType<?, ?>> stateOf() {
        return Optional.of(type);
      }

      @Override
      public boolean handles(StoredEvent event) {
        return event.aggregate().equals("Counter");
      }

      @Override
      public List<RowChange> project(StoredEvent event, RowReader rows) {
        if (event.type().equals("CounterDeleted")) {
          return List.of(new RowChange.Delete(event.key()));
        }
        ObjectNode row = Json.object().put("id", event.key());
        long total = event.state().path("total").asLong();
        row.put("total", total).put("last", event.state().path("last").asInt());
        row.put("parity", total % 2 == 0 ? "even" : "odd");
        row.put("updatedAt", event.timestamp().toString());
        return List.of(new RowChange.Put(event.key(), row));
      }
    };
  }

  /**
   * An {@code on} view: a row per event type counting the events of every counter (read, then
   * write), so that rows have several source streams. Rows expire 30 days after their last event.
   */
  static final Projection ACTIVITY =
      new Projection() {
        @Override
        public String view() {
          return "CounterActivity";
        }

        @Override
        public String keyField() {
          return "type";
        }

        @Override
        public String tableVariable() {
          return "COUNTER_ACTIVITY_TABLE";
        }

        @Override
        public String tableSuffix() {
          return "counter-activity";
        }

        @Override
        public long retentionDays() {
          return 30;
        }

        @Override
        public boolean handles(StoredEvent event) {
          return event.aggregate().equals("Counter");
        }

        @Override
        public List<RowChange> project(StoredEvent event, RowReader rows) {
          long count = rows.row(event.type()).map(row -> row.path("count").asLong()).orElse(0L);
          ObjectNode row = Json.object().put("type", event.type()).put("count", count + 1);
          return List.of(new RowChange.Put(event.type(), row));
        }
      };

  static final List<Projection> ALL = List.of(TOTALS, ACTIVITY);
}
