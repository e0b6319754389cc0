package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/** Behaviour of an aggregate triggered by an event instead of the API. */
public record Policy(
    String name,
    String aggregate,
    EventRef on,
    boolean creates,
    Optional<Expression> key,
    List<Let> let,
    List<BusinessRule> rules,
    List<Emit> emits,
    List<TestCase> tests,
    Optional<String> description,
    SourceLocation location)
    implements Flow {

  public Policy {
    let = List.copyOf(let);
    rules = List.copyOf(rules);
    emits = List.copyOf(emits);
    tests = List.copyOf(tests);
  }
}
