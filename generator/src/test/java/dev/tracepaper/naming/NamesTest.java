package dev.tracepaper.naming;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

  private final JavaNames java = new JavaNames("com.example.library");

  @Test
  void namesJavaClassesByKind() {
    assertThat(java.state("Book").qualified()).isEqualTo("com.example.library.book.BookState");
    assertThat(java.eventInterface("Book").simpleName()).isEqualTo("BookEvent");
    assertThat(java.commandHandler("Book").simpleName()).isEqualTo("BookCommandHandler");
    assertThat(java.event("Book", "BookLent").qualified())
        .isEqualTo("com.example.library.book.BookLent");
    assertThat(java.command("Book", "LendBook").simpleName()).isEqualTo("LendBook");
    assertThat(java.flow("Book", "LendBook").simpleName()).isEqualTo("LendBookFlow");
    assertThat(java.policyHandler("Book", "WithdrawWhenLost").simpleName())
        .isEqualTo("WithdrawWhenLostHandler");
    assertThat(java.entity("Book", "Loan").qualified()).isEqualTo("com.example.library.book.Loan");
    assertThat(java.type("Address").qualified()).isEqualTo("com.example.library.types.Address");
    assertThat(java.enumType("BookStatus").qualified())
        .isEqualTo("com.example.library.types.BookStatus");
    assertThat(java.viewRow("BookAvailability").qualified())
        .isEqualTo("com.example.library.views.BookAvailability");
    assertThat(java.viewProjection("MemberLoans").simpleName()).isEqualTo("MemberLoansProjection");
    assertThat(JavaNames.member("OrderId")).isEqualTo("orderId");
  }

  @Test
  void escapesPackageSegmentsThatAreKeywordsOrTaken() {
    assertThat(JavaNames.packageSegment("LibraryMember")).isEqualTo("librarymember");
    assertThat(JavaNames.packageSegment("Case")).isEqualTo("case_");
    assertThat(JavaNames.packageSegment("Package")).isEqualTo("package_");
    assertThat(JavaNames.packageSegment("Views")).isEqualTo("views_");
  }

  @Test
  void escapesDomainWordsThatJavaReserves() {
    // Java keywords and literals, and the methods every record has, get a trailing underscore,
    // which no camelCased model name ends in.
    assertThat(JavaNames.member("class")).isEqualTo("class_");
    assertThat(JavaNames.member("Abstract")).isEqualTo("abstract_");
    assertThat(JavaNames.member("default")).isEqualTo("default_");
    assertThat(JavaNames.member("hashCode")).isEqualTo("hashCode_");
    assertThat(JavaNames.member("to_string")).isEqualTo("toString_");
    assertThat(JavaNames.member("class_")).isEqualTo("class_");
    assertThat(JavaNames.member("record")).isEqualTo("record");
    assertThat(JavaNames.member("in")).isEqualTo("in");
    assertThat(JavaNames.variable("new")).isEqualTo("new_");
    assertThat(JavaNames.variable("hashCode")).isEqualTo("hashCode");
    assertThat(JavaNames.local("New")).isEqualTo("new_");
    assertThat(JavaNames.local("BookLent")).isEqualTo("bookLent");
  }

  @Test
  void namesAClassThatWouldHideAUsedClassAfterItsKind() {
    assertThat(java.type("Object").simpleName()).isEqualTo("ObjectType");
    assertThat(java.enumType("Set").simpleName()).isEqualTo("SetEnum");
    assertThat(java.viewRow("List").simpleName()).isEqualTo("ListView");
    assertThat(java.viewProjection("List").simpleName()).isEqualTo("ListProjection");
    assertThat(java.entity("Book", "Map").simpleName()).isEqualTo("MapEntity");
    assertThat(java.event("Book", "Error").simpleName()).isEqualTo("ErrorEvent");
    assertThat(java.command("Book", "Input").simpleName()).isEqualTo("InputCommand");
    assertThat(java.flow("Book", "Input").simpleName()).isEqualTo("InputFlow");
    // A suffixed name that would hide one: policy Projector's handler, aggregate Stored's events.
    assertThat(java.policyHandler("Book", "Projector").simpleName())
        .isEqualTo("ProjectorPolicyHandler");
    assertThat(java.eventInterface("Stored").simpleName()).isEqualTo("StoredAggregateEvent");
    assertThat(java.state("Record").simpleName()).isEqualTo("RecordState");
    // Every class the generated code uses, whatever element takes its name, is left unhidden.
    for (String used : List.of("Object", "String", "Record", "Instant", "CommandResult", "Json")) {
      for (JavaName name :
          List.of(
              java.type(used),
              java.enumType(used),
              java.viewRow(used),
              java.entity("Book", used),
              java.event("Book", used),
              java.command("Book", used))) {
        assertThat(Reserved.hiddenJavaClass(name.simpleName())).isEmpty();
      }
    }
  }

  @Test
  void placesSourceFiles() {
    assertThat(java.event("Book", "BookLent").sourcePath())
        .isEqualTo("src/main/java/com/example/library/book/BookLent.java");
    assertThat(java.flowTest("Book", "LendBook").testSourcePath())
        .isEqualTo("src/test/java/com/example/library/book/LendBookTest.java");
  }

  @Test
  void namesTheGraphQlSchema() {
    assertThat(GraphQlNames.mutation("LendBook")).isEqualTo("lendBook");
    assertThat(GraphQlNames.commandInput("LendBook")).isEqualTo("LendBookInput");
    assertThat(GraphQlNames.inputType("Address")).isEqualTo("AddressInput");
    assertThat(GraphQlNames.connection("BookAvailability")).isEqualTo("BookAvailabilityConnection");
    assertThat(GraphQlNames.getQuery("BookAvailability")).isEqualTo("getBookAvailability");
    assertThat(GraphQlNames.listQuery("BookAvailability")).isEqualTo("listBookAvailabilities");
    assertThat(GraphQlNames.indexQuery("MemberLoans", "byOpen")).isEqualTo("memberLoansByOpen");
    assertThat(GraphQlNames.indexQuery("Book", "byAuthor")).isEqualTo("booksByAuthor");
    assertThat(GraphQlNames.resolverFile("Query", "getBook"))
        .isEqualTo("src/main/resources/resolvers/Query.getBook.js");
  }

  @Test
  void namesTheTemplate() {
    assertThat(AwsNames.viewTable("BookAvailability")).isEqualTo("book-availability");
    assertThat(AwsNames.viewTableNameSub("book-availability"))
        .isEqualTo("${AWS::StackName}.book-availability");
    assertThat(AwsNames.viewTableId("BookAvailability")).isEqualTo("BookAvailabilityTable");
    assertThat(AwsNames.commandFunctionId("Book")).isEqualTo("BookCommandFunction");
    assertThat(AwsNames.policyFunctionId("WithdrawWhenLost"))
        .isEqualTo("WithdrawWhenLostPolicyFunction");
    assertThat(AwsNames.policyQueueId("WithdrawWhenLost")).isEqualTo("WithdrawWhenLostPolicyQueue");
    assertThat(AwsNames.policyQueueMappingId("WithdrawWhenLost"))
        .isEqualTo("WithdrawWhenLostPolicyQueueMapping");
    assertThat(AwsNames.policyQueuePolicyId("WithdrawWhenLost"))
        .isEqualTo("WithdrawWhenLostPolicyQueuePolicy");
    assertThat(AwsNames.resolverId("Mutation", "lendBook")).isEqualTo("MutationLendBookResolver");
    assertThat(AwsNames.roleGroupId("head-librarian")).isEqualTo("HeadLibrarianGroup");
    // Any Cognito group name gives an ASCII logical id, distinct for names with the same words.
    String colon = AwsNames.roleGroupId("D3308175807:personal-developer");
    assertThat(colon).matches("D3308175807PersonalDeveloperGroup[0-9a-f]{8}");
    assertThat(AwsNames.roleGroupId("D3308175807.personal-developer")).isNotEqualTo(colon);
    assertThat(AwsNames.roleGroupId("日本")).matches("Group[0-9a-f]{8}");
    assertThat(AwsNames.roleGroupId("3rd-line")).isEqualTo("Role3rdLineGroup");
    assertThat(AwsNames.eventSource("library", "Catalog", "Book"))
        .isEqualTo("library.Catalog.Book");
    assertThat(AwsNames.eventSource("library", "", "Book")).isEqualTo("library.Book");
  }

  @Test
  void explainsReservedNames() {
    assertThat(Reserved.hiddenJavaClass("Object")).hasValue("`java.lang.Object`");
    assertThat(Reserved.hiddenJavaClass("Book")).isEmpty();
    assertThat(Reserved.graphQlType("AWSDate")).isPresent();
    assertThat(Reserved.graphQlType("Query")).isPresent();
    assertThat(Reserved.graphQlType("Book")).isEmpty();
    assertThat(Reserved.logicalId("EventStoreTable")).isPresent();
    assertThat(Reserved.logicalId("CommandDataSourceRole")).isPresent();
    // A view named ViewBookkeeping would get the bookkeeping table's id.
    assertThat(Reserved.logicalId("ViewBookkeepingTable")).isPresent();
  }
}
