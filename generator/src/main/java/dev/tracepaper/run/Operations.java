package dev.tracepaper.run;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The playground's prefilled queries, read from the schema: one per query field (those of
 * namespaces too), its required arguments with placeholder values, and a selection of the row's
 * fields two levels deep (relations and other fields with required arguments left out).
 */
final class Operations {

  private static final int DEPTH = 2;

  private Operations() {}

  static List<Map<String, String>> queries(graphql.schema.GraphQLSchema schema) {
    List<Map<String, String>> operations = new ArrayList<>();
    collect(schema.getQueryType(), "", "", operations);
    return operations;
  }

  private static void collect(
      GraphQLObjectType type, String open, String close, List<Map<String, String>> operations) {
    for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
      GraphQLType result = GraphQLTypeUtil.unwrapAll(field.getType());
      if (field.getName().equals("ping")) {
        continue;
      }
      if (field.getArguments().isEmpty()
          && result instanceof GraphQLObjectType object
          && object.getName().endsWith("Queries")) {
        collect(object, open + field.getName() + " { ", " }" + close, operations);
        continue;
      }
      String arguments =
          field.getArguments().stream()
              .filter(a -> a.getType() instanceof GraphQLNonNull)
              .map(a -> a.getName() + ": " + placeholder(a))
              .collect(Collectors.joining(", "));
      String text =
          "query {\n  "
              + open
              + field.getName()
              + (arguments.isEmpty() ? "" : "(" + arguments + ")")
              + selection(result, 1, "  ")
              + close
              + "\n}\n";
      operations.add(Playground.operation("query", field.getName(), text));
    }
  }

  private static String selection(GraphQLType type, int depth, String indent) {
    if (!(type instanceof GraphQLObjectType object)) {
      return "";
    }
    StringBuilder out = new StringBuilder(" {\n");
    for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
      boolean required =
          field.getArguments().stream().anyMatch(a -> a.getType() instanceof GraphQLNonNull);
      boolean paged = field.getArguments().stream().anyMatch(a -> a.getName().equals("nextToken"));
      GraphQLType inner = GraphQLTypeUtil.unwrapAll(field.getType());
      boolean nested = inner instanceof GraphQLObjectType;
      boolean connection =
          object.getName().endsWith("Connection") && field.getName().equals("items");
      if (required || paged || (nested && depth >= DEPTH && !connection)) {
        continue;
      }
      out.append(indent).append("  ").append(field.getName());
      if (nested) {
        out.append(selection(inner, connection ? depth : depth + 1, indent + "  "));
      }
      out.append('\n');
    }
    return out.append(indent).append('}').toString();
  }

  private static String placeholder(GraphQLArgument argument) {
    GraphQLType type = GraphQLTypeUtil.unwrapAll(argument.getType());
    if (type instanceof GraphQLEnumType e) {
      return e.getValues().get(0).getName();
    }
    String name = GraphQLTypeUtil.simplePrint(type);
    return switch (name) {
      case "Int", "Float", "AWSTimestamp" -> "0";
      case "Boolean" -> "false";
      default -> "\"\"";
    };
  }
}
