package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A model whose SAM template would hold more CloudFormation resources than one stack allows (500,
 * counted after the SAM transform). The count follows {@code templates/template.yaml.ftl}; {@code
 * StackResourcesTest} renders templates and checks that it matches, resource by resource.
 */
public final class TooManyResources implements Rule {

  static final int STACK_LIMIT = 500;

  /** A SAM function with an alias: the function, its role, a version and the alias. */
  static final int SAM_FUNCTION = 4;

  /** Event store table, event bus, the publisher (function, stream mapping, queue), API, schema. */
  static final int ALWAYS = 1 + 1 + SAM_FUNCTION + 1 + 1 + 1 + 1;

  /** With views: projector (function, stream mapping, queue) and the rebuild function. */
  static final int READ_SIDE = SAM_FUNCTION + 1 + 1 + SAM_FUNCTION;

  /** Per aggregate with commands: its function and data source (and a resolver per command). */
  static final int PER_COMMAND_AGGREGATE = SAM_FUNCTION + 1;

  /** Per policy: function, its EventInvokeConfig, rule, permission, queue and queue policy. */
  static final int PER_POLICY = SAM_FUNCTION + 1 + 1 + 1 + 1 + 1;

  /** Per view: table, data source role and data source (and a resolver per query, relation). */
  static final int PER_VIEW = 3;

  @Override
  public void check(ModelIndex model, Reporter report) {
    int count = count(model);
    if (count > STACK_LIMIT) {
      SourceLocation where = model.model().app().map(a -> a.location()).orElse(SourceLocation.NONE);
      if (where.equals(SourceLocation.NONE) && !model.model().aggregates().isEmpty()) {
        where = model.model().aggregates().get(0).location();
      }
      Count parts = parts(model);
      report.error(
          where,
          ("The model would generate %d CloudFormation resources after the SAM transform (%d for"
                  + " commands, %d for policies, %d for views and queries, %d shared), but one"
                  + " stack holds at most %d.")
              .formatted(
                  count, parts.commands, parts.policies, parts.views, parts.shared, STACK_LIMIT),
          "split the model into several apps (each its own stack), or merge policies and views");
    }
  }

  /** The resources the template of this model holds after the SAM transform. */
  static int count(ModelIndex model) {
    Count parts = parts(model);
    return parts.commands + parts.policies + parts.views + parts.shared;
  }

  /** The resources by what they serve. */
  private record Count(int commands, int policies, int views, int shared) {}

  private static Count parts(ModelIndex model) {
    int commands = 0;
    int policies = 0;
    int views = 0;
    int shared = ALWAYS;
    boolean anyCommands = false;
    List<Optional<Auth>> auths = new ArrayList<>();
    for (Aggregate aggregate : model.model().aggregates()) {
      if (!aggregate.commands().isEmpty()) {
        anyCommands = true;
        commands += PER_COMMAND_AGGREGATE + aggregate.commands().size();
        aggregate.commands().forEach(c -> auths.add(c.auth()));
      }
      policies += PER_POLICY * aggregate.policies().size();
    }
    if (anyCommands) {
      shared++; // the role AppSync assumes to invoke command functions
    }
    if (!model.model().views().isEmpty()) {
      shared += READ_SIDE;
    }
    for (View view : model.model().views()) {
      List<Query> queries = view.queries().orElse(List.of());
      views += PER_VIEW + (view.queries().isPresent() ? queries.size() : 2);
      for (Field field : view.fields()) {
        if (model.view(field.type().name()).isPresent()) {
          views++; // a relation's resolver
        }
      }
      auths.add(view.auth());
      queries.forEach(q -> auths.add(q.auth().or(view::auth)));
    }
    return new Count(commands, policies, views, shared + authResources(model, auths));
  }

  /** The API key, user pool and client, and a group per role, as far as the modes used need. */
  private static int authResources(ModelIndex model, List<Optional<Auth>> auths) {
    List<AuthMode> defaults =
        model
            .model()
            .app()
            .flatMap(a -> a.auth().defaultAuth())
            .map(Auth::modes)
            .filter(m -> !m.isEmpty())
            .orElse(List.of(new AuthMode(AuthMode.Kind.AUTHENTICATED, Optional.empty(), null)));
    Set<AuthMode.Kind> used = EnumSet.noneOf(AuthMode.Kind.class);
    defaults.forEach(m -> used.add(m.kind()));
    for (Optional<Auth> auth : auths) {
      auth.ifPresent(a -> a.modes().forEach(m -> used.add(m.kind())));
    }
    int count = used.contains(AuthMode.Kind.ANONYMOUS) ? 1 : 0;
    if (used.contains(AuthMode.Kind.AUTHENTICATED) || used.contains(AuthMode.Kind.ROLE)) {
      count += 2 + model.roles().size();
    }
    return count;
  }
}
