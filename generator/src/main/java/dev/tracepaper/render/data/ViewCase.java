package dev.tracepaper.render.data;

import java.util.List;

/**
 * The past events of a case of the model, replayed through a view's projection by the view's
 * generated test: they must project the same rows once, twice, and in reverse order.
 *
 * @param name the case's name
 * @param flow the command or policy the case belongs to
 * @param method the test method's name
 * @param aggregateClass the events' aggregate description (simple name)
 * @param aggregateQualified the same, fully qualified
 * @param key the instance the events belong to
 * @param events the events, in order
 */
public record ViewCase(
    String name,
    String flow,
    String method,
    String aggregateClass,
    String aggregateQualified,
    String key,
    List<TestData.EventJson> events) {

  public ViewCase {
    events = List.copyOf(events);
  }
}
