package dev.tracepaper.validate;

import dev.tracepaper.model.ModelIndex;

/**
 * One validation rule. Its id is its class name, so that ids stay stable and findable: the
 * documentation has one section per id in {@code docs/validation-rules.md}.
 */
public interface Rule {

  default String id() {
    return getClass().getSimpleName();
  }

  /** Reports every problem of this kind in the model; never throws for bad input. */
  void check(ModelIndex model, Reporter report);
}
