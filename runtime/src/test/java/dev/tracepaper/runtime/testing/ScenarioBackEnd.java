package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.Projection;
import dev.tracepaper.runtime.StoredEvent;
import java.util.List;
import java.util.Optional;

/**
 * Where a scenario runs: the handlers on an event store, the projections and policies fed what it
 * stores, and the views' rows read back. In memory everything runs at once; on moto_server the
 * events travel the way production sends them, so reads may have to wait for them.
 */
interface ScenarioBackEnd extends AutoCloseable {

  /** Runs the mutation's handler on {@code appSyncEvent}; answers the handler's answer. */
  JsonNode mutate(ScenarioApi.Command command, JsonNode appSyncEvent);

  /**
   * Delivers what was stored and not yet delivered to the projections and the policies, and what
   * the policies stored in turn, until nothing is left (as far as the back end can tell).
   *
   * @throws org.opentest4j.AssertionFailedError when a policy or a projection fails: production
   *     would retry it and then dead-letter it
   */
  void settle();

  /** The live row under {@code key}. */
  Optional<ObjectNode> row(Projection view, String key);

  /** Every live row of the view, in key order. */
  List<ObjectNode> rows(Projection view);

  /** Whether what was stored reaches the views later than {@link #settle} returns. */
  boolean eventual();

  /** The events stored so far, where the back end can tell (coverage); empty otherwise. */
  List<StoredEvent> recorded();

  @Override
  void close();
}
