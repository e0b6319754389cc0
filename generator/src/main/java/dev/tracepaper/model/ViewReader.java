package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one view: its fields, how it is fed ({@code from} or {@code on}) and its queries. */
final class ViewReader {

  private static final Set<String> VIEW_KEYS =
      Set.of(
          "key",
          "auth",
          "fields",
          "from",
          "set",
          "where",
          "on",
          "queries",
          "retentionDays",
          "description",
          "custom",
          "tests",
          "notify");
  private static final Set<String> HANDLER_KEYS = Set.of("key", "keys", "set", "delete");
  private static final Set<String> QUERY_KEYS = Set.of("index", "sort", "prefix", "auth", "api");
  private static final Set<String> SORT_KEYS = Set.of("field", "order");

  private final Nodes nodes;
  private final FieldReader fields;
  private final AuthReader auth;
  private final AssignmentReader assignments;
  private final FlowReader flows;
  private final ViewTestReader tests;

  ViewReader(Nodes nodes) {
    this.nodes = nodes;
    this.fields = new FieldReader(nodes);
    this.auth = new AuthReader(nodes);
    this.assignments = new AssignmentReader(nodes);
    this.flows = new FlowReader(nodes);
    this.tests = new ViewTestReader(nodes, flows);
  }

  Optional<View> view(MappingNode.Entry entry) {
    String what = "view `" + entry.name() + "`";
    return nodes
        .mapping(entry.value(), what)
        .map(
            m -> {
              nodes.checkKeys(m, VIEW_KEYS, what);
              return new View(
                  entry.name(),
                  m.get("key").flatMap(n -> nodes.text(n, "`key` of " + what)),
                  m.get("auth").flatMap(n -> auth.auth(n, "the `auth` of " + what)),
                  m.get("fields").map(n -> fields.fields(n, what)).orElse(List.of()),
                  m.get("from").flatMap(n -> nodes.text(n, "`from` of " + what)),
                  m.get("set")
                      .map(n -> assignments.values(n, "`set` of " + what))
                      .orElse(List.of()),
                  m.get("where").flatMap(n -> nodes.expression(n, "`where` of " + what)),
                  m.get("on").map(n -> handlers(n, what)).orElse(List.of()),
                  m.get("queries").map(n -> queries(n, what)),
                  m.get("retentionDays")
                      .flatMap(n -> nodes.wholeNumber(n, "`retentionDays` of " + what)),
                  m.get("description").flatMap(n -> nodes.prose(n, "the description of " + what)),
                  flows.flag(m, "custom", what),
                  m.get("tests").map(n -> tests.tests(n, what)).orElse(List.of()),
                  m.get("notify").flatMap(n -> nodes.bool(n, "`notify` of " + what)),
                  entry.key().location());
            });
  }

  private List<ViewHandler> handlers(YamlNode node, String view) {
    List<ViewHandler> handlers = new ArrayList<>();
    nodes
        .mapping(node, "`on` of " + view)
        .ifPresent(
            m -> {
              for (MappingNode.Entry e : m.entries()) {
                String what = "the handler of `" + e.name() + "` in " + view;
                Optional<EventRef> event =
                    flows.eventRef(new Located<>(e.name(), e.key().location()), what);
                Optional<MappingNode> body = nodes.mapping(e.value(), what);
                if (event.isEmpty() || body.isEmpty()) {
                  continue;
                }
                MappingNode h = body.get();
                nodes.checkKeys(h, HANDLER_KEYS, what);
                handlers.add(
                    new ViewHandler(
                        event.get(),
                        h.get("key").flatMap(n -> nodes.expression(n, "`key` of " + what)),
                        h.get("keys").flatMap(n -> nodes.expression(n, "`keys` of " + what)),
                        h.get("set")
                            .map(n -> assignments.values(n, "`set` of " + what))
                            .orElse(List.of()),
                        h.get("delete")
                            .filter(ViewReader::isBoolean)
                            .flatMap(n -> nodes.bool(n, "`delete` of " + what)),
                        h.get("delete")
                            .filter(n -> !isBoolean(n))
                            .flatMap(n -> nodes.expression(n, "`delete` of " + what)),
                        e.key().location()));
              }
            });
    return handlers;
  }

