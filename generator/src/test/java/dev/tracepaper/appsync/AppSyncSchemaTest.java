package dev.tracepaper.appsync;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

class AppSyncSchemaTest {

  private static final String GOOD =
      """
      "A book"
      type Book @aws_cognito_user_pools @aws_api_key {
        isbn: String!
        due: AWSDate
        email: AWSEmail
        meta: AWSJSON
      }

      type Query {
        getBook(isbn: String!): Book @aws_api_key @aws_cognito_user_pools(cognito_groups: ["a"])
      }

      type Mutation {
        lendBook(isbn: String!): Book @aws_iam
      }

      type Subscription {
        onLend: Book @aws_subscribe(mutations: ["lendBook"])
      }
      """;

  @Test
  void acceptsAppSyncScalarsAndDirectives() {
    GraphQLSchema schema = AppSyncSchema.validate(GOOD);
    assertThat(schema.getMutationType().getFieldDefinition("lendBook")).isNotNull();
  }

  @Test
  void rejectsAnUnknownType() {
    AssertionError error =
        assertThrows(
            AssertionError.class, () -> AppSyncSchema.validate("type Query { book: Novel }"));
    assertThat(error).hasMessageThat().contains("Novel");
  }

  @Test
  void rejectsAnUnknownDirectiveArgument() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () ->
                AppSyncSchema.validate(
                    "type Query { a: String @aws_cognito_user_pools(groups: [\"x\"]) }"));
    assertThat(error).hasMessageThat().contains("groups");
  }

  @Test
  void rejectsADirectiveArgumentOfTheWrongType() {
    assertThrows(
        AssertionError.class,
        () ->
            AppSyncSchema.validate(
                "type Query { a: String @aws_cognito_user_pools(cognito_groups: [{x: 1}]) }"));
  }

  @Test
  void rejectsAnUnknownDirective() {
    assertThrows(
        AssertionError.class,
        () -> AppSyncSchema.validate("type Query { a: String @aws_cognito }"));
  }

  @Test
  void rejectsASchemaWithoutQuery() {
    assertThrows(AssertionError.class, () -> AppSyncSchema.validate("type Mutation { a: String }"));
  }

  @Test
  void rejectsADeclaredAppSyncScalar() {
    assertThrows(
        AssertionError.class,
        () -> AppSyncSchema.validate("scalar AWSDate\ntype Query { a: AWSDate }"));
  }

  @Test
  void rejectsASyntaxError() {
    AssertionError error =
        assertThrows(AssertionError.class, () -> AppSyncSchema.validate("type Query { a: }"));
    assertThat(error).hasMessageThat().contains("does not parse");
  }
}
