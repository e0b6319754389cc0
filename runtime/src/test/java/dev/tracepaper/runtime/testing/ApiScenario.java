package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracepaper.runtime.AppSyncRequest;
import dev.tracepaper.runtime.Caller;
import dev.tracepaper.runtime.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * A scenario of the model ({@code scenarios:}), run through the API's handlers: steps in order,
 * each a mutation as a caller or a query of a view, with variables set by the scenario or taken
 * from earlier answers and written {@code ${name}} in later steps. On moto_server a query waits (a
 * bounded poll) until its expectations hold, since views follow the events later there.
 */
public final class ApiScenario implements AutoCloseable {

  /** How long a query waits for the views on moto_server. */
  static final Duration WAIT = Duration.ofSeconds(15);

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final ScenarioApi api;
  private final StepClock clock;
  private final ScenarioBackEnd backEnd;
  private final ScenarioCoverage coverage;
  private final Map<String, JsonNode> variables = new HashMap<>();

  private ApiScenario(
      ScenarioApi api, StepClock clock, ScenarioBackEnd backEnd, ScenarioCoverage coverage) {
    this.api = api;
    this.clock = clock;
    this.backEnd = backEnd;
    this.coverage = coverage;
  }

  /** A scenario in memory, whose events and queries count towards {@code coverage}. */
  public static ApiScenario inMemory(ScenarioApi api, ScenarioCoverage coverage) {
    StepClock clock = new StepClock();
    return new ApiScenario(api, clock, new InMemoryBackEnd(api, clock), coverage);
  }

  /** A scenario on moto_server (not counted: the in-memory run of the same steps is). */
  public static ApiScenario onMoto(ScenarioApi api, MotoServer moto) {
    StepClock clock = new StepClock();
    return new ApiScenario(api, clock, new MotoBackEnd(api, moto, clock), null);
  }

  /** Sets the variable {@code name} to a JSON value, after substituting the variables in it. */
  public ApiScenario set(String name, String json) {
    variables.put(name, substitute(Json.parse(json)));
    return this;
  }

  /** A step, described for its failures ({@code step 3 (Check the user view)}). */
  public Step step(String what) {
    return new Step(what);
  }

  @Override
  public void close() {
    if (coverage != null) {
      coverage.recorded(backEnd.recorded());
    }
    backEnd.close();
  }

  /** One step: a mutation or a query, by a caller, with what it must answer. */
  public final class Step {
    private final String what;
    private Caller caller = new Caller("test-user", "test-user", List.of());
    private ScenarioApi.Command command;
    private ScenarioApi.Query query;
    private String arguments = "{}";
    private Instant at;
    private String error;
    private String errorMessage;
    private final Map<String, String> expected = new LinkedHashMap<>();
    private final Map<String, String> extracts = new LinkedHashMap<>();

    private Step(String what) {
      this.what = what;
    }

    /** The caller: a user-pool user with this id, name and roles. */
    public Step as(String id, String name, List<String> roles) {
      caller = new Caller(id, name, roles);
      return this;
    }

    /**
     * The moment the step runs: its command, and the policies and views that follow it, read it as
     * {@code now} ({@code at:} in the model).
     */
    public Step at(Instant moment) {
      at = moment;
      return this;
    }

    /** The mutation {@code mutation} with this input (JSON; variables substituted). */
    public Step command(String mutation, String input) {
      command = api.commands.get(mutation);
      if (command == null) {
        throw new IllegalArgumentException("no mutation " + mutation);
      }
      arguments = input;
      return this;
    }

    /** The query {@code View.query} with these arguments (JSON; variables substituted). */
    public Step query(String name, String args) {
      query = api.queries.get(name);
      if (query == null) {
        throw new IllegalArgumentException("no query " + name);
      }
      arguments = args;
      return this;
    }

    /** The step must fail with this code. */
    public Step expectError(String code) {
      error = code;
      return this;
    }

    /** The step's error must have this message (variables put in). */
    public Step expectErrorMessage(String message) {
      errorMessage = message;
      return this;
    }

    /** The answer holds this JSON value at {@code path} ({@code items.0.title}). */
    public Step expect(String path, String json) {
      expected.put(path, json);
      return this;
    }

    /** Sets the variable {@code name} to the answer's value at {@code path}. */
    public Step extract(String name, String path) {
      extracts.put(name, path);
      return this;
    }

    /** Runs the step; throws what it found wrong. */
    public void run() {
      JsonNode args = substitute(Json.parse(arguments));
      clock.set(at);
      JsonNode answer;
      try {
        answer = command != null ? mutate(args) : read(args);
      } finally {
        clock.set(null);
      }
      for (Map.Entry<String, String> extract : extracts.entrySet()) {
        JsonNode value = ApiScenario.at(answer, extract.getValue());
        if (value.isMissingNode()) {
          throw new AssertionFailedError(
              "%s: the answer has nothing at %s to put in ${%s}: %s"
                  .formatted(what, extract.getValue(), extract.getKey(), answer));
        }
        variables.put(extract.getKey(), value);
      }
    }

