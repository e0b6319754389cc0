package dev.tracepaper.source;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class SourceFileTest {

  @Test
  void quotesLinesByNumber() {
    SourceFile file = new SourceFile("m.yaml", "first\r\nsecond\n\nlast");

    assertThat(file.line(1)).isEqualTo("first");
    assertThat(file.line(2)).isEqualTo("second");
    assertThat(file.line(3)).isEmpty();
    assertThat(file.line(4)).isEqualTo("last");
  }

  @Test
  void answersEmptyForLinesItDoesNotHave() {
    SourceFile file = new SourceFile("m.yaml", "only\n");

    assertThat(file.line(0)).isEmpty();
    assertThat(file.line(3)).isEmpty();
    assertThat(new SourceFile("e.yaml", "").line(1)).isEmpty();
  }
}
