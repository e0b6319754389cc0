package dev.tracepaper.docs;

import dev.tracepaper.docs.Scenes.Scene;
import java.util.List;

/**
 * What the site's templates show, as plain texts: every model string is still raw here and escaped
 * by the HTML templates (auto-escaping), diagrams are finished SVG and Mermaid.
 */
public final class Pages {

  private Pages() {}

  /** The whole site: the overview's content and every page's data. */
  public record Site(
      String name,
      String description,
      String mapSvg,
      String mapMermaid,
      List<Chip> mapLegend,
      List<Subdomain> subdomains,
      List<AggregatePage> aggregates,
      List<ViewEntry> views,
      List<QueryEntry> queries,
      List<Term> glossary,
      List<Scene> scenarios,
      List<AutomationEntry> automations) {}

  /**
   * An automation as a reviewer reads it: what starts it, and what it reaches outside the
   * application (derived from its activities).
   */
  public record AutomationEntry(
      String name, String description, String trigger, List<String> sideEffects) {}

  /** A subdomain of the overview with its aggregates ({@code name} empty: none given). */
  public record Subdomain(String name, List<AggregatePage> aggregates) {}

  /** One aggregate's page. */
  public record AggregatePage(
      String name,
      String file,
      String subdomain,
      String description,
      String key,
      List<FieldRow> fields,
      List<EntityEntry> entities,
      String flowSvg,
      String flowMermaid,
      List<Chip> flowLegend,
      List<LifecycleEntry> lifecycles,
      List<EventEntry> events,
      List<FlowEntry> commands,
      List<FlowEntry> policies,
      List<Link> views) {}

  /** A field of state, an event, a command, a view or a type. */
  public record FieldRow(
      String name,
      String type,
      String typeHref,
      boolean required,
      String rules,
      String description) {}

  /** An entity of an aggregate: the items of its collections. */
  public record EntityEntry(String name, String description, List<FieldRow> fields) {}

  /** A lifecycle diagram with its moves. */
  public record LifecycleEntry(
      String field, String enumName, String svg, String mermaid, List<Lifecycles.Move> moves) {}

  /** An event: its fields, what it changes, and its history. */
  public record EventEntry(
      String name,
      String description,
      List<FieldRow> fields,
      List<String> applies,
      List<String> notes) {}

  /** A command or a policy: how it is started, who may, its input, rules, events and tests. */
  public record FlowEntry(
      String name,
      String description,
      String startedBy,
      String creation,
      String auth,
      List<FieldRow> fields,
      List<String> let,
      List<RuleEntry> rules,
      List<Link> emits,
      List<Scene> tests) {}

  /** A rule: the condition, and the code and message a caller gets when it does not hold. */
  public record RuleEntry(String require, String code, String message) {}

  /** A colour of a diagram's legend: the kind's word and its style class. */
  public record Chip(String word, String style) {
    static List<Chip> legend(Diagram diagram) {
      return diagram.kinds().stream()
          .map(k -> new Chip(k.word(), k.name().toLowerCase(java.util.Locale.ROOT)))
          .toList();
    }
  }

  /** A link with its text; {@code href} relative to the page that shows it. */
  public record Link(String text, String href) {}

  /** A view: where its rows come from, its fields, queries, who may read, and its tests. */
  public record ViewEntry(
      String name,
      String description,
      String key,
      List<Link> sources,
      String auth,
      List<FieldRow> fields,
      List<QueryRow> queries,
      List<Scene> tests) {}

  /** A query of a view. */
  public record QueryRow(String name, String reads) {}

  /** A query of the {@code queries:} section, answered by hand-written code. */
  public record QueryEntry(
      String name, String description, String returns, List<FieldRow> args, String auth) {}

  /** A glossary entry: a name of the model with its description and where it is defined. */
  public record Term(String term, String kind, String definition, String href) {}
}
