package dev.tracepaper.run;

import dev.tracepaper.engine.ReadAccess;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.render.data.CommandData;
import dev.tracepaper.render.data.CustomQueryData;
import dev.tracepaper.render.data.NamespaceData;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.QueryData;
import dev.tracepaper.render.data.RelationData;
import dev.tracepaper.render.data.ViewData;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Connects the fields of the generated schema to the running model: each mutation to its command,
 * each view query and relation to the read side, each namespace field to an empty object (as its
 * resolver answers), and what local mode cannot run (custom queries' hand-written code, the
 * projector's publishing mutations) to an error saying so.
 */
final class Wiring {

  static final String IDENTITY = "tracepaper.identity";

  private final ProjectData project;
  private final LocalApp app;
  private final Commands commands;
  private final ReadSide reads;
  private final FieldAuth auth;

  Wiring(ProjectData project, LocalApp app, Commands commands) {
    this.project = project;
    this.app = app;
    this.commands = commands;
    this.reads = new ReadSide(app.engine());
    this.auth = new FieldAuth(project.api().defaultAuthType());
  }

  RuntimeWiring build() {
    RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
    AppSyncScalars.all().forEach(wiring::scalar);
    for (NamespaceData namespace : project.api().namespaces()) {
      wiring.type(field(namespace.parentType(), namespace.field(), checked(env -> Map.of())));
    }
    for (CommandData command : project.commands()) {
      Command model = command(command.name());
      wiring.type(
          field(
              command.parentType(),
              command.mutation(),
              env -> commands.run(model, command, env, identity(env))));
    }
    for (ViewData view : project.views()) {
      View model = app.index().view(view.name()).orElseThrow();
      for (QueryData query : view.queries()) {
        wiring.type(field(query.parentType(), query.field(), checked(query(model, view, query))));
      }
      for (RelationData relation : view.relations()) {
        View target = app.index().view(relation.target()).orElseThrow();
        wiring.type(field(view.name(), relation.field(), checked(relation(target, relation))));
      }
      if (view.subscription().enabled()) {
        wiring.type(
            field(
                "Mutation",
                view.subscription().mutation(),
                checked(
                    env -> {
                      throw new ApiError(
                          "UNAUTHORIZED",
                          "Only the projector publishes changes of " + view.name() + " rows");
                    })));
      }
    }
    for (CustomQueryData query : project.queries()) {
      wiring.type(
          field(
              query.parentType(),
              query.field(),
              checked(
                  env -> {
                    throw new ApiError(
                        "UNSUPPORTED_LOCALLY",
                        "The custom query "
                            + query.name()
                            + " runs hand-written code, which a local run does not have");
                  })));
    }
    return wiring.build();
  }

  private DataFetcher<Object> query(View model, ViewData view, QueryData query) {
    Optional<Query> named =
        model.queries().orElse(List.of()).stream()
            .filter(q -> q.name().equals(query.name()))
            .findFirst();
    return env -> {
      ReadAccess.Reader reader = reader(model, named, query.argument(), env);
      custom(model);
      return switch (query.kind()) {
        case "GET" ->
            reads
                .get(model, text(env.getArgument(query.argument())))
                .filter(row -> admits(reader, row))
                .orElse(null);
        case "LIST" ->
            reads
                .list(model, env.getArgument("limit"), env.getArgument("nextToken"))
                .only(row -> admits(reader, row))
                .graphql();
        default ->
            reads
                .index(
                    model,
                    query,
                    env.getArgument(query.argument()),
                    query.prefixArgument().isEmpty()
                        ? null
                        : env.getArgument(query.prefixArgument()),
                    env.getArgument("limit"),
                    env.getArgument("nextToken"))
                .only(row -> admits(reader, row))
                .graphql();
      };
    };
  }

  private DataFetcher<Object> relation(View target, RelationData relation) {
    return env -> {
      ReadAccess.Reader reader = reader(target, Optional.empty(), "", env);
      custom(target);
      Map<String, Object> row = env.getSource();
      String prefix =
          relation.prefixArgument().isEmpty() ? null : env.getArgument(relation.prefixArgument());
      return switch (relation.kind()) {
        case "REF" ->
            reads.ref(target, relation, row).filter(found -> admits(reader, found)).orElse(null);
        case "REFS" ->
            reads
                .refs(target, relation, row, env.getArgument("limit"), env.getArgument("nextToken"))
                .only(found -> admits(reader, found))
                .graphql();
        default ->
            reads
                .by(
                    target,
                    relation,
                    row,
                    prefix,
                    env.getArgument("limit"),
                    env.getArgument("nextToken"))
                .only(found -> admits(reader, found))
                .graphql();
      };
    };
  }

  /**
   * The resolver's check of an auth that depends on the data: refused before anything is read, as
   * {@code util.unauthorized()} refuses, or the rows the caller may read.
   */
  private ReadAccess.Reader reader(
      View view, Optional<Query> query, String argument, DataFetchingEnvironment env) {
    Identity who = identity(env);
    ReadAccess.Reader reader =
        app.engine()
            .readAccess()
            .reader(
                view,
                query,
                argument,
                who.caller(),
                who.type(),
                EventLog.JSON.valueToTree(env.getArguments()));
    if (reader.scope() == ReadAccess.Scope.REFUSED) {
      throw new ApiError(
          "UNAUTHORIZED",
          "Not Authorized to access "
              + env.getFieldDefinition().getName()
              + " on type "
              + ((GraphQLObjectType) env.getParentType()).getName());
    }
    return reader;
  }

  private static boolean admits(ReadAccess.Reader reader, Map<String, Object> row) {
    return reader.admits(EventLog.JSON.valueToTree(row));
  }

  /** A custom view's rows come from hand-written code: a local run has none to show. */
  private static void custom(View view) {
    if (view.custom()) {
      throw new ApiError(
          "UNSUPPORTED_LOCALLY",
          "View "
              + view.name()
              + " is kept by hand-written code (custom: true), which a local run does not have");
    }
  }

  /** The field's directives checked first, as AppSync checks them before the resolver. */
  private DataFetcher<Object> checked(DataFetcher<Object> fetcher) {
    return env -> {
      auth.check(env.getFieldDefinition(), (GraphQLObjectType) env.getParentType(), identity(env));
      return fetcher.get(env);
    };
  }

  private Command command(String name) {
    for (Aggregate aggregate : app.index().model().aggregates()) {
      for (Command command : aggregate.commands()) {
        if (command.name().equals(name)) {
          return command;
        }
      }
    }
    throw new IllegalStateException("no command " + name);
  }

  static Identity identity(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(IDENTITY);
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private static TypeRuntimeWiring field(String type, String field, DataFetcher<?> fetcher) {
    return TypeRuntimeWiring.newTypeWiring(type).dataFetcher(field, fetcher).build();
  }
}
