package dev.tracepaper.naming;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Java packages and classes generated for a model whose code lives in {@code basePackage}
 * ({@code app.package}). Every model name passes through {@link Case} first, so {@code book_status}
 * and {@code BookStatus} give the same class. docs/naming.md lists the scheme.
 *
 * @param aggregateClasses the simple names of the classes generated in the aggregates' packages
 *     ({@code OrderState}, {@code OrderEvent}, events, commands, entities): a type or enum of that
 *     name gets its kind in its class name, since the aggregates' code imports it beside them
 */
public record JavaNames(String basePackage, Set<String> aggregateClasses) {

  public JavaNames {
    aggregateClasses = Set.copyOf(aggregateClasses);
  }

  /** The names of a model with no aggregates (and of tests of single names). */
  public JavaNames(String basePackage) {
    this(basePackage, Set.of());
  }

  /** The elements of one aggregate that give classes in its package. */
  public record AggregateElements(
      String name,
      List<String> entities,
      List<String> events,
      List<String> commands,
      List<String> policies) {}

  /** The names of a model whose aggregates have {@code aggregates}' elements. */
  public static JavaNames of(String basePackage, List<AggregateElements> aggregates) {
    JavaNames plain = new JavaNames(basePackage);
    Set<String> classes = new HashSet<>();
    for (AggregateElements a : aggregates) {
      String name = a.name();
      plain.classesOf(name).forEach(c -> classes.add(c.simpleName()));
      a.entities().forEach(e -> classes.add(plain.entity(name, e).simpleName()));
      a.events().forEach(e -> classes.add(plain.event(name, e).simpleName()));
      Stream.concat(a.commands().stream(), a.policies().stream())
          .forEach(
              f ->
                  Stream.of(
                          plain.command(name, f),
                          plain.flow(name, f),
                          plain.flowCustom(name, f),
                          plain.flowCustomCode(name, f),
                          plain.policyHandler(name, f))
                      .forEach(c -> classes.add(c.simpleName())));
    }
    return new JavaNames(basePackage, classes);
  }

  /** Packages of the generated project that an aggregate's package must not take. */
  public static final String TYPES = "types";

  public static final String VIEWS = "views";
  public static final String AUTOMATIONS = "automations";

  private static final Set<String> FIXED_SEGMENTS = Set.of(TYPES, VIEWS, AUTOMATIONS);

  /**
   * The parameters and locals of a flow's {@code decide} besides the expression scope's names
   * (which no {@code let} may take: ReservedWord): a {@code let} of such a name is escaped.
   */
  private static final Set<String> FLOW_LOCALS = Set.of("key", "events", "custom");

  /** The kind word a command's or policy's class gets when its name would hide another. */
  private static final String FLOW = "Flow";

  /** The runtime library's package (the artifact tracepaper-runtime, docs/runtime.md). */
  public static final String RUNTIME_PACKAGE = "dev.tracepaper.runtime";

  /**
   * An aggregate's package segment: its name in lower case. A Java keyword or a segment the
   * generator uses itself gets an underscore, as JLS 6.1 advises ({@code Case} → {@code case_}).
   */
  public static String packageSegment(String aggregate) {
    String segment = Case.pascal(aggregate).toLowerCase(Locale.ROOT);
    boolean taken = Reserved.isJavaKeyword(segment) || FIXED_SEGMENTS.contains(segment);
    return taken ? segment + "_" : segment;
  }

  public String aggregatePackage(String aggregate) {
    return basePackage + "." + packageSegment(aggregate);
  }

  public String typesPackage() {
    return basePackage + "." + TYPES;
  }

  public String viewsPackage() {
    return basePackage + "." + VIEWS;
  }

  public String runtimePackage() {
    return RUNTIME_PACKAGE;
  }

  /** The classes every aggregate has: its state, its events' interface, handler and type. */
  public List<JavaName> classesOf(String aggregate) {
    return List.of(
        state(aggregate),
        eventInterface(aggregate),
        commandHandler(aggregate),
        aggregateType(aggregate));
  }

  /** The record of an aggregate's current state: {@code BookState}. */
  public JavaName state(String aggregate) {
    return inAggregate(aggregate, aggregate, "Aggregate", "State");
  }

  /** The sealed interface every event of the aggregate implements: {@code BookEvent}. */
  public JavaName eventInterface(String aggregate) {
    return inAggregate(aggregate, aggregate, "Aggregate", "Event");
  }

  /** What the runtime knows of the aggregate (its events, state, JSON): {@code BookAggregate}. */
  public JavaName aggregateType(String aggregate) {
    return inAggregate(aggregate, aggregate, "Aggregate", "Aggregate");
  }

  /** The Lambda handler that runs every command of the aggregate: {@code BookCommandHandler}. */
  public JavaName commandHandler(String aggregate) {
    return inAggregate(aggregate, aggregate, "Aggregate", "CommandHandler");
  }

  /** An event's record: {@code BookLent}. */
  public JavaName event(String aggregate, String event) {
    return inAggregate(aggregate, event, "Event", "");
  }

  /** A command's input record: {@code LendBook}. */
  public JavaName command(String aggregate, String command) {
    return inAggregate(aggregate, command, "Command", "");
  }

  /** The behaviour of a command or policy (let, rules, emits): {@code LendBookFlow}. */
  public JavaName flow(String aggregate, String flow) {
    return inAggregate(aggregate, flow, FLOW, "Flow");
  }

