package dev.tracepaper.render.data;

import java.util.List;

/**
 * A case of a view ({@code tests:} of the view), as a JUnit test: the events are stored and
 * projected in order, then the view must hold exactly the expected rows.
 *
 * @param name the case's name as written (the test's display name)
 * @param method the test method's name, unique in the view's test class
 * @param given the events, in order
 * @param rows the expected rows as JSON, each with the fields that must match
 */
public record ViewTestData(String name, String method, List<Given> given, List<String> rows) {

  public ViewTestData {
    given = List.copyOf(given);
    rows = List.copyOf(rows);
  }

  /**
   * @param aggregateClass the runtime description of the event's aggregate (simple name; imported)
   * @param key the aggregate instance the event belongs to
   * @param type the event's name
   * @param json its fields as JSON
   */
  public record Given(String aggregateClass, String key, String type, String json) {}
}
