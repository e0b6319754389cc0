package dev.tracepaper.expr;

import java.util.Optional;

/**
 * One place of one expression in the model.
 *
 * @param place the kind of place
 * @param element how messages name the model element holding it, e.g. "command `LendBook`"
 * @param description how messages name the expression, e.g. "the `require` of rule 1 of command
 *     `LendBook`"
 * @param target the field its value goes into, when it goes into one that exists
 */
public record Site(Place place, String element, String description, Optional<Target> target) {

  /** The description with a capital, to start a sentence. */
  public String subject() {
    return description.isEmpty()
        ? description
        : Character.toUpperCase(description.charAt(0)) + description.substring(1);
  }
}
