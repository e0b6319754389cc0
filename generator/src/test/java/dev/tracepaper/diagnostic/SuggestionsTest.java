package dev.tracepaper.diagnostic;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void suggestsTheClosestName() {
    assertThat(Suggestions.closest("BookLnt", List.of("BookLent", "BookReturned")))
        .hasValue("BookLent");
    assertThat(Suggestions.didYouMean("feilds", List.of("fields", "events")))
        .isEqualTo("did you mean `fields`?");
  }

  @Test
  void countsASwapOfNeighbouringLettersAsOneEdit() {
    assertThat(Suggestions.closest("Lien", List.of("Line", "Loan"))).hasValue("Line");
  }

  @Test
  void ignoresCase() {
    assertThat(Suggestions.closest("string", List.of("String", "Int"))).hasValue("String");
  }

  @Test
  void suggestsNothingWhenNothingIsClose() {
    assertThat(Suggestions.closest("Zebra", List.of("Book", "Loan"))).isEmpty();
    assertThat(Suggestions.didYouMean("Int", List.of("Url"))).isEmpty();
  }

  @Test
  void neverSuggestsTheWrongNameItself() {
    assertThat(Suggestions.closest("Book", List.of("Book"))).isEmpty();
  }
}
