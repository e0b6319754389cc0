package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parses events as AppSync sends them to a Lambda data source, for each auth mode. */
class AppSyncRequestTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T23:59:59Z"), ZoneOffset.UTC);

  /** A mutation by a Cognito user in the group "librarian", as AppSync sends it. */
  private static final String COGNITO =
      """
      {
        "arguments": {
          "input": {"bookId": "b-1", "memberId": "m-7", "days": 14},
          "commandId": "6f1c2a9e-5d1b-4d7e-9d8c-1f2e3a4b5c6d"
        },
        "identity": {
          "claims": {
            "sub": "192879fc-a240-4bf1-ab5a-d6a00f3063f9",
            "email_verified": true,
            "iss": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI",
            "cognito:username": "jdoe",
            "aud": "7471s60os7h0uu77i1tk27sp9n",
            "token_use": "id",
            "auth_time": 1599154213,
            "exp": 1599157813,
            "iat": 1599154213,
            "email": "jdoe@example.com",
            "cognito:groups": ["librarian", "member"]
          },
          "defaultAuthStrategy": "ALLOW",
          "groups": ["librarian", "member"],
          "issuer": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI",
          "sourceIp": ["203.0.113.7"],
          "sub": "192879fc-a240-4bf1-ab5a-d6a00f3063f9",
          "username": "jdoe"
        },
        "source": null,
        "request": {
          "headers": {
            "x-forwarded-for": "203.0.113.7, 198.51.100.1",
            "content-type": "application/json",
            "X-Correlation-Id": "corr-42",
            "host": "abc.appsync-api.eu-west-1.amazonaws.com"
          },
          "domainName": null
        },
        "prev": null,
        "info": {
          "selectionSetList": ["id", "version", "events"],
          "selectionSetGraphQL": "{\\n  id\\n  version\\n  events\\n}",
          "parentTypeName": "Mutation",
          "fieldName": "lendBook",
          "variables": {}
        },
        "stash": {}
      }
      """;

  @Test
  void aMutationOfANamespaceIsItsTypeAndField() {
    AppSyncRequest root = parse(COGNITO);
    AppSyncRequest nested =
        parse(
            COGNITO.replace(
                "\"parentTypeName\": \"Mutation\"",
                "\"parentTypeName\": \"ProjectPipelineMutations\""));

    assertEquals("lendBook", root.operation());
    assertEquals("ProjectPipelineMutations.lendBook", nested.operation());
    assertEquals("lendBook", nested.fieldName());
    // The same command id sent to two fields of one name in two namespaces is two commands.
    assertNotEquals(root.metadata(CLOCK).commandId(), nested.metadata(CLOCK).commandId());
  }

  @Test
  void infoNamesTheFieldAndItsType() {
    assertEquals(
        "ProjectPipelineMutations.register",
        AppSyncRequest.of(
                Json.object().set("info", AppSyncRequest.info("ProjectPipelineMutations.register")))
            .operation());
    assertEquals("Mutation", AppSyncRequest.info("lendBook").path("parentTypeName").asText());
  }

  @Test
  void readsACognitoMutation() {
    AppSyncRequest request = parse(COGNITO);

    assertEquals("lendBook", request.fieldName());
    assertEquals("b-1", request.input().path("bookId").asText());
    assertEquals(14, request.input().path("days").asInt());
    assertEquals("6f1c2a9e-5d1b-4d7e-9d8c-1f2e3a4b5c6d", request.commandId());
    assertEquals(
        new Caller("192879fc-a240-4bf1-ab5a-d6a00f3063f9", "jdoe", List.of("librarian", "member")),
        request.caller());
    assertEquals("corr-42", request.header("x-correlation-id"));
    Metadata meta = request.metadata(CLOCK);
    assertEquals("corr-42", meta.correlationId());
    assertEquals(CLOCK.instant(), meta.now());
    assertEquals(LocalDate.of(2026, 11, 25), meta.today());
    assertEquals(request.commandId(), meta.commandId().id());
    assertEquals(
        CommandId.of(
            request.commandId(),
            "192879fc-a240-4bf1-ab5a-d6a00f3063f9",
            "lendBook",
            request.input()),
        meta.commandId());
  }

  /** The same id is another command for another caller or mutation, or with another input. */
  @Test
  void aCommandIdIsScopedToTheCallerAndTheMutationAndFingerprintsTheInput() {
    JsonNode input = Json.parse("{\"bookId\": \"b-1\", \"days\": 14}");
    CommandId id = CommandId.of("c-1", "jdoe", "lendBook", input);

    assertEquals(id, CommandId.of("c-1", "jdoe", "lendBook", input.deepCopy()));
    assertNotEquals(id.key(), CommandId.of("c-1", "ada", "lendBook", input).key());
    assertNotEquals(id.key(), CommandId.of("c-1", "jdoe", "returnBook", input).key());
    assertNotEquals(id.key(), CommandId.of("c-2", "jdoe", "lendBook", input).key());
    // The parts cannot run into each other: caller "ab" of mutation "c" is not "a" of "bc".
    assertNotEquals(
        CommandId.of("x", "ab", "c", input).key(), CommandId.of("x", "a", "bc", input).key());
    assertEquals(64, id.key().length(), "a SHA-256 in hex, whatever the lengths of the parts");

    JsonNode reordered = Json.parse("{\"days\": 14, \"bookId\": \"b-1\"}");
    assertEquals(
        id.fingerprint(), CommandId.of("c-1", "jdoe", "lendBook", reordered).fingerprint());
    JsonNode other = Json.parse("{\"bookId\": \"b-1\", \"days\": 15}");
    assertNotEquals(id.fingerprint(), CommandId.of("c-1", "jdoe", "lendBook", other).fingerprint());
    JsonNode nested = Json.parse("{\"a\": {\"y\": 1, \"x\": [{\"q\": 1, \"p\": 2}]}}");
    JsonNode nestedReordered = Json.parse("{\"a\": {\"x\": [{\"p\": 2, \"q\": 1}], \"y\": 1}}");
    assertEquals(
        CommandId.of("c", "u", "m", nested).fingerprint(),
        CommandId.of("c", "u", "m", nestedReordered).fingerprint());
  }

  @Test
  void aCommandIdLongerThanTheBoundIsRefused() {
    String longest = "i".repeat(CommandId.MAX_LENGTH);
    assertEquals(longest, withCommandId(longest).commandId());
    // Characters, not UTF-16 units: an emoji is one.
    String emoji = "\uD83D\uDE00".repeat(CommandId.MAX_LENGTH);
    assertEquals(emoji, withCommandId(emoji).commandId());

    AppSyncRequest tooLong = withCommandId(longest + "i");
    CommandError e = assertThrows(CommandError.class, tooLong::commandId);
    assertEquals(CommandError.VALIDATION, e.code());
    assertEquals(List.of("commandId"), e.fields().stream().map(FieldError::field).toList());
    assertThrows(CommandError.class, () -> tooLong.metadata(CLOCK));
  }

  private static AppSyncRequest withCommandId(String commandId) {
    ObjectNode event = Json.object();
    event.putObject("arguments").put("commandId", commandId).putObject("input");
    return AppSyncRequest.of(event);
  }

  @Test
  void readsCognitoGroupsFromTheClaimsWhenAppSyncLeavesThemOut() {
    AppSyncRequest request =
        parse(
            """
            {"arguments": {"input": {}},
             "identity": {"sub": "u-1", "groups": null,
                          "claims": {"cognito:username": "ann", "cognito:groups": ["member"]}},
             "info": {"fieldName": "registerMember"}}
            """);
    assertEquals(new Caller("u-1", "ann", List.of("member")), request.caller());
  }

  @Test
  void aCognitoUserWithoutGroupsHasNoRoles() {
    AppSyncRequest request =
        parse(
            """
            {"arguments": {}, "identity": {"sub": "u-2", "username": "bob", "groups": null,
             "claims": {"sub": "u-2"}}, "info": {"fieldName": "x"}}
            """);
    assertEquals(new Caller("u-2", "bob", List.of()), request.caller());
  }

  /**
   * A Cognito user name can be taken again once its user is deleted; the sub cannot. Two users of
   * one name are two callers, and a command id one of them sent is not the other's.
   */
  @Test
  void aCallerIsIdentifiedByItsSubNotItsName() {
    String first =
        """
        {"arguments": {"commandId": "c-1", "input": {"bookId": "b-1"}},
         "identity": {"sub": "u-old", "username": "ann", "claims": {"sub": "u-old"}},
         "info": {"fieldName": "lendBook"}}
        """;
    AppSyncRequest old = parse(first);
    AppSyncRequest renewed = parse(first.replace("u-old", "u-new"));

    assertEquals(new Caller("u-old", "ann", List.of()), old.caller());
    assertEquals(new Caller("u-new", "ann", List.of()), renewed.caller());
    assertNotEquals(
        old.metadata(CLOCK).commandId().key(), renewed.metadata(CLOCK).commandId().key());
  }

  /** A user-pool identity without a sub has nothing to identify the caller by: it is refused. */
  @Test
  void aUserPoolIdentityWithoutSubIsRefused() {
    AppSyncRequest request =
        parse(
            """
            {"arguments": {}, "identity": {"username": "ann", "claims": {"cognito:username": "ann"}},
             "info": {"fieldName": "x"}}
            """);
    CommandError e = assertThrows(CommandError.class, request::caller);
    assertEquals(CommandError.UNAUTHORIZED, e.code());
  }

  @Test
  void readsAnIamCaller() {
    AppSyncRequest request =
        parse(
            """
            {
              "arguments": {"input": {"bookId": "b-2"}},
              "identity": {
                "accountId": "123456789012",
                "cognitoIdentityAuthProvider": null,
                "cognitoIdentityAuthType": null,
                "cognitoIdentityId": null,
                "cognitoIdentityPoolId": null,
                "sourceIp": ["10.0.0.1"],
                "userArn": "arn:aws:sts::123456789012:assumed-role/library-policy/session-1",
                "username": "AROAEXAMPLEID:session-1"
              },
              "source": null,
              "request": {"headers": {}},
              "info": {"fieldName": "withdrawBook", "parentTypeName": "Mutation"}
            }
            """);
    assertEquals(
        new Caller(
            "arn:aws:sts::123456789012:assumed-role/library-policy/session-1",
            "arn:aws:sts::123456789012:assumed-role/library-policy/session-1",
            List.of()),
        request.caller());
    assertNull(request.commandId());
  }

  @Test
  void anApiKeyCallerIsAnonymous() {
    AppSyncRequest request =
        parse(
            """
            {"arguments": {"input": {"title": "Dune"}, "commandId": null}, "identity": null,
             "source": null, "request": {"headers": {"x-api-key": "da2-xxxx"}},
             "info": {"fieldName": "suggestBook"}}
            """);
    assertEquals(Caller.anonymous(), request.caller());
    assertNull(request.commandId());
    Metadata meta = request.metadata(CLOCK);
    assertFalse(meta.correlationId().isBlank(), "a fresh correlation id");
  }

  @Test
  void aMissingInputIsEmpty() {
    AppSyncRequest request = parse("{\"info\": {\"fieldName\": \"x\"}}");
    assertEquals(0, request.input().size());
    assertEquals(0, request.arguments().size());
  }

  @Test
  void tellsHowAppSyncAuthenticatedTheCaller() {
    assertEquals(
        Optional.of(AppSyncRequest.AuthType.AMAZON_COGNITO_USER_POOLS), parse(COGNITO).authType());
    assertEquals(
        Optional.of(AppSyncRequest.AuthType.AWS_IAM),
        parse("{\"identity\": {\"accountId\": \"1\", \"userArn\": \"arn:aws:iam::1:user/u\"}}")
            .authType());
    assertEquals(
        Optional.of(AppSyncRequest.AuthType.API_KEY), parse("{\"identity\": null}").authType());
    assertEquals(Optional.of(AppSyncRequest.AuthType.API_KEY), parse("{}").authType());
    assertEquals(Optional.empty(), parse("{\"identity\": {\"name\": \"admin\"}}").authType());
    assertEquals(Optional.empty(), parse("{\"identity\": \"admin\"}").authType());
  }

  @Test
  void admitsOnlyTheTypesAndGroupsItIsGiven() {
    List<AppSyncRequest.AuthType> userPool =
        List.of(AppSyncRequest.AuthType.AMAZON_COGNITO_USER_POOLS);
    AppSyncRequest librarian = parse(COGNITO);
    librarian.admit("LendBook", userPool, List.of("librarian"));
    librarian.admit("LendBook", userPool, List.of());

    assertUnauthorized(
        "Only callers with the role clerk or admin may run LendBook.",
        () -> librarian.admit("LendBook", userPool, List.of("clerk", "admin")));
    assertUnauthorized(
        "LendBook does not admit callers authenticated as this one is.",
        () -> librarian.admit("LendBook", List.of(AppSyncRequest.AuthType.AWS_IAM), List.of()));
    assertUnauthorized(
        "Only signed-in callers may run LendBook.",
        () -> parse("{\"identity\": null}").admit("LendBook", userPool, List.of()));
    assertUnauthorized(
        "LendBook does not admit callers authenticated as this one is.",
        () ->
            parse("{\"identity\": {\"groups\": [\"librarian\"]}}")
                .admit("LendBook", userPool, List.of("librarian")));
  }

  /** Groups count from the identity only: the arguments are the client's to write. */
  @Test
  void rolesInTheArgumentsCountForNothing() {
    AppSyncRequest forged =
        parse(
            """
            {"arguments": {"input": {"groups": ["librarian"]}, "groups": ["librarian"],
                           "identity": {"groups": ["librarian"]}},
             "identity": {"sub": "u-3", "username": "eve", "groups": null, "claims": {}},
             "info": {"fieldName": "lendBook"}}
            """);
    assertEquals(new Caller("u-3", "eve", List.of()), forged.caller());
    assertUnauthorized(
        "Only callers with the role librarian may run LendBook.",
        () ->
            forged.admit(
                "LendBook",
                List.of(AppSyncRequest.AuthType.AMAZON_COGNITO_USER_POOLS),
                List.of("librarian")));
  }

  @Test
  void aRequestOverTheBoundIsAValidationErrorOnTheInput() {
    String padding = "x".repeat(AppSyncRequest.MAX_REQUEST_BYTES - 40);
    String fits = "{\"arguments\": {\"input\": {\"a\": \"" + padding + "\"}}}";
    assertEquals(padding, parse(fits).input().path("a").asText());

    String over = "{\"arguments\": {\"input\": {\"a\": \"" + padding + "x".repeat(41) + "\"}}}";
    CommandError error = assertThrows(CommandError.class, () -> parse(over));
    assertEquals(CommandError.VALIDATION, error.code());
    assertEquals(
        List.of(
            new FieldError(
                "input",
                "makes the request larger than " + AppSyncRequest.MAX_REQUEST_BYTES + " bytes")),
        error.fields());
  }

  private static void assertUnauthorized(String message, Runnable call) {
    CommandError error = assertThrows(CommandError.class, call::run);
    assertEquals(CommandError.UNAUTHORIZED, error.code());
    assertEquals(message, error.getMessage());
  }

  private static AppSyncRequest parse(String json) {
    return AppSyncRequest.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
