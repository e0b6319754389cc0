package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/** What commands and policies share: a key, variables, rules, events emitted and tests. */
public interface Flow {

  String name();

  /** The aggregate the flow acts on. */
  String aggregate();

  /** Whether it starts its instance: {@code creates} in the model. */
  Creation creation();

  /**
   * Whether it may start its instance ({@code creates: true} or {@code ifMissing}): its state may
   * then be the empty state when it runs.
   */
  default boolean creates() {
    return creation() != Creation.UPDATES;
  }

  FlowBody body();

  SourceLocation location();

  default Optional<Expression> key() {
    return body().key();
  }

  /** Whether hand-written code takes part in deciding its events ({@code custom: true}). */
  default boolean custom() {
    return body().custom();
  }

  default List<Let> let() {
    return body().let();
  }

  default List<BusinessRule> rules() {
    return body().rules();
  }

  default List<Emit> emits() {
    return body().emits();
  }

  default List<TestCase> tests() {
    return body().tests();
  }

  default Optional<String> description() {
    return body().description();
  }
}
