package dev.tracepaper.validate.rules;

import dev.tracepaper.validate.Rule;
import java.util.List;

/**
 * The rules about names and references: duplicates, collisions, reserved words, conventions,
 * unknown references, patterns.
 */
public final class ReferenceRules {

  private ReferenceRules() {}

  public static List<Rule> all() {
    return List.of(
        // names
        new InvalidAppName(),
        new InvalidJavaPackage(),
        new InvalidName(),
        new DuplicateName(),
        new ReservedWord(),
        new NameCollision(),
        new NamingConvention(),
        new CommandNotImperative(),
        new EventNotPastTense(),
        // references
        new UnknownType(),
        new MisplacedType(),
        new UnknownAggregate(),
        new UnknownEvent(),
        new AmbiguousEvent(),
        new UnknownField(),
        new NotAnEntityCollection(),
        new UnknownRole(),
        new UnknownPattern(),
        new PatternCycle(),
        new InvalidRegex(),
        new NonPortableRegex(),
        new DefaultDoesNotMatchPattern());
  }
}
