<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.runtimePackage};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
  void readsACognitoMutation() {
    AppSyncRequest request = parse(COGNITO);

    assertEquals("lendBook", request.fieldName());
    assertEquals("b-1", request.input().path("bookId").asText());
    assertEquals(14, request.input().path("days").asInt());
    assertEquals("6f1c2a9e-5d1b-4d7e-9d8c-1f2e3a4b5c6d", request.commandId());
    assertEquals(new Caller("jdoe", List.of("librarian", "member")), request.caller());
    assertEquals("corr-42", request.header("x-correlation-id"));
    Metadata meta = request.metadata(CLOCK);
    assertEquals("corr-42", meta.correlationId());
    assertEquals(CLOCK.instant(), meta.now());
    assertEquals(LocalDate.of(2026, 11, 25), meta.today());
    assertEquals(request.commandId(), meta.commandId());
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
    assertEquals(new Caller("ann", List.of("member")), request.caller());
  }

  @Test
  void aCognitoUserWithoutGroupsHasNoRoles() {
    AppSyncRequest request =
        parse(
            """
            {"arguments": {}, "identity": {"sub": "u-2", "username": "bob", "groups": null,
             "claims": {"sub": "u-2"}}, "info": {"fieldName": "x"}}
            """);
    assertEquals(new Caller("bob", List.of()), request.caller());
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
        new Caller("arn:aws:sts::123456789012:assumed-role/library-policy/session-1", List.of()),
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

  private static AppSyncRequest parse(String json) {
    return AppSyncRequest.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
