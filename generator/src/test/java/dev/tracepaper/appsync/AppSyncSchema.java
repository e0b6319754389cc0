package dev.tracepaper.appsync;

import dev.tracepaper.run.AppSyncScalars;
import graphql.GraphQLError;
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

  private AppSyncSchema() {}

  /** The executable schema of {@code sdl}, or an {@link AssertionError} saying what is wrong. */
  public static GraphQLSchema validate(String sdl) {
    TypeDefinitionRegistry registry;
    try {
      registry = new SchemaParser().parse(sdl);
    } catch (SchemaProblem problem) {
      throw failure("does not parse", problem.getErrors());
    }
    for (String scalar : AppSyncScalars.SCALARS) {
      if (registry.scalars().containsKey(scalar)) {
        throw new AssertionError("AppSync declares scalar " + scalar + "; the schema must not");
      }
    }
    registry.merge(new SchemaParser().parse(AppSyncScalars.prelude()));
    RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
    AppSyncScalars.all().forEach(wiring::scalar);
    try {
      return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    } catch (SchemaProblem problem) {
      throw failure("is not a valid AppSync schema", problem.getErrors());
    }
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
}
