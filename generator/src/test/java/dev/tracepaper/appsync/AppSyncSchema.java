package dev.tracepaper.appsync;

import graphql.GraphQLError;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.errors.SchemaProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parses and validates a schema as AppSync does: its scalars and auth directives are declared by
 * the service (a schema must not declare them itself), and the result must be an executable schema
 * with a {@code Query} type. Failures are {@link AssertionError}s listing graphql-java's errors.
 */
public final class AppSyncSchema {

  /** The scalars AppSync adds to every schema. */
  public static final List<String> SCALARS =
      List.of(
          "AWSDate",
          "AWSTime",
          "AWSDateTime",
          "AWSTimestamp",
          "AWSEmail",
          "AWSJSON",
          "AWSURL",
          "AWSPhone",
          "AWSIPAddress");

  /** AppSync's directives, as its documentation declares them. */
  private static final String DIRECTIVES =
      """
      directive @aws_api_key on FIELD_DEFINITION | OBJECT
      directive @aws_iam on FIELD_DEFINITION | OBJECT
      directive @aws_oidc on FIELD_DEFINITION | OBJECT
      directive @aws_lambda on FIELD_DEFINITION | OBJECT
      directive @aws_cognito_user_pools(cognito_groups: [String]) on FIELD_DEFINITION | OBJECT
      directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION
      directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
      """;

  private AppSyncSchema() {}

  /** The executable schema of {@code sdl}, or an {@link AssertionError} saying what is wrong. */
  public static GraphQLSchema validate(String sdl) {
    TypeDefinitionRegistry registry;
    try {
      registry = new SchemaParser().parse(sdl);
    } catch (SchemaProblem problem) {
      throw failure("does not parse", problem.getErrors());
    }
    for (String scalar : SCALARS) {
      if (registry.scalars().containsKey(scalar)) {
        throw new AssertionError("AppSync declares scalar " + scalar + "; the schema must not");
      }
    }
    registry.merge(new SchemaParser().parse(prelude()));
    RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
    SCALARS.forEach(name -> wiring.scalar(scalar(name)));
    try {
      return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    } catch (SchemaProblem problem) {
      throw failure("is not a valid AppSync schema", problem.getErrors());
    }
  }

  private static String prelude() {
    return SCALARS.stream().map(s -> "scalar " + s + "\n").collect(Collectors.joining())
        + DIRECTIVES;
  }

  private static AssertionError failure(String what, List<GraphQLError> errors) {
    return new AssertionError(
        "schema "
            + what
            + ":\n"
            + errors.stream()
                .map(e -> "  " + e.getMessage() + " " + e.getLocations())
                .collect(Collectors.joining("\n")));
  }

  /** A scalar for validation only: no query runs, so values pass through unchanged. */
  private static GraphQLScalarType scalar(String name) {
    return GraphQLScalarType.newScalar()
        .name(name)
        .coercing(
            new Coercing<Object, Object>() {
              @Override
              @SuppressWarnings("deprecation")
              public Object serialize(Object value) {
                return value;
              }

              @Override
              @SuppressWarnings("deprecation")
              public Object parseValue(Object input) {
                return input;
              }

              @Override
              @SuppressWarnings("deprecation")
              public Object parseLiteral(Object input) {
                return input instanceof StringValue s ? s.getValue() : input;
              }
            })
        .build();
  }
}
