package dev.tracepaper.validate.rules;

import dev.tracepaper.validate.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules about names and references: duplicates, collisions, reserved words, conventions,
 * unknown references, patterns.
 */
public final class ReferenceRules {

  private ReferenceRules() {}

  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>(names());
    rules.addAll(references());
    return List.copyOf(rules);
  }

  /** Definitions, duplicates, collisions, reserved words and conventions of names. */
  public static List<Rule> names() {
    return List.of(
        new InvalidAppName(),
        new InvalidJavaPackage(),
        new InvalidName(),
        new DuplicateName(),
        new ReservedWord(),
        new UnportableFileName(),
        new NameCollision(),
        new NamingConvention(),
        new CommandNotImperative(),
        new EventNotPastTense());
  }

  /** Every reference resolves, and patterns are sound. */
  public static List<Rule> references() {
    return List.of(
        new UnknownType(),
        new MisplacedType(),
        new UnknownAggregate(),
        new UnknownEvent(),
        new AmbiguousEvent(),
        new UnknownField(),
        new NotAnEntityCollection(),
        new UnknownRole(),
        new InvalidOwnerField(),
        new DataAuthMisplaced(),
        new NotifyWithDataAuth(),
        new NotifyInNamespace(),
        new UnknownPattern(),
        new PatternCycle(),
        new InvalidRegex(),
        new NonPortableRegex(),
        new DefaultDoesNotMatchPattern());
  }
}
