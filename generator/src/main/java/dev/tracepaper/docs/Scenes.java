package dev.tracepaper.docs;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BusinessRule;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.Policy;
import dev.tracepaper.model.Scenario;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.UniqueConstraint;
import dev.tracepaper.model.ViewTest;
import dev.tracepaper.source.MappingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The model's tests as a domain expert reads them: given / when / then lines for the cases of
 * commands, policies and views, numbered steps for {@code scenarios:}. A refusal quotes the message
 * its code has in the model.
 */
public final class Scenes {

  /** A test or scenario, with where it is written. */
  public record Scene(String name, String location, List<Line> lines) {}

  /**
   * A line: its keyword ({@code Given}, {@code And}, {@code When}, {@code Then}, a step number).
   */
  public record Line(String keyword, String text) {}

  private Scenes() {}

  /** The cases of a command or policy of {@code aggregate}. */
  public static List<Scene> of(Aggregate aggregate, Flow flow) {
    Map<String, String> messages = messages(aggregate, flow);
    List<Scene> scenes = new ArrayList<>();
    for (TestCase test : flow.tests()) {
      Lines lines = new Lines();
      for (TestCase.Given given : test.given()) {
        if (given instanceof TestCase.GivenEvent event) {
          lines.add(
              "Given",
              event.event()
                  + event.version().map(v -> " (as stored by version " + v + ")").orElse("")
                  + " happened"
                  + Values.with(event.fields()));
        } else if (given instanceof TestCase.GivenState state) {
          lines.add("Given", "the " + aggregate.name() + " is " + Values.fields(state.state()));
        }
      }
      for (MappingNode other : test.others()) {
        lines.add("Given", "another " + aggregate.name() + " is " + Values.fields(other));
      }
      lines.add("When", when(flow, test));
      then(test.then(), aggregate, messages, lines);
      scenes.add(new Scene(test.name(), test.location().toString(), lines.list));
    }
    return scenes;
  }

  /** The cases of a view: events in order, then its rows. */
  public static List<Scene> of(List<ViewTest> tests) {
    List<Scene> scenes = new ArrayList<>();
    for (ViewTest test : tests) {
      Lines lines = new Lines();
      for (ViewTest.GivenEvent given : test.given()) {
        lines.add("Given", given.event() + " happened" + Values.with(given.fields()));
      }
      List<MappingNode> rows = test.rows().orElse(List.of());
      if (rows.isEmpty()) {
        lines.add("Then", "the view holds no row");
      }
      for (MappingNode row : rows) {
        lines.add("Then", "the view holds a row with " + Values.fields(row));
      }
      scenes.add(new Scene(test.name(), test.location().toString(), lines.list));
    }
    return scenes;
  }

  /** A scenario's steps, numbered. */
  public static Scene of(Scenario scenario) {
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (Scenario.Step step : scenario.steps()) {
      number++;
      String caller = step.as().map(c -> " as " + caller(c)).orElse("");
      String target = step.target().map(Located::value).orElse("");
      String text =
          switch (step.kind()) {
            case SET -> "Remember " + Values.fields(step.values());
            case COMMAND ->
                "Send "
                    + target
                    + caller
                    + step.at().map(at -> " at " + at.value()).orElse("")
                    + Values.with(step.values());
            case QUERY -> "Ask " + target + caller + Values.with(step.values());
          };
      if (!step.expect().isEmpty()) {
        text += "; expect " + Values.fields(step.expect());
      }
      if (!step.extract().isEmpty()) {
        text +=
            "; remember "
                + step.extract().entries().stream()
                    .map(e -> e.name() + " from " + Values.nested(e.value()))
                    .collect(Collectors.joining(", "));
      }
      if (step.error().isPresent()) {
        text += "; expect it to be refused with " + step.error().get().value();
      }
      String name = step.name().map(n -> n + ": ").orElse("");
      lines.add(new Line(number + ".", name + text));
    }
    String title = scenario.name() + scenario.as().map(c -> " (as " + caller(c) + ")").orElse("");
    return new Scene(title, scenario.location().toString(), lines);
  }

  private static String when(Flow flow, TestCase test) {
    MappingNode input = test.when().orElse(null);
    String fields = input == null ? "" : Values.with(input);
    String caller = test.as().map(c -> " by " + caller(c)).orElse("");
    String moment = test.at().map(at -> " at " + at.value()).orElse("");
    if (flow instanceof Policy policy) {
      return policy.on().event() + " happens" + moment + fields;
    }
    if (test.on().isPresent()) {
      return test.on().get().event() + " happens" + moment + fields;
    }
    return flow.name() + " is sent" + caller + moment + fields;
  }

  private static void then(
      TestCase.Then then, Aggregate aggregate, Map<String, String> messages, Lines lines) {
    if (then.error().isPresent()) {
      String code = then.error().get().value();
      String message = messages.get(code);
      lines.add(
          "Then", "it is refused with " + code + (message == null ? "" : ": “" + message + "”"));
    }
    if (then.events().isPresent()) {
      List<TestCase.ExpectedEvent> events = then.events().get();
      if (events.isEmpty()) {
        lines.add("Then", "no event is recorded");
      }
      for (TestCase.ExpectedEvent event : events) {
        lines.add("Then", event.event() + " is recorded" + Values.with(event.fields()));
      }
    }
    then.state()
        .ifPresent(s -> lines.add("Then", "the " + aggregate.name() + " has " + Values.fields(s)));
    then.deleted()
        .ifPresent(
            d ->
                lines.add(
                    "Then",
                    "the " + aggregate.name() + (d.value() ? " has ended" : " still exists")));
  }

  private static String caller(TestCase.Caller caller) {
    List<String> parts = new ArrayList<>();
    caller.name().or(() -> caller.id()).ifPresent(n -> parts.add(n.value()));
    if (!caller.roles().isEmpty()) {
      parts.add(
          "(roles "
              + caller.roles().stream().map(Located::value).collect(Collectors.joining(", "))
              + ")");
    }
    return parts.isEmpty() ? "a caller" : String.join(" ", parts);
  }

  /** The messages of the codes a flow can refuse with: its rules and its aggregate's uniques. */
  static Map<String, String> messages(Aggregate aggregate, Flow flow) {
    Map<String, String> messages = new LinkedHashMap<>();
    for (BusinessRule rule : flow.rules()) {
      messages.putIfAbsent(rule.code().value(), rule.message());
    }
    for (UniqueConstraint unique : aggregate.unique()) {
      Optional<String> code = unique.code().map(Located::value);
      if (code.isPresent() && unique.message().isPresent()) {
        messages.putIfAbsent(code.get(), unique.message().get());
      }
    }
    return messages;
  }

  /** Lines where a keyword repeated in a row reads "And". */
  private static final class Lines {
    private final List<Line> list = new ArrayList<>();
    private String last = "";

    void add(String keyword, String text) {
      list.add(new Line(keyword.equals(last) ? "And" : keyword, text));
      last = keyword;
    }
  }
}
