package dev.tracepaper.run;

import dev.tracepaper.engine.AuthType;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.List;

/**
 * AppSync's check of a field's auth directives, before any resolver runs: the field's own {@code
 * @aws_*} directives, else its type's, else the API's default type; a Cognito directive with
 * groups admits only users in one of them. Commands are checked again by the engine, as their
 * handlers check again.
 */
final class FieldAuth {

  private final AuthType defaultType;

  FieldAuth(String defaultType) {
    this.defaultType = AuthType.valueOf(defaultType);
  }

  /** Refuses {@code who} with {@code UNAUTHORIZED} when the field does not admit it. */
  void check(GraphQLFieldDefinition field, GraphQLObjectType parent, Identity who) {
    List<GraphQLAppliedDirective> directives = aws(field.getAppliedDirectives());
    if (directives.isEmpty() && parent != null) {
      directives = aws(parent.getAppliedDirectives());
    }
    boolean admitted;
    if (directives.isEmpty()) {
      admitted = who.type() == defaultType;
    } else {
      admitted = directives.stream().anyMatch(d -> admits(d, who));
    }
    if (!admitted) {
      throw new ApiError(
          "UNAUTHORIZED",
          "Not Authorized to access " + field.getName() + " on type " + parent.getName());
    }
  }

  private static List<GraphQLAppliedDirective> aws(List<GraphQLAppliedDirective> directives) {
    return directives.stream().filter(d -> d.getName().startsWith("aws_")).toList();
  }

  private static boolean admits(GraphQLAppliedDirective directive, Identity who) {
    return switch (directive.getName()) {
      case "aws_api_key" -> who.type() == AuthType.API_KEY;
      case "aws_iam" -> who.type() == AuthType.AWS_IAM;
      case "aws_cognito_user_pools", "aws_auth" ->
          who.type() == AuthType.AMAZON_COGNITO_USER_POOLS && inGroup(directive, who);
      default -> false;
    };
  }

  private static boolean inGroup(GraphQLAppliedDirective directive, Identity who) {
    GraphQLAppliedDirectiveArgument groups = directive.getArgument("cognito_groups");
    Object value = groups == null ? null : groups.getValue();
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      return true;
    }
    return list.stream().anyMatch(g -> who.caller().roles().contains(String.valueOf(g)));
  }
}
