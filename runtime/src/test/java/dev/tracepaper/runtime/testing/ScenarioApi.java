package dev.tracepaper.runtime.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tracepaper.runtime.EventStore;
import dev.tracepaper.runtime.Projection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The application as the model's {@code scenarios} see it: the mutations and their handlers, the
 * policies and the events that trigger them, the views' projections and their queries, and every
 * event and view of the model (what coverage is measured against). The generated {@code
 * ScenariosTest} describes its project with one.
 */
public final class ScenarioApi {

  /** A handler built on an event store and a clock, as the generated handlers' test constructor. */
  public interface HandlerFactory extends BiFunction<EventStore, Clock, RequestStreamHandler> {}

  /**
   * A mutation: the command handler that serves it, and how a scenario's caller is authenticated
   * ({@link dev.tracepaper.runtime.AppSyncRequest.AuthType} name).
   */
  record Command(String mutation, String authType, HandlerFactory handler) {}

  /** A policy and the event ({@code source}, {@code detail-type}) that the bus delivers to it. */
  record Policy(String name, String source, String eventType, HandlerFactory handler) {}

  /** The three kinds of query of a view. */
  public enum Kind {
    GET,
    LIST,
    INDEX
  }

  /**
   * A query ({@code View.query}) as the API answers it.
   *
   * @param argument the key field of a get, the index field of an index query; {@code null} for a
   *     list
   * @param sortField the field an index query orders by; {@code null} when none
   * @param prefixArgument the argument giving the text the sort field begins with; {@code null}
   * @param roles the roles that admit a user-pool caller; empty when any signed-in caller is
   *     admitted by its mode
   * @param owners the row fields that admit the caller whose id they hold ({@code owner:<field>})
   */
  record Query(
      String name,
      Projection view,
      Kind kind,
      String argument,
      String sortField,
      boolean ascending,
      String prefixArgument,
      List<String> roles,
      List<String> owners) {}

  final Map<String, Command> commands;
  final List<Policy> policies;
  final List<Projection> projections;
  final Map<String, Query> queries;
  final List<String> events;
  final List<String> views;

  private ScenarioApi(Builder builder) {
    this.commands = Map.copyOf(builder.commands);
    this.policies = List.copyOf(builder.policies);
    this.projections = List.copyOf(builder.projections);
    this.queries = Map.copyOf(builder.queries);
    this.events = List.copyOf(builder.events);
    this.views = List.copyOf(builder.views);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ScenarioApi}, element by element. */
  public static final class Builder {
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final List<Policy> policies = new ArrayList<>();
    private final List<Projection> projections = new ArrayList<>();
    private final Map<String, Query> queries = new LinkedHashMap<>();
    private final List<String> events = new ArrayList<>();
    private final List<String> views = new ArrayList<>();

    private Builder() {}

    /**
     * The mutation {@code mutation}, served by {@code handler}, for callers of {@code authType}.
     */
    public Builder command(String mutation, String authType, HandlerFactory handler) {
      commands.put(mutation, new Command(mutation, authType, handler));
      return this;
    }

    /** The policy {@code name}, delivered each {@code eventType} of {@code source} by the bus. */
    public Builder policy(String name, String source, String eventType, HandlerFactory handler) {
      policies.add(new Policy(name, source, eventType, handler));
      return this;
    }

    /** The projections the projector runs on every stored event. */
    public Builder projections(List<Projection> all) {
      projections.addAll(all);
      return this;
    }

    /** A get query of {@code view}, by its key field. */
    public Builder get(String name, Projection view, List<String> roles, List<String> owners) {
      return query(
          new Query(name, view, Kind.GET, view.keyField(), null, true, null, roles, owners));
    }

    /** A list query of {@code view}: every row. */
    public Builder list(String name, Projection view, List<String> roles, List<String> owners) {
      return query(new Query(name, view, Kind.LIST, null, null, true, null, roles, owners));
    }

    /** An index query of {@code view}: the rows whose {@code index} field holds the argument. */
    public Builder index(
        String name,
        Projection view,
        String index,
        String sortField,
        boolean ascending,
        String prefixArgument,
        List<String> roles,
        List<String> owners) {
      return query(
          new Query(
              name, view, Kind.INDEX, index, sortField, ascending, prefixArgument, roles, owners));
    }

    private Builder query(Query query) {
      queries.put(query.name(), query);
      return this;
    }

    /** Every event of the model ({@code Aggregate.Event}), for coverage. */
    public Builder events(String... names) {
      events.addAll(List.of(names));
      return this;
    }

    /** Every view of the model, for coverage. */
    public Builder views(String... names) {
      views.addAll(List.of(names));
      return this;
    }

    public ScenarioApi build() {
      return new ScenarioApi(this);
    }
  }
}
