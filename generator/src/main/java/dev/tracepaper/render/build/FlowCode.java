package dev.tracepaper.render.build;

import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.BusinessRule;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Let;
import dev.tracepaper.naming.JavaName;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.CustomData;
import dev.tracepaper.render.data.FlowData;
import dev.tracepaper.render.data.TestData;
import dev.tracepaper.validate.rules.shape.Copying;
import dev.tracepaper.validate.rules.shape.FlowSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A command's or policy's behaviour as the statements of its flow's {@code decide}: {@code let}
 * locals, rule checks, and the events to append, each field mapped, copied (spec "Field copying",
 * via {@link Copying}) or taken from the key.
 */
final class FlowCode {

  private final CheckedExpressions checked;
  private final TypeMapping types;
  private final JavaNames names;

  FlowCode(CheckedExpressions checked, TypeMapping types, JavaNames names) {
    this.checked = checked;
    this.types = types;
    this.names = names;
  }

  FlowData of(FlowSite site, JavaName input, List<TestData> tests) {
    Aggregate aggregate = site.aggregate();
    Optional<Aggregate> owner = Optional.of(aggregate);
    String inputVariable = site.isCommand() ? "command" : "event";
    Set<String> imports = new TreeSet<>();
    Map<String, String> variables = new LinkedHashMap<>();
    site.flow().let().forEach(l -> variables.put(l.name(), JavaNames.variable(l.name())));
    ExpressionCode expressions =
        new ExpressionCode(checked, types, names.runtimePackage(), variables, imports);

    List<FlowData.LetData> lets = new ArrayList<>();
    for (Let let : site.flow().let()) {
      lets.add(
          new FlowData.LetData(
              JavaNames.variable(let.name()),
              "var",
              expressions.java(let.value()),
              let.value().text()));
    }
    List<FlowData.RuleData> rules = new ArrayList<>();
    for (BusinessRule rule : site.flow().rules()) {
      rules.add(
          new FlowData.RuleData(
              ExpressionCode.unwrapped(expressions.java(rule.require())),
              rule.code().value(),
              rule.message(),
              rule.require().text()));
    }
    boolean[] usesKey = {false};
    List<FlowData.EmitData> emits = new ArrayList<>();
    for (Emit emit : site.flow().emits()) {
      Event event = Copying.event(site, emit).orElseThrow();
      List<String> arguments = new ArrayList<>();
      for (Copying.Resolved resolved : Copying.resolve(site, emit, event)) {
        String member = JavaNames.member(resolved.field().name());
        arguments.add(
            switch (resolved.from()) {
              case MAPPED ->
                  expressions.into(mapping(emit, resolved.field()), resolved.field().type(), owner);
              case LET ->
                  expressions.into(
                      JavaNames.variable(resolved.field().name()),
                      let(site, resolved.field().name()).value(),
                      resolved.field().type(),
                      owner);
              case INPUT ->
                  orEmpty(
                      inputVariable + "." + member + "()",
                      resolved.field(),
                      !site.isCommand() || alwaysSet(site, resolved.field().name()),
                      imports);
              case KEY -> {
                usesKey[0] = true;
                yield "key";
              }
              case STATE -> orEmpty("state." + member + "()", resolved.field(), false, imports);
              case NOWHERE ->
                  throw new IllegalStateException("UnfilledEventField lets no field go unfilled");
            });
      }
      // An event whose fields carry constraints is checked before it is recorded
      // (EventRecord.java.ftl, `checked`).
      String eventClass = names.event(aggregate.name(), event.name()).simpleName();
      boolean constrained = event.fields().stream().anyMatch(InputCode::constrained);
      Optional<String> condition =
          emit.condition().map(c -> ExpressionCode.unwrapped(expressions.java(c)));
      emits.add(
          new FlowData.EmitData(
              // an argument of List.of(...) at eight spaces
              construction(eventClass, constrained, arguments, 8, ");"),
              addition(eventClass, constrained, arguments, condition.isPresent() ? 6 : 4),
              condition.orElse(""),
              emit.condition().map(Expression::text).orElse("")));
    }
    boolean usesToday =
        Stream.concat(
                site.flow().let().stream().map(Let::value),
                Stream.concat(
                    site.flow().rules().stream().map(BusinessRule::require),
                    site.flow().emits().stream()
                        .flatMap(
                            e ->
                                Stream.concat(
                                    e.condition().stream(),
                                    e.mappings().stream().map(Assignment.SetValue::value)))))
            .anyMatch(e -> expressions.reads(e, "today"));

    Set<String> keyImports = new TreeSet<>();
    ExpressionCode keyExpressions =
        new ExpressionCode(checked, types, names.runtimePackage(), Map.of(), keyImports);
    String key;
    boolean keyUsesToday = false;
    Optional<Expression> keyExpression = site.flow().key();
    if (keyExpression.isPresent()) {
      key = ExpressionCode.unwrapped(keyExpressions.java(keyExpression.get()));
      keyUsesToday = keyExpressions.reads(keyExpression.get(), "today");
    } else {
      String keyName = aggregate.key().map(k -> k.value()).orElseThrow();
      key = inputVariable + "." + JavaNames.member(keyName) + "()";
    }
    imports.addAll(keyImports);
    imports.add("java.time.Instant");
    imports.add("java.util.List");
    imports.add(names.runtimePackage() + ".Caller");
    if (!site.flow().rules().isEmpty()) {
      imports.add(names.runtimePackage() + ".CommandError");
    }
    boolean conditional = site.flow().emits().stream().anyMatch(Emit::conditional);
    if (conditional) {
      imports.add("java.util.ArrayList");
    }
    if (usesToday || keyUsesToday) {
      imports.add("java.time.LocalDate");
      imports.add("java.time.ZoneOffset");
    }
    if (!input.packageName().equals(names.aggregatePackage(aggregate.name()))) {
      imports.add(input.qualified());
    }
    return new FlowData(
        site.flow().name(),
        names.flow(aggregate.name(), site.flow().name()).simpleName(),
        names.flowTest(aggregate.name(), site.flow().name()).simpleName(),
        input.simpleName(),
        input.qualified(),
        inputVariable,
        key,
        keyUsesToday,
        switch (site.flow().creation()) {
          case UPDATES -> "EXISTING";
          case CREATES -> "NEW";
          case CREATES_OR_UPDATES -> "NEW_OR_EXISTING";
        },
        usesToday,
        usesKey[0],
        lets,
        rules,
        emits,
        conditional,
        List.copyOf(imports),
        site.flow().description().orElse(""),
        tests,
        CustomData.of(
            site.flow().custom(),
            names.flowCustom(aggregate.name(), site.flow().name()).simpleName(),
            names.flowCustomCode(aggregate.name(), site.flow().name()).simpleName(),
            customImports(
                input.packageName().equals(names.aggregatePackage(aggregate.name()))
                    ? List.of()
                    : List.of(input.qualified())),
            names.runtimePackage()));
  }

