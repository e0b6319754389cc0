package dev.tracepaper.render.build;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The fixed start of an S3 key's expression, which an automation's IAM grant names. */
class KeyPrefixTest {

  @Test
  void theLiteralStartOfAConcatenation() {
    assertThat(KeyPrefix.of("'weekly/' + week + '.txt'"))
        .isEqualTo(new KeyPrefix("weekly/", false));
    assertThat(KeyPrefix.of("'reports/' + 'weekly/' + week"))
        .isEqualTo(new KeyPrefix("reports/weekly/", false));
    assertThat(KeyPrefix.of("'a/' + ('b/' + x) + 'c'")).isEqualTo(new KeyPrefix("a/b/", false));
    assertThat(KeyPrefix.of("\"double/\" + x")).isEqualTo(new KeyPrefix("double/", false));
  }

  @Test
  void aLiteralKeyIsFixedWhole() {
    assertThat(KeyPrefix.of("'notes/latest.txt'"))
        .isEqualTo(new KeyPrefix("notes/latest.txt", true));
    assertThat(KeyPrefix.of("'notes/' + 'latest.txt'"))
        .isEqualTo(new KeyPrefix("notes/latest.txt", true));
  }

  @Test
  void aKeyThatStartsWithAValueFixesNothing() {
    assertThat(KeyPrefix.of("string(today) + '.txt'")).isEqualTo(new KeyPrefix("", false));
    assertThat(KeyPrefix.of("event.path")).isEqualTo(new KeyPrefix("", false));
    assertThat(KeyPrefix.of("x ? 'a/' : 'b/'")).isEqualTo(new KeyPrefix("", false));
    assertThat(KeyPrefix.of("'unclosed")).isEqualTo(new KeyPrefix("", false));
  }
}
