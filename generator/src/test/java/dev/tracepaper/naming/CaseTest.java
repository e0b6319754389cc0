package dev.tracepaper.naming;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseTest {

  @ParameterizedTest
  @CsvSource({
    "BookAvailability, Book|Availability",
    "bookAvailability, book|Availability",
    "book_availability, book|availability",
    "book-availability, book|availability",
    "BOOK_AVAILABILITY, BOOK|AVAILABILITY",
    "URLShortened, URL|Shortened",
    "address2, address2",
    "line2Text, line2|Text",
    "'Book Copy', Book|Copy",
    "A, A"
  })
  void splitsWords(String name, String words) {
    assertThat(String.join("|", Words.split(name))).isEqualTo(words);
  }

  @ParameterizedTest
  @CsvSource({
    "BookStatus, BookStatus, bookStatus, book-status, BOOK_STATUS",
    "book_status, BookStatus, bookStatus, book-status, BOOK_STATUS",
    "bookStatus, BookStatus, bookStatus, book-status, BOOK_STATUS",
    "NO_COPIES_LEFT, NoCopiesLeft, noCopiesLeft, no-copies-left, NO_COPIES_LEFT",
    "LendBook, LendBook, lendBook, lend-book, LEND_BOOK",
    "URLShortened, URLShortened, urlShortened, url-shortened, URL_SHORTENED",
    "ISBN, Isbn, isbn, isbn, ISBN",
    "orderId, OrderId, orderId, order-id, ORDER_ID",
    "OrderId, OrderId, orderId, order-id, ORDER_ID"
  })
  void converts(String name, String pascal, String camel, String kebab, String screaming) {
    assertThat(Case.pascal(name)).isEqualTo(pascal);
    assertThat(Case.camel(name)).isEqualTo(camel);
    assertThat(Case.kebab(name)).isEqualTo(kebab);
    assertThat(Case.screamingSnake(name)).isEqualTo(screaming);
  }

  @ParameterizedTest
  @CsvSource({"BookAvailability", "lendBook", "NO_COPIES_LEFT", "librarian", "isbn"})
  void conversionsAreIdempotent(String name) {
    assertThat(Case.pascal(Case.pascal(name))).isEqualTo(Case.pascal(name));
    assertThat(Case.camel(Case.camel(name))).isEqualTo(Case.camel(name));
    assertThat(Case.kebab(Case.kebab(name))).isEqualTo(Case.kebab(name));
    assertThat(Case.screamingSnake(Case.screamingSnake(name))).isEqualTo(Case.screamingSnake(name));
  }

  @ParameterizedTest
  @CsvSource({
    "BookStatus, true, false",
    "HTTPServer, true, false",
    "bookStatus, false, true",
    "BOOK, false, false",
    "book_status, false, false",
    "isbn, false, true",
    "ISBN, false, false"
  })
  void recognisesConventions(String name, boolean pascal, boolean camel) {
    assertThat(Case.isPascal(name)).isEqualTo(pascal);
    assertThat(Case.isCamel(name)).isEqualTo(camel);
  }

  @ParameterizedTest
  @CsvSource({
    "library, true",
    "book-club, true",
    "book-club2, true",
    "Library, false",
    "book--club, false",
    "book-, false",
    "2books, false",
    "book_club, false"
  })
  void recognisesLowerKebab(String name, boolean kebab) {
    assertThat(Case.isLowerKebab(name)).isEqualTo(kebab);
  }
}
