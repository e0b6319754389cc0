package dev.tracepaper.render.build;

import dev.tracepaper.engine.YamlJson;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Let;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.naming.JavaName;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.AutomationData;
import dev.tracepaper.text.Escapes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An automation's handler: its activities as Java statements in the order the model lists them,
 * each expression translated as flows' are, each side effect a call of the runtime's {@code Run},
 * which performs it once per trigger.
 */
final class AutomationCode {

  private static final String STEP_INDENT = "    ";

  /** What comes before the list of secrets on its line. */
  private static final String SECRETS_PREFIX = "  static final List<SecretRef> SECRETS =;";

  private final ModelIndex index;
  private final CheckedExpressions checked;
  private final TypeMapping types;
  private final JavaNames names;
  private final YamlJson yaml;

  AutomationCode(ModelIndex index, CheckedExpressions checked, TypeMapping types, JavaNames names) {
    this.index = index;
    this.checked = checked;
    this.types = types;
    this.names = names;
    this.yaml = new YamlJson(index);
  }

  /** The Java class of an automation's handler. */
  static JavaName handler(JavaNames names, String automation) {
    return new JavaName(
        names.basePackage() + "." + JavaNames.AUTOMATIONS,
        dev.tracepaper.naming.Case.pascal(automation) + "Automation");
  }

  AutomationData of(Automation automation) {
    JavaName handler = handler(names, automation.name());
    Set<String> imports = new TreeSet<>();
    Map<String, String> variables = new LinkedHashMap<>();
    for (Automation.Activity activity : dev.tracepaper.automation.Activities.all(automation)) {
      if (activity instanceof Automation.SetVariables set) {
        set.variables().forEach(l -> variables.put(l.name(), JavaNames.variable(l.name())));
      } else if (activity instanceof Automation.ForEach loop) {
        variables.put(loop.as().value(), JavaNames.variable(loop.as().value()));
      }
    }
    ExpressionCode expressions =
        new ExpressionCode(checked, types, names.runtimePackage(), variables, imports);
    Map<String, AutomationData.Handler> handlers = new LinkedHashMap<>();
    List<AutomationData.Step> steps =
        steps(automation, automation.activities(), expressions, imports, handlers, STEP_INDENT);
    List<String> locals = locals(automation, expressions, imports);
    String runtime = names.runtimePackage();
    String automationPackage = runtime + ".automation";
    for (String c : List.of("Automations", "Run", "SecretRef")) {
      imports.add(automationPackage + "." + c);
    }
    imports.add("com.amazonaws.services.lambda.runtime.Context");
    imports.add("com.amazonaws.services.lambda.runtime.RequestStreamHandler");
    imports.add("java.io.IOException");
    imports.add("java.io.InputStream");
    imports.add("java.io.OutputStream");
    imports.add("java.util.List");
    handlers.values().forEach(h -> imports.add(names.commandHandler(h.aggregate()).qualified()));
    List<AutomationData.StoredSecret> stored =
        automation.secrets().stream()
            .map(s -> new AutomationData.StoredSecret(s.name(), s.source().key(), s.id().value()))
            .toList();
    // SecretRef's factories are named as the model names the stores.
    List<String> secretRefs =
        stored.stream()
            .map(
                s ->
                    "SecretRef."
                        + s.store()
                        + "("
                        + Escapes.javaString(s.name())
                        + ", "
                        + Escapes.javaString(s.id())
                        + ")")
            .toList();
    String secrets = " List.of(" + String.join(", ", secretRefs) + ")";
    if (SECRETS_PREFIX.length() + secrets.length() > JavaLayout.WIDTH) {
      // Wrapped below the declaration, as google-java-format wraps it.
      String continued = "      List.of(" + String.join(", ", secretRefs) + ");";
      secrets =
          continued.length() <= JavaLayout.WIDTH
              ? "\n" + continued.substring(0, continued.length() - 1)
              : "\n      List.of(\n          " + String.join(",\n          ", secretRefs) + ")";
    }
    Set<String> testImports = new TreeSet<>();
    List<AutomationData.Case> cases = cases(automation, testImports);
    String testing = names.runtimePackage() + ".testing.";
    for (String c : List.of("AutomationCheck", "InMemoryLedger", "RecordingEffects")) {
      testImports.add(testing + c);
    }
    testImports.add(names.runtimePackage() + ".automation.Automations");
    testImports.add("org.junit.jupiter.api.Test");
    if (!handlers.isEmpty()) {
      testImports.add(testing + "InMemoryEventStore");
      testImports.add("java.time.Clock");
      handlers
          .values()
          .forEach(h -> testImports.add(names.commandHandler(h.aggregate()).qualified()));
    }
    return new AutomationData(
        automation.name(),
        handler.packageName(),
        handler.simpleName(),
        automation.description().orElse(""),
        trigger(automation),
        List.copyOf(ProjectDataBuilder.withoutOwnPackage(imports, handler.packageName())),
        secrets,
        List.copyOf(handlers.values()),
        locals,
        steps,
        cases,
        List.copyOf(ProjectDataBuilder.withoutOwnPackage(testImports, handler.packageName())),
        dev.tracepaper.automation.Activities.templates(automation).stream()
            .map(t -> new AutomationData.TemplateFile(t.path().value(), t.text().orElseThrow()))
            .distinct()
            .toList(),
        effects(automation, Automation.Email.class)
            .map(e -> AutomationStackBuilder.address(e.from().value()))
            .distinct()
            .toList(),
        effects(automation, Automation.S3Object.class)
            .map(o -> o.bucket().value())
            .distinct()
            .toList(),
        stored,
        effects(automation, Automation.Http.class).findAny().isPresent(),
        java.util.stream.IntStream.range(0, cases.size())
            .filter(i -> !automation.tests().get(i).then().isEmpty())
            .mapToObj(cases::get)
            .limit(1)
            .toList(),
        "automation " + automation.name());
  }

