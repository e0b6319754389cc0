package dev.tracepaper.render.build;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.render.build.TextSamples.Sample;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The texts generated tests send: each passes the field's pattern and lengths, or there is none.
 */
class TextSamplesTest {

  @Test
  void aSplicedPatternWithItsAnchorsInsideHasASample() {
    // Splicing keeps a named pattern's anchors inside a group ('{{Sku}}' is read as below).
    assertThat(TextSamples.matching(Optional.of("(?:^[A-Z]{3}-[0-9]{4}$)"), 0, 100))
        .isEqualTo(new Sample.Text("AAA-0000"));
    assertThat(TextSamples.matching(Optional.of("x(?:^[a-z]+$)"), 0, 100))
        .isInstanceOf(Sample.None.class);
  }

  @Test
  void aSampleMatchesItsPatternAndLengths() {
    List<String> patterns =
        List.of(
            "^[A-Z]{3}-[0-9]{2}$",
            "^(97[89])?[0-9]{9}[0-9X]$",
            "^(\\+[1-9][0-9]{0,2} ?)?[0-9]{6,12}$",
            "[a-z]+",
            "^\\d{4}\\s?[A-Z]{2}$",
            "^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$",
            "^(?:red|green|blue)$",
            "^\\w+(\\.\\w+)*$",
            "^[\\u00C0-\\u00FF]{2}\\x41$",
            "^\"quoted\" & <b> #1 ~ @$",
            "abc",
            "^a.*?z$",
            "^[-a-z]{3,}$",
            "^[]a]{2}$",
            "(?:^[A-Z]{3}-[0-9]{4}$)",
            "^(?:^[a-z]+( [a-z]+)*)( [0-9]+)?$",
            "(?:^[a-z]+$)|(?:^[0-9]+$)");
    for (String pattern : patterns) {
      for (long[] lengths : new long[][] {{0, 10_000}, {40, 60}, {0, 30}}) {
        Sample sample = TextSamples.matching(Optional.of(pattern), lengths[0], lengths[1]);
        if (sample instanceof Sample.Text text) {
          assertWithMessage(pattern)
              .that(Pattern.compile(pattern).matcher(text.text()).find())
              .isTrue();
          assertWithMessage(pattern).that((long) text.text().length()).isAtLeast(lengths[0]);
          assertWithMessage(pattern).that((long) text.text().length()).isAtMost(lengths[1]);
        } else {
          // Only a fixed-length pattern may have no sample of 40 to 60 characters.
          assertWithMessage(pattern + " " + sample).that(lengths[0]).isEqualTo(40);
        }
      }
    }
  }

  @Test
  void samplesReadWell() {
    assertThat(TextSamples.matching(Optional.of("^[A-Z]{3}-[0-9]{2}$"), 0, 100))
        .isEqualTo(new Sample.Text("AAA-00"));
    assertThat(TextSamples.matching(Optional.empty(), 50, 400))
        .isEqualTo(new Sample.Text("a".repeat(50)));
    assertThat(TextSamples.matching(Optional.of("^[a-z]+$"), 3, 5))
        .isEqualTo(new Sample.Text("aaa"));
  }

  @Test
  void aFieldNoTextCanPassHasNone() {
    assertThat(TextSamples.matching(Optional.of("^[A-Z]{3}$"), 5, 10))
        .isEqualTo(new Sample.None("no text of 5 to 10 characters matches its pattern"));
    assertThat(TextSamples.matching(Optional.empty(), 10, 5))
        .isEqualTo(new Sample.None("its minLength is above its maxLength"));
    assertThat(TextSamples.matching(Optional.of("^(?=a)a$"), 0, 5))
        .isEqualTo(new Sample.None("no sample can be derived from its pattern"));
    assertThat(TextSamples.matching(Optional.of("^(a)\\1$"), 0, 5))
        .isEqualTo(new Sample.None("no sample can be derived from its pattern"));
  }
}
