package dev.tracepaper.render.build;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthConfig;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Located;
import dev.tracepaper.render.data.ApiData;
import dev.tracepaper.source.SourceLocation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthDirectivesTest {

  private static final SourceLocation AT = SourceLocation.NONE;

  /** The library example: default authenticated, commands for librarians and members. */
  private static final AuthDirectives LIBRARY =
      config(auth("authenticated"), "librarian", "member");

  @Test
  void aFieldThatFollowsTheCognitoDefaultNeedsNoDirective() {
    assertThat(LIBRARY.defaultAuthType()).isEqualTo(AuthDirectives.COGNITO);
    assertThat(LIBRARY.directives(Optional.empty())).isEmpty();
    assertThat(LIBRARY.directives(auth("authenticated"))).isEmpty();
  }

  @Test
  void rolesBecomeCognitoGroups() {
    assertThat(LIBRARY.directives(auth("role:librarian")))
        .isEqualTo("@aws_cognito_user_pools(cognito_groups: [\"librarian\"])");
    assertThat(LIBRARY.directives(auth("role:librarian", "role:member")))
        .isEqualTo("@aws_cognito_user_pools(cognito_groups: [\"librarian\", \"member\"])");
    assertThat(LIBRARY.roles(auth("role:librarian", "role:member")))
        .containsExactly("librarian", "member")
        .inOrder();
  }

  @Test
  void authenticatedWithARoleAdmitsEveryUser() {
    assertThat(LIBRARY.directives(auth("role:librarian", "authenticated"))).isEmpty();
    assertThat(LIBRARY.roles(auth("role:librarian", "authenticated"))).isEmpty();
  }

  @Test
  void otherModesListEveryTypeTheFieldAdmitsTheDefaultIncluded() {
    assertThat(LIBRARY.directives(auth("anonymous"))).isEqualTo("@aws_api_key");
    assertThat(LIBRARY.directives(auth("iam", "role:member")))
        .isEqualTo("@aws_cognito_user_pools(cognito_groups: [\"member\"]) @aws_iam");
    assertThat(LIBRARY.directives(auth("anonymous", "authenticated")))
        .isEqualTo("@aws_cognito_user_pools @aws_api_key");
    assertThat(LIBRARY.roles(auth("iam", "role:member"))).isEmpty();
  }

  /** What the handler checks again: the types, and the groups a user-pool caller needs. */
  @Test
  void theHandlersCheckNamesTheTypesAndTheGroupsOfUserPoolCallers() {
    assertThat(LIBRARY.types(auth("iam", "role:member")))
        .containsExactly("AMAZON_COGNITO_USER_POOLS", "AWS_IAM")
        .inOrder();
    assertThat(LIBRARY.cognitoGroups(auth("iam", "role:member"))).containsExactly("member");
    assertThat(LIBRARY.cognitoGroups(auth("role:member", "authenticated"))).isEmpty();
    assertThat(LIBRARY.types(auth("anonymous"))).containsExactly("API_KEY");
    assertThat(LIBRARY.cognitoGroups(auth("anonymous"))).isEmpty();
    assertThat(LIBRARY.types(Optional.empty())).containsExactly("AMAZON_COGNITO_USER_POOLS");
  }

  @Test
  void theLibraryApiUsesOnlyTheUserPool() {
    ApiData api = LIBRARY.api(List.of(auth("role:librarian"), auth("role:member")));
    assertThat(api.defaultAuthType()).isEqualTo(AuthDirectives.COGNITO);
    assertThat(api.additionalAuthTypes()).isEmpty();
    assertThat(api.userPool()).isTrue();
    assertThat(api.apiKey()).isFalse();
    assertThat(api.iam()).isFalse();
    assertThat(api.commandResultDirectives()).isEmpty();
    assertThat(api.roles())
        .containsExactly(
            new ApiData.RoleData("librarian", "LibrarianGroup"),
            new ApiData.RoleData("member", "MemberGroup"))
        .inOrder();
  }

  @Test
  void anotherModeOnAMutationMakesItAdditionalAndMarksTheResultType() {
    ApiData api = LIBRARY.api(List.of(Optional.empty(), auth("anonymous"), auth("iam")));
    assertThat(api.additionalAuthTypes())
        .containsExactly(AuthDirectives.API_KEY, AuthDirectives.IAM)
        .inOrder();
    assertThat(api.apiKey()).isTrue();
    assertThat(api.iam()).isTrue();
    assertThat(api.commandResultDirectives())
        .isEqualTo("@aws_cognito_user_pools @aws_api_key @aws_iam");
  }

  @Test
  void readFieldsAddTheirTypesToTheApiButNotToTheCommandResult() {
    ApiData api =
        LIBRARY.api(
            List.of(Optional.empty()),
            List.of(auth("anonymous"), auth("iam")),
            new java.util.LinkedHashMap<>(java.util.Map.of("Address", "@aws_api_key")),
            List.of());
    assertThat(api.additionalAuthTypes())
        .containsExactly(AuthDirectives.API_KEY, AuthDirectives.IAM)
        .inOrder();
    assertThat(api.commandResultDirectives()).isEmpty();
    assertThat(api.objectDirectives()).containsExactly("Address", "@aws_api_key");
  }

  @Test
  void anObjectTypeNamesEveryTypeThatReadsItWithoutGroups() {
    assertThat(LIBRARY.typeDirectives(List.of(AuthDirectives.COGNITO))).isEmpty();
    assertThat(LIBRARY.typeDirectives(List.of())).isEmpty();
    assertThat(LIBRARY.typeDirectives(List.of(AuthDirectives.IAM, AuthDirectives.COGNITO)))
        .isEqualTo("@aws_cognito_user_pools @aws_iam");
    assertThat(LIBRARY.typeDirectives(List.of(AuthDirectives.API_KEY))).isEqualTo("@aws_api_key");
    assertThat(LIBRARY.types(auth("role:member", "iam")))
        .containsExactly(AuthDirectives.COGNITO, AuthDirectives.IAM)
        .inOrder();
  }

  @Test
  void explicitDirectivesNameTheDefaultToo() {
    assertThat(LIBRARY.explicitDirectives(Optional.empty())).isEqualTo("@aws_cognito_user_pools");
    assertThat(LIBRARY.explicitDirectives(auth("iam"))).isEqualTo("@aws_iam");
  }

  @Test
  void anAnonymousAppDefaultsToTheApiKey() {
    AuthDirectives open = config(auth("anonymous"));
    assertThat(open.defaultAuthType()).isEqualTo(AuthDirectives.API_KEY);
    assertThat(open.directives(Optional.empty())).isEmpty();
    ApiData api = open.api(List.of(Optional.empty()));
    assertThat(api.userPool()).isFalse();
    assertThat(api.apiKey()).isTrue();
    assertThat(api.additionalAuthTypes()).isEmpty();
  }

  @Test
  void anIamAppDefaultsToIamAndOtherTypesAreAdditional() {
    AuthDirectives machines = config(auth("iam"), "admin");
    assertThat(machines.defaultAuthType()).isEqualTo(AuthDirectives.IAM);
    ApiData api = machines.api(List.of(Optional.empty(), auth("role:admin")));
    assertThat(api.additionalAuthTypes()).containsExactly(AuthDirectives.COGNITO);
    assertThat(api.commandResultDirectives()).isEqualTo("@aws_cognito_user_pools @aws_iam");
  }

  @Test
  void aRoleAppDefaultRestrictsFieldsWithoutAuth() {
    AuthDirectives staff = config(auth("role:staff"), "staff");
    assertThat(staff.defaultAuthType()).isEqualTo(AuthDirectives.COGNITO);
    assertThat(staff.directives(Optional.empty()))
        .isEqualTo("@aws_cognito_user_pools(cognito_groups: [\"staff\"])");
    assertThat(staff.roles(Optional.empty())).containsExactly("staff");
  }

  @Test
  void aMissingAppDefaultIsAuthenticated() {
    AuthDirectives none = AuthDirectives.of(AuthConfig.none(AT));
    assertThat(none.defaultAuthType()).isEqualTo(AuthDirectives.COGNITO);
    assertThat(none.directives(Optional.empty())).isEmpty();
  }

  @Test
  void roleNamesAreEscapedAsGraphQlStrings() {
    AuthDirectives odd = config(auth("authenticated"), "a\"b");
    assertThat(odd.directives(auth("role:a\"b")))
        .isEqualTo("@aws_cognito_user_pools(cognito_groups: [\"a\\\"b\"])");
  }

  private static AuthDirectives config(Optional<Auth> defaultAuth, String... roles) {
    return AuthDirectives.of(
        new AuthConfig(
            defaultAuth, Arrays.stream(roles).map(r -> new Located<>(r, AT)).toList(), AT));
  }

  /**
   * An owner field admits every user of the pool to the field, whatever the auth's groups: the
   * resolver decides by the row (a group's users read every row there).
   */
  @Test
  void anOwnerEntryOpensTheFieldToEveryUserForTheResolverToDecide() {
    Optional<Auth> owned =
        Optional.of(
            new Auth(
                List.of(mode("role:librarian"), mode("iam")),
                List.of(new Located<>("memberId", AT)),
                List.of(),
                AT));
    assertThat(LIBRARY.directives(owned)).isEqualTo("@aws_cognito_user_pools @aws_iam");
    assertThat(LIBRARY.cognitoGroups(owned)).isEmpty();
    Optional<Auth> ownerOnly =
        Optional.of(new Auth(List.of(), List.of(new Located<>("memberId", AT)), List.of(), AT));
    assertThat(LIBRARY.directives(ownerOnly)).isEmpty();
    assertThat(config(auth("anonymous")).directives(ownerOnly))
        .isEqualTo("@aws_cognito_user_pools");
  }

  private static Optional<Auth> auth(String... modes) {
    return Optional.of(new Auth(Arrays.stream(modes).map(AuthDirectivesTest::mode).toList(), AT));
  }

  private static AuthMode mode(String text) {
    if (text.startsWith("role:")) {
      return new AuthMode(AuthMode.Kind.ROLE, Optional.of(text.substring(5)), AT);
    }
    return new AuthMode(AuthMode.Kind.valueOf(text.toUpperCase()), Optional.empty(), AT);
  }
}
