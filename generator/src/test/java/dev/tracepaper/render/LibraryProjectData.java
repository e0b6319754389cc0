package dev.tracepaper.render;

import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthConfig;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Located;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.render.build.AuthDirectives;
import dev.tracepaper.render.data.AggregateData;
import dev.tracepaper.render.data.CommandData;
import dev.tracepaper.render.data.EnumData;
import dev.tracepaper.render.data.FieldData;
import dev.tracepaper.render.data.PolicyData;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.RecordData;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The library example's data model, written by hand for the infrastructure templates' tests: only
 * what those templates read is filled in (flows, JSON readers and tests are left empty). Every
 * description is {@code text}, so a hostile text reaches every place a model text lands.
 */
final class LibraryProjectData {

  private static final String PKG = "com.example.library";
  private static final SourceLocation AT = SourceLocation.NONE;

  private LibraryProjectData() {}

  /** The library as modelled: only the app has a description. */
  static ProjectData plain() {
    return build("Lending books to members", "", auth("authenticated"), Optional.empty());
  }

  /** The library with {@code text} as every description, the app's included. */
  static ProjectData describedAs(String text) {
    return build(text, text, auth("authenticated"), Optional.empty());
  }

  /**
   * The library with another auth: the app's default mode {@code appDefault}, and every command
   * open to {@code commandModes} ({@code anonymous}, {@code iam}, {@code role:librarian}, ...).
   */
  static ProjectData openTo(String appDefault, String... commandModes) {
    return build("Lending books to members", "", auth(appDefault), auth(commandModes));
  }

  private static ProjectData build(
      String appDescription, String text, Optional<Auth> appDefault, Optional<Auth> everyCommand) {
    AuthDirectives auth =
        AuthDirectives.of(
            new AuthConfig(
                appDefault,
                List.of(new Located<>("librarian", AT), new Located<>("member", AT)),
                AT));
    List<Optional<Auth>> commandAuths = new ArrayList<>();
    Commands commands = new Commands(auth, commandAuths, text, everyCommand);

    RecordData loan =
        record(
            "Loan",
            PKG + ".book",
            text,
            field("loanId", "String", text),
            field("memberId", "String", text),
            field("due", "AWSDate", text));
    AggregateData book =
        aggregate(
            "Book",
            "Catalog",
            100,
            text,
            List.of(loan),
            List.of(
                commands.command(
                    "RegisterBook",
                    "{isbn: \"9780441013593\", title: \"Dune\", copies: 2}",
                    auth("role:librarian"),
                    input("isbn", "String!", text),
                    input("title", "String!", text),
                    input("copies", "Int", text)),
                commands.command(
                    "LendBook",
                    "{isbn: \"9780441013593\", memberId: \"m1\", days: 21}",
                    auth("role:librarian"),
                    input("isbn", "String!", text),
                    input("memberId", "String!", text),
                    input("days", "Int", text)),
                commands.command(
                    "ReturnBook",
                    "{isbn: \"9780441013593\", loanId: \"l1\"}",
                    auth("role:librarian"),
                    input("isbn", "String!", text),
                    input("loanId", "String!", text))),
            List.of(
                new PolicyData(
                    "WithdrawWhenLost",
                    "WithdrawWhenLostHandler",
                    PKG + ".book.WithdrawWhenLostHandler::handleRequest",
                    AwsNames.policyFunctionId("WithdrawWhenLost"),
                    AwsNames.policyRuleId("WithdrawWhenLost"),
                    AwsNames.policyDeadLetterQueueId("WithdrawWhenLost"),
                    AwsNames.eventSource("library", "Lending", "Membership"),
                    "LoanReportedLost",
                    PKG + ".membership.LoanReportedLost",
                    null,
                    "policy Book.WithdrawWhenLost")));
    AggregateData membership =
        aggregate(
            "Membership",
            "Lending",
            0,
            text,
            List.of(),
            List.of(
                commands.command(
                    "JoinLibrary",
                    "{name: \"Ada\", email: \"ada@example.com\", address: {street: \"Main 1\","
                        + " city: \"Delft\", postcode: \"2611AB\"}}",
                    auth("role:librarian", "role:member"),
                    input("name", "String!", text),
                    input("email", "AWSEmail!", text),
                    input("address", "AddressInput!", text)),
                commands.command(
                    "ReportLoanLost",
                    "{memberId: \"m1\", isbn: \"9780441013593\"}",
                    auth("role:member"),
                    input("memberId", "String!", text),
                    input("isbn", "String!", text)),
                commands.command(
                    "CancelMembership",
                    "{memberId: \"m1\"}",
                    auth("role:librarian"),
                    input("memberId", "String!", text))),
            List.of());
    return new ProjectData(
        "library",
        "library",
        PKG,
        PKG,
        PKG + ".runtime",
        appDescription,
        1,
        auth.api(commandAuths),
        List.of(
            new EnumData(
                "BookStatus",
                "BookStatus",
                PKG + ".types.BookStatus",
                List.of("AVAILABLE", "WITHDRAWN"),
                text,
                "enum BookStatus"),
            new EnumData(
                "MembershipStatus",
                "MembershipStatus",
                PKG + ".types.MembershipStatus",
                List.of("ACTIVE", "CANCELLED"),
                text,
                "enum MembershipStatus")),
        List.of(
            record(
                "Address",
                PKG + ".types",
                text,
                field("street", "String", text),
                field("city", "String", text),
                field("postcode", "String", text))),
        List.of(book, membership));
  }

