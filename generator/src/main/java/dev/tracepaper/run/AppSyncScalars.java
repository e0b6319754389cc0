package dev.tracepaper.run;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;

/**
 * What AppSync adds to every schema and the generated one therefore does not declare: its scalars
 * and its auth directives. The scalars pass their values through as text, but for {@code AWSJSON},
 * which a resolver receives parsed (from JSON text, or an object or list written in the query) and
 * whose value is answered as JSON text. The schema tests validate generated schemas with the same
 * declarations.
 */
public final class AppSyncScalars {

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

  private AppSyncScalars() {}

  /** The declarations to add to a generated schema before graphql-java can build it. */
  public static String prelude() {
    return SCALARS.stream().map(s -> "scalar " + s + "\n").collect(Collectors.joining())
        + DIRECTIVES;
  }

  public static List<GraphQLScalarType> all() {
    return SCALARS.stream().map(AppSyncScalars::scalar).toList();
  }

  /** A GraphQL literal as the value a resolver receives for it. */
  private static Object literal(Value<?> value) {
    if (value instanceof ObjectValue object) {
      Map<String, Object> map = new LinkedHashMap<>();
      object.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue())));
      return map;
    }
    if (value instanceof ArrayValue array) {
      List<Object> list = new ArrayList<>();
      array.getValues().forEach(v -> list.add(literal(v)));
      return list;
    }
    if (value instanceof StringValue s) {
      return s.getValue();
    }
    if (value instanceof IntValue i) {
      return i.getValue().longValue();
    }
    if (value instanceof FloatValue f) {
      return f.getValue().doubleValue();
    }
    if (value instanceof BooleanValue b) {
      return b.isValue();
    }
    if (value instanceof EnumValue e) {
      return e.getName();
    }
    if (value instanceof NullValue) {
      return null;
    }
    throw new CoercingParseLiteralException("AWSJSON cannot hold " + value);
  }

  private static GraphQLScalarType scalar(String name) {
    boolean json = name.equals("AWSJSON");
    return GraphQLScalarType.newScalar()
        .name(name)
        .coercing(
            new Coercing<Object, Object>() {
              @Override
              @SuppressWarnings("deprecation")
              public Object serialize(Object value) {
                return json && !(value instanceof String)
                    ? EventLog.JSON.writeValueAsString(value)
                    : value;
              }

              @Override
              @SuppressWarnings("deprecation")
              public Object parseValue(Object input) {
                if (json && input instanceof String text) {
                  try {
                    return EventLog.JSON.readValue(text, Object.class);
                  } catch (JacksonException e) {
                    throw new CoercingParseValueException("AWSJSON: not JSON text: " + text);
                  }
                }
                return input;
              }

              @Override
              @SuppressWarnings("deprecation")
              public Object parseLiteral(Object input) {
                if (input instanceof IntValue i) {
                  return i.getValue().longValue();
                }
                if (json && !(input instanceof StringValue)) {
                  // An object or list written in the query, as the generated README writes one.
                  return literal((Value<?>) input);
                }
                if (!(input instanceof StringValue s)) {
                  throw new CoercingParseLiteralException(name + " is written as a string");
                }
                return parseValue(s.getValue());
              }
            })
        .build();
  }
}
