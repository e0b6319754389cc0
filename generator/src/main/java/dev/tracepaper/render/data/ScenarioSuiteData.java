package dev.tracepaper.render.data;

import java.util.List;

/**
 * The model's scenarios as the generated {@code ScenariosTest} runs them: the API they run through
 * (mutations, policies, queries) and each scenario's steps.
 *
 * @param present whether the project has a scenario test: the model has scenarios or sets a minimum
 *     coverage
 * @param minimumEvents the share of events (percent) the scenarios must record
 * @param minimumViews the share of views (percent) the scenarios must query
 * @param events every event of the model a flow may still emit ({@code Aggregate.Event})
 * @param views every view of the model
 * @param imports the classes the test imports, sorted
 */
public record ScenarioSuiteData(
    boolean present,
    long minimumEvents,
    long minimumViews,
    List<ApiCommand> commands,
    List<ApiPolicy> policies,
    List<ApiQuery> queries,
    List<String> events,
    List<String> views,
    List<ScenarioData> scenarios,
    List<String> imports) {

  public ScenarioSuiteData {
    commands = List.copyOf(commands);
    policies = List.copyOf(policies);
    queries = List.copyOf(queries);
    events = List.copyOf(events);
    views = List.copyOf(views);
    scenarios = List.copyOf(scenarios);
    imports = List.copyOf(imports);
  }

  public static final ScenarioSuiteData NONE =
      new ScenarioSuiteData(
          false, 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  /**
   * A command's mutation and its command handler ({@code handlerClass}, simple name, imported).
   *
   * @param operation what the handler dispatches on ({@code AppSyncRequest.operation()}): the
   *     mutation, or its namespace type and field ({@code WorkspaceMutations.create})
   * @param authType how a scenario's caller is authenticated: a user-pool user where the command
   *     admits one, else the first way it admits
   */
  public record ApiCommand(String operation, String authType, String handlerClass) {}

  /** A policy, the event that triggers it ({@code source}, {@code eventType}) and its handler. */
  public record ApiPolicy(String name, String source, String eventType, String handlerClass) {}

  /**
   * A query ({@code View.query}) of the view whose projection is {@code projectionClass}.
   *
   * @param kind {@code get}, {@code list} or {@code index}
   * @param argument the index field of an index query
   * @param sortField the field an index query orders by; empty when none
   * @param prefixArgument the argument an index query's prefix is given in; empty when none
   * @param roles the roles that alone admit a caller (empty: the mode admits any signed-in user)
   * @param owners the {@code owner:} fields that admit a caller to their rows
   */
  public record ApiQuery(
      String name,
      String kind,
      String projectionClass,
      String argument,
      String sortField,
      boolean ascending,
      String prefixArgument,
      List<String> roles,
      List<String> owners) {}

  /** A scenario: its test methods' base name, and its steps. */
  public record ScenarioData(
      String name, String description, String method, List<StepData> steps) {}

  /**
   * A step.
   *
   * @param kind {@code set}, {@code command} or {@code query}
   * @param what how failures name it ({@code step 2 (Add a colleague)})
   * @param callerId the caller's id ({@code user.id}); empty for {@code set}
   * @param callerName the caller's name
   * @param callerRoles the caller's roles
   * @param target the mutation, or the query ({@code View.query})
   * @param json the input or the arguments, as JSON (variables substituted when it runs)
   * @param error the error code expected; empty when the step must succeed
   * @param message the error's message expected; empty when the step does not say
   * @param values the expected values by path, the extracts (variable, path), or the variables set
   *     (name, JSON)
   * @param at the moment a command step runs, a UTC time as written; empty when it runs at the
   *     moment the test does
   */
  public record StepData(
      String kind,
      String what,
      String callerId,
      String callerName,
      List<String> callerRoles,
      String target,
      String json,
      String error,
      String message,
      List<Pair> expects,
      List<Pair> extracts,
      List<Pair> sets,
      String at) {}

  /** A name and a value. */
  public record Pair(String name, String value) {}
}