  /** Builds commands and remembers each one's auth, for the API. */
  private record Commands(
      AuthDirectives auth, List<Optional<Auth>> auths, String text, Optional<Auth> override) {

    CommandData command(String name, String example, Optional<Auth> modelled, FieldData... inputs) {
      Optional<Auth> commandAuth = override.or(() -> modelled);
      auths.add(commandAuth);
      String mutation = GraphQlNames.mutation(name);
      return new CommandData(
          name,
          name,
          mutation,
          GraphQlNames.commandInput(name),
          AwsNames.resolverId(GraphQlNames.MUTATION, mutation),
          "src/main/resources/resolvers/Mutation.js",
          auth.directives(commandAuth),
          auth.roles(commandAuth),
          List.of(inputs),
          List.of(inputs),
          List.of(),
          List.of(),
          null,
          example,
          text,
          "command " + name);
    }
  }

  private static AggregateData aggregate(
      String name,
      String subdomain,
      long snapshotEvery,
      String text,
      List<RecordData> entities,
      List<CommandData> commands,
      List<PolicyData> policies) {
    String pkg = PKG + "." + name.toLowerCase();
    return new AggregateData(
        name,
        pkg,
        name + "State",
        name + "Event",
        name + "Aggregate",
        name + "CommandHandler",
        pkg + "." + name + "CommandHandler::handleRequest",
        AwsNames.commandFunctionId(name),
        AwsNames.commandDataSourceId(name),
        AwsNames.eventSource("library", subdomain, name),
        snapshotEvery,
        0,
        "key",
        List.of(),
        entities,
        List.of(),
        commands,
        policies,
        text,
        "aggregate " + name);
  }

  private static RecordData record(String name, String pkg, String text, FieldData... fields) {
    return new RecordData(
        name,
        GraphQlNames.inputType(name),
        name,
        pkg,
        List.of(fields),
        text,
        "type " + name,
        List.of());
  }

  private static FieldData field(String name, String graphqlType, String text) {
    return new FieldData(name, name, "String", graphqlType, graphqlType, false, text, "", "");
  }

  private static FieldData input(String name, String graphqlType, String text) {
    return new FieldData(
        name, name, "String", graphqlType, graphqlType, graphqlType.endsWith("!"), text, "", "");
  }

  private static Optional<Auth> auth(String... modes) {
    List<AuthMode> list = new ArrayList<>();
    for (String mode : modes) {
      list.add(
          mode.startsWith("role:")
              ? new AuthMode(AuthMode.Kind.ROLE, Optional.of(mode.substring(5)), AT)
              : new AuthMode(AuthMode.Kind.valueOf(mode.toUpperCase()), Optional.empty(), AT));
    }
    return Optional.of(new Auth(list, AT));
  }
}
