package dev.tracepaper.run;

import static com.google.common.truth.Truth.assertThat;
import static dev.tracepaper.run.LocalLibrary.DUNE;
import static dev.tracepaper.run.LocalLibrary.LIBRARIAN;
import static dev.tracepaper.run.LocalLibrary.MEMBER;
import static dev.tracepaper.run.LocalLibrary.NOBODY;
import static dev.tracepaper.run.LocalLibrary.registerDune;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The library served by {@code tracepaper run}, called over HTTP as a client would. */
class LocalRunTest {

  @TempDir Path folder;

  @Test
  void aMutationsRowIsInTheViewItsEventsProjectInto() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder)) {
      JsonNode registered = library.graphql(registerDune(2), LIBRARIAN);

      assertThat(registered.path("errors").isMissingNode()).isTrue();
      assertThat(registered.at("/data/registerBook/id").asString()).isEqualTo("9780441013593");
      assertThat(registered.at("/data/registerBook/version").asInt()).isEqualTo(1);
      assertThat(registered.at("/data/registerBook/events").toString())
          .isEqualTo("[\"BookRegistered\"]");
      JsonNode row = library.graphql(DUNE, MEMBER).at("/data/getBookAvailability");
      assertThat(row.toString())
          .isEqualTo(
              "{\"isbn\":\"9780441013593\",\"title\":\"Dune\",\"available\":2,\"status\":\"AVAILABLE\"}");
    }
  }

  @Test
  void aCommandForARoleIsRefusedToOthersAndRunForIt() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder)) {
      JsonNode refused = library.graphql(registerDune(1), NOBODY);
      assertThat(refused.at("/errors/0/errorType").asString()).isEqualTo("UNAUTHORIZED");
      assertThat(refused.at("/errors/0/message").asString())
          .isEqualTo("Only callers with the role librarian may run RegisterBook.");
      assertThat(refused.at("/errors/0/path/0").asString()).isEqualTo("registerBook");

      JsonNode run = library.graphql(registerDune(1), LIBRARIAN);
      assertThat(run.path("errors").isMissingNode()).isTrue();
      assertThat(library.get("events").size()).isEqualTo(1);
    }
  }

  @Test
  void withoutATokenAModelWithoutAnonymousCallersAnswers401() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder)) {
      HttpResponse<String> response = library.send(DUNE, null);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).contains("UnauthorizedException");
    }
  }

  @Test
  void aRuleRefusesWithItsCodeAndMessage() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder)) {
      library.graphql(registerDune(1), LIBRARIAN);
      String lend =
          "mutation { lendBook(input: {isbn: \"9780441013593\", memberId: \"m1\"}) { id events } }";
      assertThat(library.graphql(lend, LIBRARIAN).path("errors").isMissingNode()).isTrue();

      JsonNode refused = library.graphql(lend, LIBRARIAN);

      assertThat(refused.at("/errors/0/errorType").asString()).isEqualTo("NO_COPIES_LEFT");
      assertThat(refused.at("/errors/0/message").asString())
          .isEqualTo("No copies of this book are available");
      assertThat(library.graphql(DUNE, MEMBER).at("/data/getBookAvailability/available").asInt())
          .isEqualTo(0);
    }
  }

  @Test
  void aPolicyRunsBeforeTheCommandAnswersAndAnOnViewIsIndexed() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder)) {
      library.graphql(registerDune(3), LIBRARIAN);
      JsonNode joined =
          library.graphql(
              "mutation { joinLibrary(input: {name: \"Ada\", email: \"ada@example.com\","
                  + " address: {street: \"Main 1\", city: \"Delft\", postcode: \"2611AB\"}})"
                  + " { id } }",
              MEMBER);
      String member = joined.at("/data/joinLibrary/id").asString();
      assertThat(member).isNotEmpty();
      library.graphql(
          "mutation { lendBook(input: {isbn: \"9780441013593\", memberId: \""
              + member
              + "\"})"
              + " { id } }",
          LIBRARIAN);

      JsonNode reported =
          library.graphql(
              "mutation { reportLoanLost(input: {memberId: \""
                  + member
                  + "\", isbn: \"9780441013593\"}) { events } }",
              MEMBER);

      assertThat(reported.at("/data/reportLoanLost/events").toString())
          .isEqualTo("[\"LoanReportedLost\"]");
      assertThat(library.graphql(DUNE, MEMBER).at("/data/getBookAvailability/status").asString())
          .isEqualTo("WITHDRAWN");
      JsonNode loans =
          library.graphql("{ memberLoansByOpen(open: 1) { items { memberId open } } }", LIBRARIAN);
      assertThat(loans.at("/data/memberLoansByOpen/items").toString())
          .isEqualTo("[{\"memberId\":\"" + member + "\",\"open\":1}]");
    }
  }

  @Test
  void theSameCommandIdAnswersTheFirstResultAndAnotherInputIsRefused() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder)) {
      String withId =
          "mutation { registerBook(input: {isbn: \"9780441013593\", title: \"Dune\"},"
              + " commandId: \"c-1\") { id version events } }";
      JsonNode first = library.graphql(withId, LIBRARIAN);
      JsonNode again = library.graphql(withId, LIBRARIAN);

      assertThat(again.get("data")).isEqualTo(first.get("data"));
      assertThat(library.get("events").size()).isEqualTo(1);
      JsonNode other = library.graphql(withId.replace("Dune", "Emma"), LIBRARIAN);
      assertThat(other.at("/errors/0/errorType").asString()).isEqualTo("COMMAND_ID_REUSED");
    }
  }

  @Test
  void storedEventsAreThereAfterARestart() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder)) {
      library.graphql(registerDune(2), LIBRARIAN);
      library.graphql(
          "mutation { lendBook(input: {isbn: \"9780441013593\", memberId: \"m1\"}) { id } }",
          LIBRARIAN);
    }
    try (LocalLibrary again = LocalLibrary.start(folder)) {
      assertThat(again.run.events()).isEqualTo(2);
      assertThat(again.graphql(DUNE, MEMBER).at("/data/getBookAvailability/available").asInt())
          .isEqualTo(1);
      JsonNode loans = again.graphql("{ getMemberLoans(memberId: \"m1\") { open } }", LIBRARIAN);
      assertThat(loans.at("/data/getMemberLoans/open").asInt()).isEqualTo(1);
    }
  }
}
