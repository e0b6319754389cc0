package dev.tracepaper.docs;

import dev.tracepaper.automation.SideEffects;
import dev.tracepaper.docs.Pages.AggregatePage;
import dev.tracepaper.docs.Pages.Link;
import dev.tracepaper.docs.Pages.QueryEntry;
import dev.tracepaper.docs.Pages.QueryRow;
import dev.tracepaper.docs.Pages.Site;
import dev.tracepaper.docs.Pages.Subdomain;
import dev.tracepaper.docs.Pages.Term;
import dev.tracepaper.docs.Pages.ViewEntry;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.App;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.CustomQuery;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The site's data from a valid model: the overview by subdomain, a page per aggregate, the views
 * and queries, the glossary and the scenarios. Where a name is defined twice (which validation
 * refuses) the first definition is the one shown, as everywhere else.
 */
public final class SiteBuilder {

  private final ModelIndex index;
  private final FieldRows fields;
  private final String defaultAuth;

  private SiteBuilder(ModelIndex index) {
    this.index = index;
    this.fields = new FieldRows(index, "");
    this.defaultAuth =
        FieldRows.auth(
            index.model().app().flatMap(a -> a.auth().defaultAuth()), "any signed-in user");
  }

  public static Site build(ModelIndex index) {
    return new SiteBuilder(index).site();
  }

  private Site site() {
    Optional<App> app = index.model().app();
    AggregatePages pages = new AggregatePages(index);
    List<AggregatePage> aggregates = new ArrayList<>();
    for (String name : index.aggregateNames()) {
      aggregates.add(pages.page(index.aggregate(name).orElseThrow()));
    }
    Map<String, List<AggregatePage>> bySubdomain = new LinkedHashMap<>();
    for (AggregatePage page : aggregates) {
      bySubdomain.computeIfAbsent(page.subdomain(), s -> new ArrayList<>()).add(page);
    }
    List<Subdomain> subdomains = new ArrayList<>();
    bySubdomain.forEach((name, list) -> subdomains.add(new Subdomain(name, list)));
    // Aggregates without a subdomain come last, under their own heading.
    subdomains.sort(Comparator.comparing(s -> s.name().isEmpty()));
    Diagram map = ContextMap.of(index);
    return new Site(
        app.map(a -> a.name().value()).orElse("model"),
        app.flatMap(App::description).orElse(""),
        SvgDiagram.render(map, "map"),
        MermaidDiagram.render(map),
        Pages.Chip.legend(map),
        subdomains,
        aggregates,
        index.viewNames().stream().map(n -> view(index.view(n).orElseThrow())).toList(),
        queries(),
        glossary(),
        index.model().scenarios().stream().map(Scenes::of).toList(),
        index.model().automations().stream().map(SiteBuilder::automation).toList());
  }

  private static Pages.AutomationEntry automation(Automation automation) {
    String trigger;
    if (automation.trigger() instanceof Automation.OnEvent on) {
      trigger = "when " + on.event() + " is recorded";
    } else if (automation.trigger() instanceof Automation.OnSchedule schedule) {
      trigger =
          "on the schedule "
              + schedule.expression().value()
              + schedule.timezone().map(z -> " (" + z.value() + ")").orElse(" (UTC)");
    } else {
      trigger = "after each deployment";
    }
    return new Pages.AutomationEntry(
        automation.name(),
        automation.description().orElse(""),
        trigger,
        SideEffects.of(automation).effects().stream().map(Object::toString).toList());
  }

  private ViewEntry view(View view) {
    List<Link> sources = new ArrayList<>();
    view.from()
        .ifPresent(
            f ->
                sources.add(
                    new Link(
                        "the state of " + f.value(), "aggregates/" + f.value() + ".html#state")));
    for (ViewHandler handler : view.handlers()) {
      Optional<Event> event = index.event(handler.event());
      String text =
          handler.event()
              + (handler.deletes() ? " (removes the row)" : "")
              + handler.deleteIf().map(c -> " (removes the row if " + c.text() + ")").orElse("");
      sources.add(
          new Link(
              text,
              event
                  .map(e -> "aggregates/" + e.aggregate() + ".html#event-" + e.name())
                  .orElse("")));
    }
    List<QueryRow> queries = new ArrayList<>();
    for (Query query : view.queries().orElse(List.of())) {
      queries.add(new QueryRow(query.name(), reads(query)));
    }
    if (view.queries().isEmpty()) {
      queries.add(new QueryRow("get", "one row by its key"));
      queries.add(new QueryRow("list", "all rows, a page at a time"));
    }
    return new ViewEntry(
        view.name(),
        view.description().orElse(""),
        index.viewKey(view).orElse(""),
        sources,
        FieldRows.auth(view.auth(), defaultAuth),
        fields.rows(view.fields(), Optional.empty(), false),
        queries,
        Scenes.of(view.tests()));
  }

