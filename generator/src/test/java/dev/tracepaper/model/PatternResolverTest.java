package dev.tracepaper.model;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternResolverTest {

  private static PatternDef def(String name, String regex) {
    SourceLocation at = SourceLocation.of("m.yaml", 1, 1);
    return new PatternDef(name, new Located<>(regex, at), at);
  }

  @Test
  void splicesAsNonCapturingGroupsWithoutTheSplicedAnchors() {
    PatternResolver resolver =
        new PatternResolver(
            List.of(def("Digits", "^[0-9]+$"), def("Pair", "^{{Digits}}-{{ Digits }}$")));
    assertThat(resolver.named("Pair").regex()).hasValue("^(?:[0-9]+)-(?:[0-9]+)$");
    assertThat(resolver.field("x{{Pair}}?").regex()).hasValue("x(?:(?:[0-9]+)-(?:[0-9]+))?");
  }

  @Test
  void keepsAnEscapedDollar() {
    assertThat(PatternResolver.unanchored("^a\\$")).isEqualTo("a\\$");
    assertThat(PatternResolver.unanchored("a\\\\$")).isEqualTo("a\\\\");
  }

  @Test
  void tellsPatternNamesFromRegexes() {
    PatternResolver resolver = new PatternResolver(List.of(def("isbn", "^[0-9]{13}$")));
    assertThat(resolver.namesPattern("Isbn")).isTrue(); // looks like a name, even if unknown
    assertThat(resolver.namesPattern("isbn")).isTrue(); // the name of a pattern
    assertThat(resolver.namesPattern("abc")).isFalse();
    assertThat(resolver.namesPattern("^Isbn$")).isFalse();
    assertThat(resolver.namesPattern("Is_bn")).isFalse();
  }

  @Test
  void saysWhyAnExpansionFails() {
    PatternResolver resolver =
        new PatternResolver(
            List.of(def("A", "{{B}}"), def("B", "{{A}}"), def("C", "{{A}}"), def("D", "{{X}}")));
    assertThat(resolver.named("A").failure()).isEqualTo(PatternResolver.Failure.CYCLE);
    assertThat(resolver.named("C").failure()).isEqualTo(PatternResolver.Failure.CYCLE);
    assertThat(resolver.named("D").failure()).isEqualTo(PatternResolver.Failure.UNKNOWN_NAME);
    assertThat(resolver.expand("{{Nope}}").failure())
        .isEqualTo(PatternResolver.Failure.UNKNOWN_NAME);
  }

  @Test
  void survivesDeepAndExplodingSplices() {
    List<PatternDef> chain = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      chain.add(def("P" + i, "a{{P" + (i + 1) + "}}"));
    }
    chain.add(def("P20000", "a"));
    assertThat(new PatternResolver(chain).named("P0").failure())
        .isEqualTo(PatternResolver.Failure.TOO_LONG);
    List<PatternDef> doubling = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      doubling.add(def("Q" + i, "{{Q" + (i + 1) + "}}{{Q" + (i + 1) + "}}"));
    }
    doubling.add(def("Q64", "x"));
    assertThat(new PatternResolver(doubling).named("Q0").failure())
        .isEqualTo(PatternResolver.Failure.TOO_LONG);
  }
}
