package dev.tracepaper.run;

import dev.tracepaper.render.TemplateEngine;
import dev.tracepaper.render.TemplateFailure;
import dev.tracepaper.render.data.ProjectData;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The GraphQL API of one running model: the schema {@code generate} writes to schema.graphql,
 * rendered in memory from the same template, with AppSync's scalars and directives declared, and
 * wired to the running app. Answers as AppSync does: each error with its {@code errorType}.
 */
final class LocalApi {

  private final ProjectData project;
  private final String schema;
  private final GraphQLSchema executable;
  private final GraphQL graphql;

  private LocalApi(ProjectData project, String schema, GraphQLSchema executable, GraphQL graphql) {
    this.project = project;
    this.schema = schema;
    this.executable = executable;
    this.graphql = graphql;
  }

  static LocalApi of(ProjectData project, Wiring wiring, Consumer<String> console)
      throws TemplateFailure {
    String sdl =
        TemplateEngine.fromClasspath().render("schema.graphql.ftl", Map.of("project", project));
    TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
    registry.merge(new SchemaParser().parse(AppSyncScalars.prelude()));
    GraphQLSchema executable = new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    DataFetcherExceptionHandler errors =
        params -> {
          Throwable thrown = params.getException();
          String type;
          String message;
          Map<String, Object> extensions = new LinkedHashMap<>();
          if (thrown instanceof ApiError api) {
            type = api.errorType();
            message = api.getMessage();
            if (api.errorInfo() != null) {
              extensions.put("errorInfo", api.errorInfo());
            }
          } else {
            type = "INTERNAL_ERROR";
            message = "An unexpected error occurred";
            console.accept("internal error in " + params.getPath() + ": " + thrown);
          }
          GraphQLError error =
              GraphqlErrorBuilder.newError()
                  .message(message)
                  .path(params.getPath())
                  .location(params.getSourceLocation())
                  .extensions(withType(extensions, type))
                  .build();
          return CompletableFuture.completedFuture(
              DataFetcherExceptionHandlerResult.newResult(error).build());
        };
    GraphQL graphql =
        GraphQL.newGraphQL(executable).defaultDataFetcherExceptionHandler(errors).build();
    return new LocalApi(project, sdl, executable, graphql);
  }

  ProjectData project() {
    return project;
  }

  GraphQLSchema executable() {
    return executable;
  }

  /** The schema as generate writes it (without AppSync's declarations). */
  String schema() {
    return schema;
  }

  /** The answer to one request, in AppSync's shape. */
  Map<String, Object> execute(
      String query, Map<String, Object> variables, String operationName, Identity who) {
    ExecutionInput input =
        ExecutionInput.newExecutionInput()
            .query(query)
            .variables(variables == null ? Map.of() : variables)
            .operationName(operationName)
            .graphQLContext(Map.of(Wiring.IDENTITY, who))
            .build();
    ExecutionResult result = graphql.execute(input);
    Map<String, Object> answer = new LinkedHashMap<>(result.toSpecification());
    if (answer.get("errors") instanceof List<?> list) {
      List<Map<String, Object>> shaped = new ArrayList<>();
      for (Object e : list) {
        shaped.add(appSyncError(cast(e)));
      }
      answer.put("errors", shaped);
    }
    return answer;
  }

  private static Map<String, Object> withType(Map<String, Object> extensions, String type) {
    extensions.put("errorType", type);
    return extensions;
  }

  /** AppSync's error entry: {@code errorType} beside the message, no {@code extensions}. */
  private static Map<String, Object> appSyncError(Map<String, Object> error) {
    Map<String, Object> shaped = new LinkedHashMap<>();
    Map<String, Object> extensions =
        error.get("extensions") instanceof Map<?, ?> m ? cast(m) : Map.of();
    if (error.containsKey("path")) {
      shaped.put("path", error.get("path"));
    }
    shaped.put("data", null);
    Object type = extensions.get("errorType");
    if (type == null) {
      type = extensions.getOrDefault("classification", "ValidationError");
    }
    shaped.put("errorType", type);
    shaped.put("errorInfo", extensions.get("errorInfo"));
    if (error.containsKey("locations")) {
      shaped.put("locations", error.get("locations"));
    }
    shaped.put("message", error.get("message"));
    return shaped;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object map) {
    return (Map<String, Object>) map;
  }
}