  private static String reads(Query query) {
    return switch (query.kind()) {
      case GET -> "one row by its key";
      case LIST -> "all rows, a page at a time";
      case INDEX ->
          "the rows with a given "
              + query.index().map(Located::value).orElse("")
              + query.prefix().map(p -> ", whose " + p.value() + " begins with a text").orElse("")
              + query
                  .sortField()
                  .map(
                      s -> ", by " + s.value() + (query.ascending() ? " ascending" : " descending"))
                  .orElse("");
    };
  }

  private List<QueryEntry> queries() {
    List<QueryEntry> queries = new ArrayList<>();
    for (CustomQuery query : index.model().queries()) {
      queries.add(
          new QueryEntry(
              query.name(),
              query.description().orElse(""),
              query.returns().map(Located::value).orElse(""),
              fields.rows(query.args(), Optional.empty(), true),
              FieldRows.auth(query.auth(), defaultAuth)));
    }
    return queries;
  }

  /**
   * Every described name, and every enum and type (the fields' types link to them) with their
   * values or fields where they have no description.
   */
  private List<Term> glossary() {
    List<Term> terms = new ArrayList<>();
    for (EnumDef e : index.model().enums()) {
      terms.add(
          new Term(
              e.name(),
              "enum",
              e.description()
                  .orElse(
                      "One of "
                          + e.values().stream()
                              .map(Located::value)
                              .collect(Collectors.joining(", "))),
              ""));
    }
    for (TypeDef t : index.model().types()) {
      terms.add(
          new Term(
              t.name(),
              "type",
              t.description()
                  .orElse(
                      "A value of "
                          + t.fields().stream().map(Field::name).collect(Collectors.joining(", "))),
              ""));
    }
    for (Aggregate a : index.model().aggregates()) {
      String page = "aggregates/" + a.name() + ".html";
      a.description().ifPresent(d -> terms.add(new Term(a.name(), "aggregate", d, page)));
      described(terms, a.fields(), "state of " + a.name(), page + "#state");
      for (Event e : a.events()) {
        e.description()
            .ifPresent(d -> terms.add(new Term(e.name(), "event", d, page + "#event-" + e.name())));
        described(terms, e.fields(), "event " + e.name(), page + "#event-" + e.name());
      }
      for (Flow f : a.flows()) {
        String kind = f instanceof dev.tracepaper.model.Command ? "command" : "policy";
        String anchor = page + "#" + kind + "-" + f.name();
        f.description().ifPresent(d -> terms.add(new Term(f.name(), kind, d, anchor)));
        if (f instanceof dev.tracepaper.model.Command c) {
          described(terms, c.fields(), "command " + c.name(), anchor);
        }
      }
    }
    for (View v : index.model().views()) {
      String anchor = "views.html#view-" + v.name();
      v.description().ifPresent(d -> terms.add(new Term(v.name(), "view", d, anchor)));
      described(terms, v.fields(), "view " + v.name(), anchor);
    }
    for (CustomQuery q : index.model().queries()) {
      q.description()
          .ifPresent(
              d -> terms.add(new Term(q.name(), "query", d, "views.html#query-" + q.name())));
    }
    terms.sort(
        Comparator.comparing((Term t) -> t.term().toLowerCase(Locale.ROOT))
            .thenComparing(Term::term)
            .thenComparing(Term::kind));
    return terms;
  }

  private static void described(List<Term> terms, List<Field> fields, String of, String href) {
    for (Field field : fields) {
      field
          .constraints()
          .description()
          .ifPresent(d -> terms.add(new Term(field.name(), "field of the " + of, d, href)));
    }
  }
}
