package dev.tracepaper.naming;

import java.util.Locale;
import java.util.Set;

/**
 * The Java packages and classes generated for a model whose code lives in {@code basePackage}
 * ({@code app.package}). Every model name passes through {@link Case} first, so {@code book_status}
 * and {@code BookStatus} give the same class. docs/naming.md lists the scheme.
 */
public record JavaNames(String basePackage) {

  /** Packages of the generated project that an aggregate's package must not take. */
  private static final Set<String> FIXED_SEGMENTS = Set.of("types", "views");

  public static final String TYPES = "types";
  public static final String VIEWS = "views";

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

  /** The record of an aggregate's current state: {@code BookState}. */
  public JavaName state(String aggregate) {
    return inAggregate(aggregate, aggregate, "State");
  }

  /** The sealed interface every event of the aggregate implements: {@code BookEvent}. */
  public JavaName eventInterface(String aggregate) {
    return inAggregate(aggregate, aggregate, "Event");
  }

  /** What the runtime knows of the aggregate (its events, state, JSON): {@code BookAggregate}. */
  public JavaName aggregateType(String aggregate) {
    return inAggregate(aggregate, aggregate, "Aggregate");
  }

  /** The Lambda handler that runs every command of the aggregate: {@code BookCommandHandler}. */
  public JavaName commandHandler(String aggregate) {
    return inAggregate(aggregate, aggregate, "CommandHandler");
  }

  /** An event's record: {@code BookLent}. */
  public JavaName event(String aggregate, String event) {
    return inAggregate(aggregate, event, "");
  }

  /** A command's input record: {@code LendBook}. */
  public JavaName command(String aggregate, String command) {
    return inAggregate(aggregate, command, "");
  }

  /** The behaviour of a command or policy (let, rules, emits): {@code LendBookFlow}. */
  public JavaName flow(String aggregate, String flow) {
    return inAggregate(aggregate, flow, "Flow");
  }

  /** The interface hand-written code of a {@code custom} command or policy implements. */
  public JavaName flowCustom(String aggregate, String flow) {
    return inAggregate(aggregate, flow, "Custom");
  }

  /** The hand-written class of a {@code custom} command or policy: {@code LendBookCustomCode}. */
  public JavaName flowCustomCode(String aggregate, String flow) {
    return inAggregate(aggregate, flow, "CustomCode");
  }

  /** The Lambda handler of a policy, triggered by its event: {@code WithdrawWhenLostHandler}. */
  public JavaName policyHandler(String aggregate, String policy) {
    return inAggregate(aggregate, policy, "Handler");
  }

  /** The generated tests of a command or policy, under src/test/java: {@code LendBookTest}. */
  public JavaName flowTest(String aggregate, String flow) {
    return inAggregate(aggregate, flow, "Test");
  }

  /** An entity's record, in its aggregate's package: {@code Loan}. */
  public JavaName entity(String aggregate, String entity) {
    return inAggregate(aggregate, entity, "");
  }

  /** A value type's record: {@code Address}. */
  public JavaName type(String type) {
    return new JavaName(typesPackage(), Case.pascal(type));
  }

  /** An enum: {@code BookStatus}; its constants are the values as written. */
  public JavaName enumType(String enumName) {
    return new JavaName(typesPackage(), Case.pascal(enumName));
  }

  /** A view's row record: {@code BookAvailability}. */
  public JavaName viewRow(String view) {
    return new JavaName(viewsPackage(), Case.pascal(view));
  }

  /** The interface hand-written code of a {@code custom} view implements. */
  public JavaName viewCustom(String view) {
    return new JavaName(viewsPackage(), Case.pascal(view) + "Custom");
  }

  /** The hand-written class of a {@code custom} view: {@code BookAvailabilityCustomCode}. */
  public JavaName viewCustomCode(String view) {
    return new JavaName(viewsPackage(), Case.pascal(view) + "CustomCode");
  }

  /** How events change a view's rows: {@code BookAvailabilityProjection}. */
  public JavaName viewProjection(String view) {
    return new JavaName(viewsPackage(), Case.pascal(view) + "Projection");
  }

  /** A record component, field or accessor: {@code loanId}. */
  public static String member(String field) {
    return Case.camel(field);
  }

  /** A {@code let} variable, as a local variable of the flow: {@code due}. */
  public static String variable(String let) {
    return Case.camel(let);
  }

  private JavaName inAggregate(String aggregate, String name, String suffix) {
    return new JavaName(aggregatePackage(aggregate), Case.pascal(name) + suffix);
  }
}
