package dev.tracepaper.runtime;

import java.util.List;
import java.util.Optional;

/**
 * How one view is computed from events. Generated per view; implementations are stateless.
 *
 * <p>A projection of a {@code from} view computes its row from the event alone (the state after the
 * event, {@link StoredEvent#state()}): the projector then writes the row without reading it. A
 * projection of an {@code on} view calls {@code rows.row(key)} first, and the projector writes on
 * condition that the row did not change since.
 *
 * <p>A {@code from} projection names its aggregate ({@link #stateOf()}): the projector and the
 * rebuild then hand it every event with the state the current model computes, folding the
 * aggregate's events again when the state stored on the event is missing or was written by another
 * model version ({@link AggregateType#stateFingerprint()}).
 */
public interface Projection {

  /** The view's name: {@code BookAvailability}. */
  String view();

  /** The view table's partition key attribute: {@code isbn}. */
  String keyField();

  /** The environment variable holding the view table's name: {@code BOOK_AVAILABILITY_TABLE}. */
  String tableVariable();

  /**
   * The view table's name after the app's stack name and a dot: {@code book-availability}. A
   * deployed projector finds every table by it ({@link DynamoDbViewStore#fromEnvironment()}): one
   * variable per view would pass Lambda's 4 KB of environment in a model of a hundred views.
   */
  String tableSuffix();

  /** Days after its last change when a row expires (DynamoDB TTL); 0 = kept forever. */
  long retentionDays();

  /**
   * For a {@code from} view, the aggregate whose state it reads ({@link StoredEvent#state()});
   * empty for a view kept from events.
   */
  default Optional<AggregateType<?, ?>> stateOf() {
    return Optional.empty();
  }

  /** Whether the view changes with {@code event} (by aggregate name and event type). */
  boolean handles(StoredEvent event);

  /**
   * The rows the event changes; {@code rows} reads a row's current fields (for {@code on} views).
   */
  List<RowChange> project(StoredEvent event, RowReader rows);

  /**
   * For a view that notifies ({@code notify: true}), the GraphQL mutation that publishes one of its
   * written row changes to its subscribers ({@link ChangePublisher}); empty for any other view.
   */
  default Optional<String> notification() {
    return Optional.empty();
  }
}