    private JsonNode mutate(JsonNode input) {
      JsonNode answer;
      try {
        answer =
            backEnd.mutate(
                command,
                AppSyncEvents.mutation(
                    command.mutation(),
                    input,
                    null,
                    caller,
                    AppSyncRequest.AuthType.valueOf(command.authType())));
      } catch (RuntimeException e) {
        // A failure the handler does not answer as an error: AppSync would show INTERNAL_ERROR.
        throw new AssertionFailedError(
            "%s: %s failed unexpectedly (see the log above): %s"
                .formatted(what, command.mutation(), e.getMessage()),
            e);
      }
      String code = answer.path("error").path("type").asText(null);
      if (error == null && code != null) {
        throw new AssertionFailedError(
            "%s: %s failed with %s: %s"
                .formatted(
                    what, command.mutation(), code, answer.path("error").path("message").asText()));
      }
      if (error != null && !error.equals(code)) {
        throw new AssertionFailedError(
            "%s: expected %s to fail with %s, but %s"
                .formatted(
                    what,
                    command.mutation(),
                    error,
                    code == null ? "it succeeded" : "it failed with " + code),
            error,
            code);
      }
      String message = answer.path("error").path("message").asText(null);
      String expectedMessage =
          errorMessage == null ? null : substitute(TextNode.valueOf(errorMessage)).asText();
      if (expectedMessage != null && !expectedMessage.equals(message)) {
        throw new AssertionFailedError(
            "%s: expected %s to fail with %s: %s, but the message was: %s"
                .formatted(what, command.mutation(), error, expectedMessage, message),
            expectedMessage,
            message);
      }
      // The policies and projections run now, so the next step sees what this one caused.
      backEnd.settle();
      checkExpected(answer, true);
      return answer;
    }

    private JsonNode read(JsonNode args) {
      if (coverage != null) {
        coverage.queried(query.view().view());
      }
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        backEnd.settle();
        JsonNode answer;
        try {
          answer = ScenarioQueries.answer(query, args, caller, backEnd);
        } catch (ScenarioQueries.Refused refused) {
          if (refused.getMessage().equals(error)) {
            return NullNode.getInstance();
          }
          throw new AssertionFailedError(
              "%s: %s refused the caller %s: %s"
                  .formatted(what, query.name(), caller.name(), refused.getMessage()));
        }
        boolean lastTry = !backEnd.eventual() || System.nanoTime() > deadline;
        if (error != null) {
          if (lastTry) {
            throw new AssertionFailedError(
                "%s: expected %s to be refused with %s, but it answered %s"
                    .formatted(what, query.name(), error, answer));
          }
        } else if (checkExpected(answer, lastTry)) {
          return answer;
        }
        sleep();
      }
    }

    /**
     * Whether every expected value is in the answer; when {@code fail}, throws the first that is
     * not.
     */
    private boolean checkExpected(JsonNode answer, boolean fail) {
      for (Map.Entry<String, String> expectation : expected.entrySet()) {
        JsonNode want = substitute(Json.parse(expectation.getValue()));
        JsonNode have = ApiScenario.at(answer, expectation.getKey());
        if (!Scenario.same(want, have.isMissingNode() ? null : have)) {
          if (fail) {
            throw new AssertionFailedError(
                "%s: %s is %s, expected %s%s; the answer: %s"
                    .formatted(
                        what,
                        expectation.getKey(),
                        have.isMissingNode() ? "absent" : have,
                        want,
                        backEnd.eventual() ? " (waited " + WAIT.toSeconds() + " s)" : "",
                        answer),
                want,
                have);
          }
          return false;
        }
      }
      return true;
    }
  }

  /** The value at a path of names and list positions ({@code items.0.title}); missing if none. */
  static JsonNode at(JsonNode answer, String path) {
    JsonNode node = answer;
    for (String segment : path.split("\\.")) {
      node = segment.matches("[0-9]+") ? node.path(Integer.parseInt(segment)) : node.path(segment);
    }
    return node;
  }

  /**
   * The value with the variables put in: a text that is one {@code ${name}} becomes the variable's
   * value, whatever its type; a text that holds some becomes the text with their text put in.
   */
  JsonNode substitute(JsonNode value) {
    if (value.isTextual()) {
      Matcher whole = VARIABLE.matcher(value.asText());
      if (whole.matches()) {
        return variable(whole.group(1));
      }
      Matcher parts = VARIABLE.matcher(value.asText());
      StringBuilder text = new StringBuilder();
      while (parts.find()) {
        JsonNode variable = variable(parts.group(1));
        parts.appendReplacement(
            text,
            Matcher.quoteReplacement(
                variable.isTextual() ? variable.asText() : variable.toString()));
      }
      parts.appendTail(text);
      return TextNode.valueOf(text.toString());
    }
    if (value.isObject()) {
      ObjectNode copy = Json.object();
      value.properties().forEach(e -> copy.set(e.getKey(), substitute(e.getValue())));
      return copy;
    }
    if (value.isArray()) {
      ArrayNode copy = Json.MAPPER.createArrayNode();
      value.forEach(item -> copy.add(substitute(item)));
      return copy;
    }
    return value;
  }

  private JsonNode variable(String name) {
    JsonNode value = variables.get(name);
    if (value == null) {
      throw new AssertionFailedError(
          "the variable ${" + name + "} is not set; set it or extract it in an earlier step");
    }
    return value;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted while waiting for the views");
    }
  }
}