  /** What the interface of a custom flow and its hand-written class name by simple name. */
  private List<String> customImports(List<String> input) {
    Set<String> imports = new TreeSet<>(input);
    imports.add("java.time.Instant");
    imports.add("java.util.List");
    imports.add(names.runtimePackage() + ".Caller");
    return List.copyOf(imports);
  }

  /**
   * {@code new BookLent(…)}, or {@code BookLent.checked(new BookLent(…))} for an event with
   * constraints, laid out for a line starting at {@code indent} and ending in {@code suffix}.
   */
  private static String construction(
      String eventClass, boolean constrained, List<String> arguments, int indent, String suffix) {
    if (!constrained) {
      return JavaLayout.call("new " + eventClass, arguments, indent, suffix);
    }
    // the width of `X.checked(` before the call and `)` after it
    String padding = " ".repeat(eventClass.length() + ".checked(".length());
    return eventClass
        + ".checked("
        + JavaLayout.call("new " + eventClass, arguments, indent, ")" + padding + suffix)
        + ")";
  }

  /**
   * {@code events.add(new BookLent(…));} at {@code indent}: on one line when it fits, else the
   * event on the next line, four spaces further in.
   */
  private static String addition(
      String eventClass, boolean constrained, List<String> arguments, int indent) {
    String add = "events.add(";
    String flat = construction(eventClass, constrained, arguments, indent + add.length(), ");");
    if (!flat.contains("\n")
        && indent + add.length() + flat.length() + ");".length() <= JavaLayout.WIDTH) {
      return add + flat + ");";
    }
    return add
        + "\n"
        + " ".repeat(indent + 4)
        + construction(eventClass, constrained, arguments, indent + 4, ");")
        + ");";
  }

  private static Expression mapping(Emit emit, Field field) {
    return emit.mappings().stream()
        .filter(m -> m.field().equals(field.name()))
        .findFirst()
        .orElseThrow()
        .value();
  }

  private static Let let(FlowSite site, String name) {
    return site.flow().let().stream()
        .filter(l -> l.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Copying found no let " + name));
  }

  /**
   * {@code value} for the event field {@code target}: an event always holds its numbers and
   * booleans (Java primitives), so a value that may be absent (an optional input field, a state
   * field) is copied as {@code 0} or {@code false} when it is, as a given event's absent number
   * reads, rather than failing with a NullPointerException when it is unboxed.
   */
  private static String orEmpty(String value, Field target, boolean present, Set<String> imports) {
    boolean primitive =
        !target.type().list()
            && target.type().builtin().filter(BuiltinType::isNumericOrBoolean).isPresent();
    if (present || !primitive) {
      return value;
    }
    imports.add("java.util.Objects");
    return "Objects.requireNonNullElse("
        + value
        + ", "
        + ProjectDataBuilder.emptyValue(target)
        + ")";
  }

  /** Whether the command's input field {@code name} always has a value. */
  private static boolean alwaysSet(FlowSite site, String name) {
    return !(site.flow() instanceof Command command)
        || command.fields().stream()
            .filter(f -> f.name().equals(name))
            .findFirst()
            .map(Field::alwaysSetInCommand)
            .orElse(true);
  }
}
