package dev.tracepaper.validate.rules;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Expression;
import dev.tracepaper.source.SourceLocation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which lists of events a flow with conditional events can emit: those of {@code emits} in order,
 * each one with {@code if} present or left out, each one without it present.
 */
class ExpectedEventsDifferTest {

  /** {@code A} is always emitted, {@code A?} only when its condition holds. */
  private static List<Emit> emits(String... events) {
    return Arrays.stream(events)
        .map(
            e ->
                e.endsWith("?")
                    ? new Emit(
                        e.substring(0, e.length() - 1),
                        List.of(),
                        Optional.of(new Expression("true", null)),
                        SourceLocation.NONE)
                    : new Emit(e, List.of(), SourceLocation.NONE))
        .toList();
  }

  @Test
  void withoutConditionsOnlyTheWholeListInOrder() {
    assertThat(ExpectedEventsDiffer.possible(emits("A", "B"), List.of("A", "B"))).isTrue();
    assertThat(ExpectedEventsDiffer.possible(emits("A", "B"), List.of("B", "A"))).isFalse();
    assertThat(ExpectedEventsDiffer.possible(emits("A", "B"), List.of("A"))).isFalse();
    assertThat(ExpectedEventsDiffer.possible(emits(), List.of())).isTrue();
  }

  @Test
  void aConditionalEventMayBeLeftOutButNotMoved() {
    assertThat(ExpectedEventsDiffer.possible(emits("A", "B?"), List.of("A"))).isTrue();
    assertThat(ExpectedEventsDiffer.possible(emits("A", "B?"), List.of("A", "B"))).isTrue();
    assertThat(ExpectedEventsDiffer.possible(emits("A", "B?"), List.of("B"))).isFalse();
    assertThat(ExpectedEventsDiffer.possible(emits("A?", "B?"), List.of())).isTrue();
    assertThat(ExpectedEventsDiffer.possible(emits("A?", "B?"), List.of("B", "A"))).isFalse();
    assertThat(ExpectedEventsDiffer.possible(emits("A?"), List.of("A", "A"))).isFalse();
  }

  /** A greedy match takes the first `A` and then misses the one that is always emitted. */
  @Test
  void aConditionalEventBeforeAnAlwaysEmittedOneOfTheSameName() {
    assertThat(ExpectedEventsDiffer.possible(emits("A?", "A"), List.of("A"))).isTrue();
    assertThat(ExpectedEventsDiffer.possible(emits("A?", "A"), List.of("A", "A"))).isTrue();
    assertThat(ExpectedEventsDiffer.possible(emits("A?", "A"), List.of())).isFalse();
  }
}