  /** What runs it, as the class comment says. */
  private String trigger(Automation automation) {
    if (automation.trigger() instanceof Automation.OnEvent on) {
      Event event = index.event(on.event()).orElseThrow();
      return "on each " + event.name() + " of " + event.aggregate();
    }
    if (automation.trigger() instanceof Automation.OnSchedule schedule) {
      return "on its schedule, "
          + schedule.expression().value()
          + schedule.timezone().map(z -> " in " + z.value()).orElse(" in UTC");
    }
    return "after each deployment";
  }

  private static <T extends Automation.Activity> java.util.stream.Stream<T> effects(
      Automation automation, Class<T> kind) {
    return dev.tracepaper.automation.Activities.all(automation).stream()
        .filter(kind::isInstance)
        .map(kind::cast);
  }

  /** The trigger's event, and {@code now}, {@code today} and {@code secrets} where read. */
  private List<String> locals(
      Automation automation, ExpressionCode expressions, Set<String> imports) {
    List<String> locals = new ArrayList<>();
    List<Expression> all = dev.tracepaper.automation.Activities.expressions(automation);
    if (automation.trigger() instanceof Automation.OnEvent on && reads(expressions, all, "event")) {
      Event event = index.event(on.event()).orElseThrow();
      JavaName eventClass = names.event(event.aggregate(), event.name());
      JavaName type = names.aggregateType(event.aggregate());
      imports.add(eventClass.qualified());
      imports.add(type.qualified());
      // A delivery sent before the latest deployment may carry an older shape: upcast first.
      locals.add(
          "%s event =%n        %s.fromJson(%n            %s.TYPE.upcast(run.trigger().event().orElseThrow()).payload());"
              .formatted(eventClass.simpleName(), eventClass.simpleName(), type.simpleName()));
    }
    if (reads(expressions, all, "now")) {
      imports.add("java.time.Instant");
      locals.add("Instant now = run.now();");
    }
    if (reads(expressions, all, "today")) {
      imports.add("java.time.LocalDate");
      locals.add("LocalDate today = run.today();");
    }
    if (reads(expressions, all, "secrets")) {
      imports.add("java.util.Map");
      locals.add("Map<String, String> secrets = run.secrets();");
    }
    return locals;
  }

  private static boolean reads(ExpressionCode code, List<Expression> all, String name) {
    return all.stream().anyMatch(e -> code.reads(e, name));
  }

