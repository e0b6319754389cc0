package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/** What commands and policies share: a key, variables, rules, events emitted and tests. */
public interface Flow {

  String name();

  /** The aggregate the flow acts on. */
  String aggregate();

  boolean creates();

  Optional<Expression> key();

  List<Let> let();

  List<BusinessRule> rules();

  List<Emit> emits();

  List<TestCase> tests();

  SourceLocation location();
}
