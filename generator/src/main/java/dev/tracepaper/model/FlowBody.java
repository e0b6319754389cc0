package dev.tracepaper.model;

import java.util.List;
import java.util.Optional;

/**
 * The part of a command or policy both share: its key, variables, rules, events and tests, and
 * whether hand-written code takes part in deciding its events ({@code custom: true}).
 */
public record FlowBody(
    Optional<Expression> key,
    List<Let> let,
    List<BusinessRule> rules,
    List<Emit> emits,
    List<TestCase> tests,
    Optional<String> description,
    boolean custom) {

  public FlowBody {
    let = List.copyOf(let);
    rules = List.copyOf(rules);
    emits = List.copyOf(emits);
    tests = List.copyOf(tests);
  }
}