  private List<AutomationData.Step> steps(
      Automation automation,
      List<Automation.Activity> activities,
      ExpressionCode expressions,
      Set<String> imports,
      Map<String, AutomationData.Handler> handlers,
      String indent) {
    List<AutomationData.Step> steps = new ArrayList<>();
    for (Automation.Activity activity : activities) {
      if (activity instanceof Automation.SetVariables set) {
        for (Let let : set.variables()) {
          steps.add(
              step(
                  "let",
                  let.name() + ": " + oneLine(let.value()),
                  "",
                  "var "
                      + JavaNames.variable(let.name())
                      + " = "
                      + ExpressionCode.unwrapped(expressions.java(let.value()))
                      + ";",
                  indent));
        }
      } else if (activity instanceof Automation.Stop stop) {
        steps.add(
            step(
                "stopIf",
                "stopIf: " + oneLine(stop.condition()),
                ExpressionCode.unwrapped(expressions.java(stop.condition())),
                "",
                indent));
      } else if (activity instanceof Automation.ForEach loop) {
        steps.add(
            new AutomationData.Step(
                "forEach",
                "forEach " + loop.as().value() + " in " + oneLine(loop.items()),
                "",
                "",
                JavaNames.variable(loop.as().value()),
                ExpressionCode.unwrapped(expressions.java(loop.items())),
                steps(automation, loop.activities(), expressions, imports, handlers, indent + "  "),
                indent));
      } else if (activity instanceof Automation.Effect effect) {
        String condition =
            effect.condition().map(c -> ExpressionCode.unwrapped(expressions.java(c))).orElse("");
        String inner = condition.isEmpty() ? indent : indent + "  ";
        steps.add(
            step(
                "effect",
                describe(effect),
                condition,
                effect(automation, effect, expressions, imports, handlers, inner),
                indent));
      }
    }
    return steps;
  }

  private static AutomationData.Step step(
      String kind, String source, String condition, String code, String indent) {
    return new AutomationData.Step(kind, source, condition, code, "", "", List.of(), indent);
  }

  /** The model's words for a side effect, for the comment above its call. */
  private static String describe(Automation.Effect effect) {
    if (effect instanceof Automation.Email email) {
      return "email " + email.body().path().value();
    }
    if (effect instanceof Automation.Http http) {
      return "http " + http.method().value().toUpperCase(Locale.ROOT) + " " + oneLine(http.url());
    }
    if (effect instanceof Automation.S3Object s3) {
      return "s3Object in " + s3.bucket().value();
    }
    return "command " + ((Automation.SendCommand) effect).command().value();
  }

  private static String oneLine(Expression expression) {
    return expression.text().replaceAll("\\s+", " ").trim();
  }

  /** The call of {@code Run} that performs the effect, laid out at {@code indent}. */
  private String effect(
      Automation automation,
      Automation.Effect effect,
      ExpressionCode expressions,
      Set<String> imports,
      Map<String, AutomationData.Handler> handlers,
      String indent) {
    int column = indent.length();
    if (effect instanceof Automation.Email email) {
      return JavaLayout.call(
              "run.email",
              List.of(
                  Escapes.javaString(email.from().value()),
                  list(email.to().stream().map(t -> value(expressions, t)).toList()),
                  value(expressions, email.subject()),
                  Escapes.javaString(email.body().path().value()),
                  with(email.body(), expressions, column + 4)),
              column,
              ";")
          + ";";
    }
    if (effect instanceof Automation.Http http) {
      imports.add(names.runtimePackage() + ".automation.Param");
      return JavaLayout.call(
              "run.http",
              List.of(
                  Escapes.javaString(http.method().value().toUpperCase(Locale.ROOT)),
                  value(expressions, http.url()),
                  params(http.query(), expressions, column + 4),
                  params(http.headers(), expressions, column + 4),
                  http.body().map(b -> Escapes.javaString(b.path().value())).orElse("null"),
                  http.body().map(b -> with(b, expressions, column + 4)).orElse("Run.with()")),
              column,
              ";")
          + ";";
    }
    if (effect instanceof Automation.S3Object s3) {
      return JavaLayout.call(
              "run.s3Object",
              List.of(
                  Escapes.javaString(s3.bucket().value()),
                  value(expressions, s3.key()),
                  Escapes.javaString(s3.content().path().value()),
                  with(s3.content(), expressions, column + 4)),
              column,
              ";")
          + ";";
    }
    return command(automation, (Automation.SendCommand) effect, expressions, handlers, column);
  }

  private static String value(ExpressionCode expressions, Expression expression) {
    return ExpressionCode.unwrapped(expressions.java(expression));
  }

  private static String list(List<String> items) {
    return "List.of(" + String.join(", ", items) + ")";
  }

