package dev.tracepaper.render.data;

import java.util.List;

/**
 * One given/when/then case of the model, as a JUnit test. Values travel as JSON text (through the
 * generated JSON readers, as in production), written with {@code jsonString} by the template.
 *
 * @param name the case's name as written (the test's display name)
 * @param method the test method's name
 * @param key the key of the instance the given events or state belong to (from the key field of the
 *     first given event, the given state or the input; empty when none names it)
 * @param givenEvents the past events, in order
 * @param givenState the state the instance starts from, as JSON; empty when events are given
 * @param others other instances of the aggregate as they stand ({@code others}), whose {@code
 *     unique} values the command finds taken
 * @param when the command's input (for a policy, the triggering event) as JSON
 * @param callerId the caller's id ({@code as.id}); its name when the case gives none
 * @param callerName the caller's name ({@code as}), or the default test caller
 * @param callerRoles the caller's roles
 * @param expectedEvents the events expected, in order; empty when {@code expectsEvents} is false
 * @param expectsEvents whether the case names the events
 * @param expectedState the state's named fields as JSON; empty when the case names none
 * @param expectedDeletion {@code true} when the case expects the instance deleted afterwards,
 *     {@code false} when it expects it to exist, empty when it says neither ({@code then.deleted})
 * @param expectedError the error code expected; empty when none
 * @param expectedMessage the message of the rule with that code, when exactly one rule of the flow
 *     has it; empty otherwise
 * @param trigger for a command's case with {@code on}, the name of the trigger that runs it ({@link
 *     PolicyData#name}), {@code when} then being the event; empty for a case run through the API
 *     and for a policy's
 * @param at the moment the case runs ({@code now}) as written, a UTC time such as {@code
 *     2027-01-04T08:00:00Z}; empty when the case runs at the moment the test does
 */
public record TestData(
    String name,
    String method,
    String key,
    List<EventJson> givenEvents,
    String givenState,
    List<OtherInstance> others,
    String when,
    String callerId,
    String callerName,
    List<String> callerRoles,
    List<EventJson> expectedEvents,
    boolean expectsEvents,
    String expectedState,
    String expectedDeletion,
    String expectedError,
    String expectedMessage,
    String trigger,
    String at) {

  public TestData {
    givenEvents = List.copyOf(givenEvents);
    others = List.copyOf(others);
    callerRoles = List.copyOf(callerRoles);
    expectedEvents = List.copyOf(expectedEvents);
  }

  /**
   * Another instance of the aggregate in a test.
   *
   * @param key its key: the key field's value given, else {@code other-1}, {@code other-2}, …
   * @param state its state as JSON, the key field included
   */
  public record OtherInstance(String key, String state) {}

  /**
   * An event of a test, as its type and JSON fields.
   *
   * @param type the event's name
   * @param javaClass the event record's simple name
   * @param json the fields given, as JSON
   * @param storedType the name it is stored under: its name, or for a given event of an older
   *     version ({@code - BookRemoved@1: {…}}) the name as written, which may be one it was {@code
   *     renamedFrom}
   * @param version the version of the model that stored it: the one written after {@code @}, or the
   *     version the model writes
   * @param asStored whether it is given as a version of the model stored it ({@code Name@N})
   */
  public record EventJson(
      String type,
      String javaClass,
      String json,
      String storedType,
      int version,
      boolean asStored) {}
}
