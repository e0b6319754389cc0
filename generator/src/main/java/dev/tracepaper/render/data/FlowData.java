package dev.tracepaper.render.data;

import java.util.List;

/**
 * The behaviour of a command or policy, as Java statements of its flow's {@code decide} method:
 * {@code let} (in order), {@code rules}, then the events of {@code emits}.
 *
 * @param name the command's or policy's model name ({@code LendBook})
 * @param javaClass the flow class ({@code LendBookFlow})
 * @param testClass the class of its generated tests ({@code LendBookTest})
 * @param inputClass the class of the flow's input: the command record, or for a policy the
 *     triggering event's record
 * @param inputQualifiedClass the input class, fully qualified
 * @param inputVariable {@code command} or {@code event}, as CEL names the input
 * @param key a Java expression giving the aggregate key from {@code inputVariable} ({@code
 *     command.isbn()})
 * @param keyUsesToday whether the key's expression reads {@code today}
 * @param existence what it expects of its instance, as the runtime's {@code Existence} constant:
 *     {@code EXISTING}, {@code NEW} ({@code creates: true}) or {@code NEW_OR_EXISTING} ({@code
 *     creates: ifMissing})
 * @param usesToday whether some expression of {@code decide} reads {@code today}
 * @param usesKey whether {@code decide} needs the key (an event field copied from it)
 * @param lets the {@code let} variables
 * @param rules the rules, in order
 * @param emits the events, in order
 * @param conditionalEmits whether some event is recorded only when its {@code if} holds: {@code
 *     decide} then collects the events in a list
 * @param imports the classes the code names by simple name, sorted
 * @param description the description, empty when none
 * @param tests the model's given/when/then cases
 * @param custom its hand-written part ({@code custom: true})
 */
public record FlowData(
    String name,
    String javaClass,
    String testClass,
    String inputClass,
    String inputQualifiedClass,
    String inputVariable,
    String key,
    boolean keyUsesToday,
    String existence,
    boolean usesToday,
    boolean usesKey,
    List<LetData> lets,
    List<RuleData> rules,
    List<EmitData> emits,
    boolean conditionalEmits,
    List<String> imports,
    String description,
    List<TestData> tests,
    CustomData custom) {

  public FlowData {
    lets = List.copyOf(lets);
    rules = List.copyOf(rules);
    emits = List.copyOf(emits);
    imports = List.copyOf(imports);
    tests = List.copyOf(tests);
  }

  /**
   * A {@code let} variable.
   *
   * @param name the Java local
   * @param javaType its Java type ({@code var} where the type has no short name)
   * @param value the Java expression
   * @param source the CEL expression, for a comment
   */
  public record LetData(String name, String javaType, String value, String source) {}

  /**
   * A rule.
   *
   * @param condition the Java condition that must hold
   * @param code the error code as written
   * @param message the message as written
   * @param source the CEL expression, for a comment
   */
  public record RuleData(String condition, String code, String message, String source) {}

  /**
   * An event of {@code emits}.
   *
   * @param construction the Java expression constructing it, laid out as an argument of {@code
   *     List.of(…)} at eight spaces
   * @param addition the statement {@code events.add(…);}, laid out at four spaces, or six when it
   *     has a condition (inside the {@code if})
   * @param condition the Java condition under which it is recorded; empty when always
   * @param conditionSource the CEL condition, for a comment; empty when always
   */
  public record EmitData(
      String construction, String addition, String condition, String conditionSource) {}
}