  private static String params(
      List<Automation.NamedValue> values, ExpressionCode expressions, int column) {
    return JavaLayout.call(
        "List.of",
        values.stream()
            .map(
                v ->
                    "new Param("
                        + Escapes.javaString(v.name())
                        + ", "
                        + value(expressions, v.value())
                        + ")")
            .toList(),
        column,
        ",");
  }

  /** {@code Run.with("name", value, …)}: what the template reads, nulls included. */
  private static String with(Automation.Template template, ExpressionCode expressions, int column) {
    List<String> pairs = new ArrayList<>();
    for (Let value : template.with()) {
      pairs.add(Escapes.javaString(value.name()) + ", " + expressions.templateValue(value.value()));
    }
    return JavaLayout.call("Run.with", pairs, column, "));");
  }

  /**
   * A command sent inside the application through the aggregate's own handler, as its mutation
   * would be sent (validated, checked, idempotent), by the automation's role.
   */
  private String command(
      Automation automation,
      Automation.SendCommand send,
      ExpressionCode expressions,
      Map<String, AutomationData.Handler> handlers,
      int column) {
    Command command = send.resolve(index.model()).orElseThrow();
    Aggregate aggregate = index.aggregate(command.aggregate()).orElseThrow();
    AutomationData.Handler handler =
        handlers.computeIfAbsent(
            aggregate.name(),
            a ->
                new AutomationData.Handler(
                    names.commandHandler(a).simpleName(), JavaNames.local(a), a));
    List<String> input = new ArrayList<>();
    for (Assignment.SetValue line : send.with()) {
      input.add(Escapes.javaString(line.field()) + ", " + expressions.inputValue(line.value()));
    }
    return JavaLayout.call(
            "run.command",
            List.of(
                Escapes.javaString(aggregate.name() + "." + command.name()),
                Escapes.javaString(
                    ApiPlace.of(
                            GraphQlNames.MUTATION,
                            GraphQlNames.mutation(command.name()),
                            command.api())
                        .operation()),
                Escapes.javaString(automation.role().map(r -> r.value()).orElseThrow()),
                JavaLayout.call("Run.input", input, column + 4, ","),
                handler.field() + "::send"),
            column,
            ";")
        + ";";
  }

  /** The model's tests of the automation. */
  private List<AutomationData.Case> cases(Automation automation, Set<String> imports) {
    List<AutomationData.Case> cases = new ArrayList<>();
    Set<String> methods = new HashSet<>();
    String testing = names.runtimePackage() + ".testing.";
    for (Automation.Test test : automation.tests()) {
      imports.add("java.time.Instant");
      String at =
          test.at()
              .map(a -> "Instant.parse(" + Escapes.javaString(a.value()) + ")")
              .orElse("Instant.now()");
      String trigger;
      if (automation.trigger() instanceof Automation.OnEvent on) {
        Event type = index.event(on.event()).orElseThrow();
        Aggregate source = index.aggregate(type.aggregate()).orElseThrow();
        ObjectNode payload =
            test.when()
                .map(w -> yaml.object(w, type.fields(), Optional.of(source), false))
                .orElseGet(JsonNodeFactory.instance::objectNode);
        YamlJson.completeNumbers(payload, type.fields());
        JavaName aggregateType = names.aggregateType(source.name());
        imports.add(aggregateType.qualified());
        imports.add(testing + "AutomationTriggers");
        trigger =
            JavaLayout.call(
                "AutomationTriggers.event",
                List.of(
                    aggregateType.simpleName() + ".TYPE",
                    Escapes.javaString(type.name()),
                    Escapes.javaString(TestCode.write(payload)),
                    at),
                8,
                ",");
      } else {
        imports.add(names.runtimePackage() + ".automation.Trigger");
        trigger =
            automation.trigger() instanceof Automation.OnSchedule
                ? "Trigger.schedule(" + at + ")"
                : "Trigger.deployment(\"test\", " + at + ")";
      }
      ArrayNode expected = JsonNodeFactory.instance.arrayNode();
      for (Automation.Expected activity : test.then()) {
        expected.addObject().set(activity.kind(), YamlJson.plain(activity.fields()));
      }
      cases.add(
          new AutomationData.Case(
              test.name(),
              TestCode.method(test.name(), methods),
              trigger,
              TestCode.write(expected)));
    }
    return cases;
  }
}
