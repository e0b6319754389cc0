package dev.tracepaper.diff;

import dev.tracepaper.diagnostic.Severity;

/**
 * One kind of difference between a model and its baseline. Like a validation rule, its id is its
 * class name and it has a section in docs/diff-rules.md; unlike one, its severity is fixed, so the
 * catalogue can state it.
 */
public interface DiffRule {

  default String id() {
    return getClass().getSimpleName();
  }

  Severity severity();

  RuleClass ruleClass();

  /** Reports every difference of this kind; never throws for any pair of loaded models. */
  void check(ModelChange change, DiffReporter report);
}
