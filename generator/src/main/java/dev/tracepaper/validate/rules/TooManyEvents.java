package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * A command or policy that emits more events than one DynamoDB transaction can store. The event
 * store appends a flow's events in one TransactWriteItems, which holds at most 100 items: one per
 * event plus the idempotency item of the command id (a snapshot and the streamed state ride on the
 * last event's item, so they add none). Such a flow would fail on every call in production.
 */
public final class TooManyEvents implements Rule {

  /** TransactWriteItems' limit on items per transaction. */
  static final int TRANSACTION_ITEMS = 100;

  /** Items a flow's transaction writes besides its events: the idempotency item. */
  static final int OTHER_ITEMS = 1;

  static final int MAX_EVENTS = TRANSACTION_ITEMS - OTHER_ITEMS;

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Aggregate aggregate : model.model().aggregates()) {
      List<Flow> flows = new ArrayList<>(aggregate.commands());
      flows.addAll(aggregate.policies());
      for (Flow flow : flows) {
        int events = flow.body().emits().size();
        if (events > MAX_EVENTS) {
          String kind = aggregate.commands().contains(flow) ? "Command" : "Policy";
          report.error(
              flow.body().emits().get(MAX_EVENTS).location(),
              ("%s `%s` emits %d events; the event store writes a call's events and its"
                      + " idempotency record in one DynamoDB transaction, which holds at most %d"
                      + " items, so at most %d events fit and every call would fail.")
                  .formatted(kind, flow.name(), events, TRANSACTION_ITEMS, MAX_EVENTS),
              "emit fewer, larger events (an event can carry a list), or split the work into"
                  + " several commands");
        }
      }
    }
  }
}