  /** The interface hand-written code of a {@code custom} command or policy implements. */
  public JavaName flowCustom(String aggregate, String flow) {
    return inAggregate(aggregate, flow, FLOW, "Custom");
  }

  /** The hand-written class of a {@code custom} command or policy: {@code LendBookCustomCode}. */
  public JavaName flowCustomCode(String aggregate, String flow) {
    return inAggregate(aggregate, flow, FLOW, "CustomCode");
  }

  /** The Lambda handler of a policy, triggered by its event: {@code WithdrawWhenLostHandler}. */
  public JavaName policyHandler(String aggregate, String policy) {
    return inAggregate(aggregate, policy, "Policy", "Handler");
  }

  /** The generated tests of a command or policy, under src/test/java: {@code LendBookTest}. */
  public JavaName flowTest(String aggregate, String flow) {
    return inAggregate(aggregate, flow, FLOW, "Test");
  }

  /** An entity's record, in its aggregate's package: {@code Loan}. */
  public JavaName entity(String aggregate, String entity) {
    return inAggregate(aggregate, entity, "Entity", "");
  }

  /**
   * A value type's record: {@code Address}; {@code OrderEventType} for a type {@code OrderEvent}
   * beside aggregate {@code Order}'s {@code OrderEvent}.
   */
  public JavaName type(String type) {
    return new JavaName(typesPackage(), besideAggregates(type, "Type"));
  }

  /**
   * An enum: {@code BookStatus}, {@code OrderStateEnum} beside aggregate {@code Order}'s state; its
   * constants are the values as written.
   */
  public JavaName enumType(String enumName) {
    return new JavaName(typesPackage(), besideAggregates(enumName, "Enum"));
  }

  private String besideAggregates(String name, String kind) {
    String simple = unhidden(name, kind, "");
    return aggregateClasses.contains(simple) ? Case.pascal(name) + kind : simple;
  }

  /** A view's row record: {@code BookAvailability}. */
  public JavaName viewRow(String view) {
    return new JavaName(viewsPackage(), unhidden(view, "View", ""));
  }

  /** The interface hand-written code of a {@code custom} view implements. */
  public JavaName viewCustom(String view) {
    return new JavaName(viewsPackage(), unhidden(view, "View", "Custom"));
  }

  /** The hand-written class of a {@code custom} view: {@code BookAvailabilityCustomCode}. */
  public JavaName viewCustomCode(String view) {
    return new JavaName(viewsPackage(), unhidden(view, "View", "CustomCode"));
  }

  /** The interface hand-written code of a custom query implements: {@code GetTokenQuery}. */
  public JavaName customQuery(String query) {
    return new JavaName(viewsPackage(), Case.pascal(query) + "Query");
  }

  /** The hand-written class of a custom query: {@code GetTokenQueryCode}. */
  public JavaName customQueryCode(String query) {
    return new JavaName(viewsPackage(), Case.pascal(query) + "QueryCode");
  }

  /** The Lambda handler of every custom query of the model. */
  public JavaName customQueryHandler() {
    return new JavaName(viewsPackage(), "CustomQueryHandler");
  }

  /** How events change a view's rows: {@code BookAvailabilityProjection}. */
  public JavaName viewProjection(String view) {
    return new JavaName(viewsPackage(), unhidden(view, "View", "Projection"));
  }

  /**
   * A record component, field or accessor: {@code loanId}. A Java keyword or literal, or the name
   * of a method every record has, gets a trailing underscore ({@code class} → {@code class_},
   * {@code hashCode} → {@code hashCode_}), which no camelCased model name ends in, so it takes no
   * other field's name.
   */
  public static String member(String field) {
    String member = Case.camel(field);
    return Reserved.isJavaKeyword(member) || Reserved.OBJECT_METHODS.contains(member)
        ? member + "_"
        : member;
  }

  /**
   * A {@code let} variable, as a local variable of the flow: {@code due}; a Java keyword, or a name
   * the flow's {@code decide} method has itself ({@code key}, {@code events}, {@code custom}), gets
   * a trailing underscore: {@code new_}, {@code events_}.
   */
  public static String variable(String let) {
    String variable = local(Case.camel(let));
    return FLOW_LOCALS.contains(variable) ? variable + "_" : variable;
  }

  /**
   * A local variable named after a class: {@code BookLent} → {@code bookLent}, {@code New} → {@code
   * new_}.
   */
  public static String local(String name) {
    String local = Case.camel(name);
    return Reserved.isJavaKeyword(local) ? local + "_" : local;
  }

  private JavaName inAggregate(String aggregate, String name, String kind, String suffix) {
    return new JavaName(aggregatePackage(aggregate), unhidden(name, kind, suffix));
  }

  /**
   * The simple name of a generated class: the model name and the suffix; where that would hide a
   * class the generated code uses ({@code Object}, {@code List}, the runtime's {@code Input}), the
   * element's kind goes between them ({@code ObjectType}, {@code ListView}, {@code InputCommand},
   * policy {@code Projector}'s handler {@code ProjectorPolicyHandler}).
   */
  private static String unhidden(String name, String kind, String suffix) {
    String simple = Case.pascal(name) + suffix;
    return Reserved.hiddenJavaClass(simple).isPresent()
        ? Case.pascal(name) + kind + suffix
        : simple;
  }
}
