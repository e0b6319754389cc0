package dev.tracepaper.naming;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnglishTest {

  @ParameterizedTest
  @CsvSource({
    "BookAvailability, BookAvailabilities",
    "MemberLoans, MemberLoans",
    "Book, Books",
    "Address, Addresses",
    "Status, Statuses",
    "Box, Boxes",
    "Match, Matches",
    "Day, Days",
    "Person, People",
    "Analysis, Analyses",
    "StockData, StockData",
    "ShortURL, ShortURLs"
  })
  void pluralisesTheLastWord(String name, String plural) {
    assertThat(Plurals.of(name)).isEqualTo(plural);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Registered",
        "Lent",
        "Returned",
        "Withdrawn",
        "Joined",
        "Reported",
        "Cancelled",
        "Paid",
        "Sold",
        "Held",
        "Built",
        "Made",
        "Taken",
        "Given",
        "Written",
        "Chosen",
        "Sent",
        "Lost",
        "Set",
        "Agreed",
        "Rewritten",
        "Upheld",
        "Overpaid",
        "Used",
        "Sown",
        "Sewn",
        "Woven",
        "Bitten",
        "Wept"
      })
  void recognisesThePastTense(String word) {
    assertThat(English.isPast(word)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Register", "Lend", "Book", "Need", "Speed", "Shed", "Proceed", "Red"})
  void recognisesWhatIsNotPast(String word) {
    assertThat(English.isPast(word)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"Set, false", "Read, false", "Reset, false", "Lent, true", "Registered, true"})
  void tellsWordsThatAreOnlyPast(String word, boolean onlyPast) {
    assertThat(English.isOnlyPast(word)).isEqualTo(onlyPast);
  }

  @ParameterizedTest
  @CsvSource({
    "Registration, true",
    "Lending, true",
    "Payment, true",
    "Approval, true",
    "Implement, false",
    "Position, false",
    "Bring, false",
    "Register, false"
  })
  void recognisesNounsMadeFromVerbs(String word, boolean noun) {
    assertThat(English.isNounFromVerb(word)).isEqualTo(noun);
  }

  @ParameterizedTest
  @CsvSource({
    "Register, Registered",
    "Place, Placed",
    "Lend, Lent",
    "Pay, Paid",
    "Cancel, Cancelled",
    "Ship, Shipped",
    "Open, Opened",
    "Submit, Submitted",
    "Verify, Verified",
    "Withdraw, Withdrawn",
    "Fix, Fixed"
  })
  void formsThePastParticiple(String verb, String past) {
    assertThat(English.pastOf(verb)).isEqualTo(past);
  }
}
