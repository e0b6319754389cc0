package dev.tracepaper.stack;

import dev.tracepaper.expr.KeyedSubscriptions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CloudFormation resources each element of a model gives after the SAM transform, as {@code
 * templates/template.yaml.ftl} and {@code templates/stacks/Stack.yaml.ftl} write them; {@code
 * StackResourcesTest} renders templates and checks that the counts match, stack by stack.
 */
final class ResourceCounter {

  /** A SAM function with an alias: the function, its role, a version and the alias. */
  static final int SAM_FUNCTION = 4;

  /**
   * A function as the templates write it: with its log group and alarms on errors and throttles.
   */
  static final int WATCHED_FUNCTION = SAM_FUNCTION + 1 + 2;

  /** A dead-letter queue and the alarm on its depth. */
  static final int DEAD_LETTER_QUEUE = 2;

  /** A stream mapping and the alarm on its iterator age. */
  static final int STREAM_MAPPING = 2;

  /**
   * Event store table, event bus, the publisher (function, stream mapping, queue), the republish
   * function, API, schema, the API's log (role, policy, log group), the alarm on its 5XX errors and
   * the alarm topic.
   */
  static final int ALWAYS =
      1
          + 1
          + WATCHED_FUNCTION
          + STREAM_MAPPING
          + DEAD_LETTER_QUEUE
          + WATCHED_FUNCTION
          + 1
          + 1
          + 3
          + 1
          + 1;

  /**
   * With views: projector (function, stream mapping, queue), the bookkeeping table, the rebuild
   * function and its state machine (the machine and its role).
   */
  static final int READ_SIDE =
      WATCHED_FUNCTION + STREAM_MAPPING + DEAD_LETTER_QUEUE + 1 + WATCHED_FUNCTION + 2;

  /** Per aggregate with commands: its function and data source (and a resolver per command). */
  static final int PER_COMMAND_AGGREGATE = WATCHED_FUNCTION + 1;

  /**
   * Per policy and per event of a command's {@code on}: function, rule, the queue between them and
   * its event source mapping, the dead-letter queue, and one queue policy for both queues.
   */
  static final int PER_POLICY = WATCHED_FUNCTION + 1 + 1 + 1 + DEAD_LETTER_QUEUE + 1;

  /**
   * Per view: two generations (blue and green), each a table, a data source and the pipeline
   * function reading it, and the data source role both share; and a resolver per query and per
   * relation into it (a relation's resolver runs the functions of the view it leads to).
   */
  static final int PER_VIEW = 2 * 3 + 1;

  /** Per view that notifies: its internal mutation's data source ({@code NONE}) and resolver. */
  static final int PER_NOTIFYING_VIEW = 2;

  /** Per view whose subscription is keyed: the subscription's resolver, on that data source. */
  static final int PER_KEYED_SUBSCRIPTION = 1;

  /**
   * Per stack with views: the data source, its role and the pipeline function that read which
   * generation of each view is live, which every query and relation resolver of the stack runs
   * first.
   */
  static final int PER_STACK_WITH_VIEWS = 3;

  /**
   * With custom queries: their function, the data source AppSync invokes it through and that data
   * source's role (and a resolver per query).
   */
  static final int CUSTOM_QUERIES = WATCHED_FUNCTION + 2;

  /**
   * Per automation: its function, the queue every trigger sends to, the mapping that reads it, and
   * its dead-letter queue; then its trigger ({@link #triggerOf}).
   */
  static final int PER_AUTOMATION = WATCHED_FUNCTION + 1 + 1 + DEAD_LETTER_QUEUE;

  private final ModelIndex model;
  private Map<String, Integer> relationsInto;

  ResourceCounter(ModelIndex model) {
    this.model = model;
  }

  StackPlan.Count aggregate(Aggregate aggregate) {
    int commands =
        aggregate.commands().isEmpty() ? 0 : PER_COMMAND_AGGREGATE + aggregate.commands().size();
    // Each event of a command's `on` is delivered as a policy's is, with the same resources.
    int triggers = aggregate.commands().stream().mapToInt(c -> c.triggers().size()).sum();
    return new StackPlan.Count(
        commands, PER_POLICY * (aggregate.policies().size() + triggers), 0, 0, 0);
  }

  /**
   * The number of view fields typed by each view, counted once: looking through every view's fields
   * for each view grew with the square of the model (docs/performance.md).
   */
  private Map<String, Integer> relationsInto() {
    if (relationsInto == null) {
      Map<String, Integer> counts = new HashMap<>();
      for (View other : model.model().views()) {
        for (Field field : other.fields()) {
          counts.merge(field.type().name(), 1, Integer::sum);
        }
      }
      relationsInto = counts;
    }
    return relationsInto;
  }

  StackPlan.Count view(View view) {
    int resources = PER_VIEW + view.queries().map(List::size).orElse(2);
    if (view.notifies()) {
      resources += PER_NOTIFYING_VIEW;
    }
    if (KeyedSubscriptions.keyed(model, view)) {
      resources += PER_KEYED_SUBSCRIPTION;
    }
    // A relation's resolver per field of a view typed by this one, on this view's data source.
    resources += relationsInto().getOrDefault(view.name(), 0);
    return new StackPlan.Count(0, 0, resources, 0, 0);
  }

  /** The automations' resources, all in the root. */
  int automations() {
    return model.model().automations().stream()
        .mapToInt(a -> PER_AUTOMATION + triggerOf(a.trigger()))
        .sum();
  }

  /**
   * An event's rule and the queue policy that lets it send; a schedule and the role it sends with;
   * a deployment's custom resource.
   */
  private static int triggerOf(Automation.Trigger trigger) {
    return trigger instanceof Automation.AfterDeployment ? 1 : 2;
  }

  /**
   * What the root holds for everything: store, publisher, API, the read side, the custom queries,
   * auth.
   */
  int shared() {
    int shared = ALWAYS;
    if (!model.model().views().isEmpty()) {
      shared += READ_SIDE;
    }
    List<?> queries = model.model().queries();
    if (!queries.isEmpty()) {
      shared += CUSTOM_QUERIES + queries.size();
    }
    return shared + authResources() + namespaceResources();
  }

  /**
   * The namespaces of {@code api} names: a resolver per namespace field, and the data source
   * without a backend they share.
   */
  private int namespaceResources() {
    Set<String> namespaces = new java.util.HashSet<>();
    for (Aggregate aggregate : model.model().aggregates()) {
      aggregate.commands().forEach(c -> namespaces(namespaces, "Mutation", c.api()));
    }
    for (View view : model.model().views()) {
      view.queries().orElse(List.of()).forEach(q -> namespaces(namespaces, "Query", q.api()));
    }
    model.model().queries().forEach(q -> namespaces(namespaces, "Query", q.api()));
    return namespaces.isEmpty() ? 0 : namespaces.size() + 1;
  }

  private static void namespaces(
      Set<String> namespaces, String root, Optional<dev.tracepaper.model.Located<String>> api) {
    api.ifPresent(
        a -> {
          String path = a.value();
          for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            namespaces.add(root + " " + path.substring(0, dot));
          }
        });
  }

  /** The API key, user pool and client, and a group per role, as far as the modes used need. */
  private int authResources() {
    List<Optional<Auth>> auths = new ArrayList<>();
    for (Aggregate aggregate : model.model().aggregates()) {
      aggregate.commands().forEach(c -> auths.add(c.auth()));
    }
    for (View view : model.model().views()) {
      auths.add(view.auth());
      view.queries().orElse(List.of()).stream()
          .map(Query::auth)
          .forEach(q -> auths.add(q.or(view::auth)));
    }
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