  private List<Query> queries(YamlNode node, String view) {
    List<Query> queries = new ArrayList<>();
    nodes
        .mapping(node, "`queries` of " + view)
        .ifPresent(
            m -> {
              for (MappingNode.Entry e : m.entries()) {
                String what = "the query `" + e.name() + "` of " + view;
                nodes.mapping(e.value(), what).ifPresent(q -> queries.add(query(e, q, what)));
              }
            });
    return queries;
  }

  private Query query(MappingNode.Entry entry, MappingNode q, String what) {
    nodes.checkKeys(q, QUERY_KEYS, what);
    Optional<Located<String>> index =
        q.get("index").flatMap(n -> nodes.text(n, "`index` of " + what));
    // Any query but `get` and `list` reads an index; one that names none is reported by validation.
    Query.Kind kind =
        switch (entry.name()) {
          case "get" -> index.isPresent() ? Query.Kind.INDEX : Query.Kind.GET;
          case "list" -> index.isPresent() ? Query.Kind.INDEX : Query.Kind.LIST;
          default -> Query.Kind.INDEX;
        };
    Sort sort = q.get("sort").map(n -> sort(n, "`sort` of " + what)).orElse(Sort.NONE);
    return new Query(
        entry.name(),
        kind,
        index,
        sort.field(),
        sort.order(),
        q.get("prefix").flatMap(n -> nodes.text(n, "`prefix` of " + what)),
        q.get("auth").flatMap(n -> auth.auth(n, "the `auth` of " + what)),
        q.get("api").flatMap(n -> nodes.text(n, "`api` of " + what)),
        entry.key().location());
  }

  /** A query's {@code sort}: the field, and the order when it says one. */
  private record Sort(Optional<Located<String>> field, Optional<Located<Query.Order>> order) {
    static final Sort NONE = new Sort(Optional.empty(), Optional.empty());
  }

  /** {@code field}, {@code field asc|desc}, or {@code {field, order}}. */
  private Sort sort(YamlNode node, String what) {
    if (node instanceof MappingNode mapping) {
      nodes.checkKeys(mapping, SORT_KEYS, what);
      return new Sort(
          nodes.required(mapping, "field", what).flatMap(n -> nodes.text(n, "`field` of " + what)),
          mapping
              .get("order")
              .flatMap(n -> nodes.text(n, "`order` of " + what))
              .flatMap(o -> order(o, o.value(), "`order` of " + what)));
    }
    Optional<Located<String>> written = nodes.text(node, what);
    if (written.isEmpty()) {
      return Sort.NONE;
    }
    String[] words = written.get().value().trim().split("\\s+");
    Optional<Located<Query.Order>> order =
        switch (words.length) {
          case 1 -> Optional.empty();
          case 2 -> order(written.get(), words[1], what);
          default -> {
            reportOrder(written.get(), what);
            yield Optional.empty();
          }
        };
    return new Sort(Optional.of(new Located<>(words[0], written.get().location())), order);
  }

  /** {@code asc} or {@code desc}, in any case; {@code at} is what the user wrote. */
  private Optional<Located<Query.Order>> order(Located<String> at, String word, String what) {
    for (Query.Order order : Query.Order.values()) {
      if (order.name().equalsIgnoreCase(word)) {
        return Optional.of(new Located<>(order, at.location()));
      }
    }
    reportOrder(at, what);
    return Optional.empty();
  }

  private void reportOrder(Located<String> at, String what) {
    String[] words = at.value().trim().split("\\s+");
    boolean alone = words.length == 1;
    String field = words[0];
    nodes.report(
        Diagnostic.error(
                Nodes.INVALID_VALUE,
                at.location(),
                (alone
                        ? "%s is `%s`; it can be `asc` or `desc`."
                        : "%s is `%s`; it is a field, then optionally `asc` or `desc`.")
                    .formatted(Nodes.capital(what), at.value()))
            .withHint(
                alone
                    ? "write `order: asc` (smallest first) or `order: desc` (latest first)"
                    : "write `sort: %s asc` (or `desc`), or `sort: {field: %s, order: asc}`"
                        .formatted(field, field)));
  }

  /** {@code delete: true}/{@code false}; anything else under {@code delete} is a condition. */
  private static boolean isBoolean(YamlNode node) {
    return node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN;
  }
}
