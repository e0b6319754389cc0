package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads view rows as AppSync's query resolvers do: from the generation (blue or green table) the
 * view's rebuild item names live ({@link RebuildLedger}), blue when it names none, so that
 * hand-written queries never read a view while it is being rebuilt.
 */
public final class LiveRows {

  private final ViewStore store;
  private final Function<String, ViewColour> live;

  /**
   * @param store where the rows are
   * @param live which generation of a view (by name) readers read
   */
  public LiveRows(ViewStore store, Function<String, ViewColour> live) {
    this.store = store;
    this.live = live;
  }

  /** The rows of a Lambda function: the view tables and the rebuild items of its environment. */
  public static LiveRows fromEnvironment() {
    RebuildLedger ledger = RebuildLedger.fromEnvironment();
    return new LiveRows(
        DynamoDbViewStore.fromEnvironment(),
        view -> ledger.read(view).map(Rebuild::live).orElse(ViewColour.BLUE));
  }

  /** The fields of the row of {@code view} under {@code key}; empty when there is none. */
  public Optional<ObjectNode> row(Projection view, String key) {
    return store.read(live.apply(view.view()).of(view), key).live();
  }
}
