package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.CommandError;
import dev.tracepaper.runtime.Projection;
import dev.tracepaper.runtime.ProjectorHandler;
import dev.tracepaper.runtime.StoredEvent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * A scenario in memory: every stored event is projected and handed to the policies it triggers
 * before the step that stored it ends, in the order stored, as the stream and the bus deliver them
 * (each event once, each policy's events in order). What a policy stores is delivered in turn.
 */
final class InMemoryBackEnd implements ScenarioBackEnd {

  private final ScenarioApi api;
  private final InMemoryEventStore events = new InMemoryEventStore();
  private final InMemoryViewStore views = new InMemoryViewStore();
  private final ProjectorHandler projector;
  private final Clock clock;
  private int delivered;

  InMemoryBackEnd(ScenarioApi api, Clock clock) {
    this.clock = clock;
    this.api = api;
    this.projector = new ProjectorHandler(views, events, api.projections);
  }

  @Override
  public JsonNode mutate(ScenarioApi.Command command, JsonNode appSyncEvent) {
    return AppSyncEvents.invoke(command.handler().apply(events, clock), appSyncEvent);
  }

  @Override
  public void settle() {
    List<StoredEvent> stored = events.appended();
    while (delivered < stored.size()) {
      StoredEvent event = stored.get(delivered++);
      projector.project(event);
      for (ScenarioApi.Policy policy : api.policies) {
        if (policy.source().equals(event.source()) && policy.eventType().equals(event.type())) {
          deliver(policy, event);
        }
      }
      stored = events.appended();
    }
  }

  private void deliver(ScenarioApi.Policy policy, StoredEvent event) {
    ObjectNode busEvent = BusEvents.of(event);
    try {
      AppSyncEvents.invoke(policy.handler().apply(events, clock), busEvent);
    } catch (CommandError e) {
      throw new AssertionFailedError(
          "the policy %s failed on %s.%s of %s with %s: %s (in production it is retried, then dead-lettered)"
              .formatted(
                  policy.name(),
                  event.aggregate(),
                  event.type(),
                  event.key(),
                  e.code(),
                  e.getMessage()));
    }
  }

  @Override
  public Optional<ObjectNode> row(Projection view, String key) {
    return views.read(view, key).live();
  }

  @Override
  public List<ObjectNode> rows(Projection view) {
    return List.copyOf(views.rows(view.view()).values());
  }

  @Override
  public boolean eventual() {
    return false;
  }

  @Override
  public List<StoredEvent> recorded() {
    return events.appended();
  }

  @Override
  public void close() {}
}
