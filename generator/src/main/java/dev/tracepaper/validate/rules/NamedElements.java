package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.BusinessRule;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.CustomQuery;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.Let;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.Model;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternDef;
import dev.tracepaper.model.Policy;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.View;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.rules.NamedElement.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every name a model defines, in the order written (file by file), each knowing whether it is the
 * second definition of a name that must be unique. The name rules all work from this one list.
 */
final class NamedElements {

  private final List<NamedElement> elements = new ArrayList<>();
  private final Set<String> definedNames = new HashSet<>();

  private NamedElements() {}

  /** Every named element of the model, collected once per model for all the name rules. */
  static List<NamedElement> of(ModelIndex index) {
    return index.derived(NamedElements.class, i -> collectAll(i.model()));
  }

  private static List<NamedElement> collectAll(Model model) {
    NamedElements out = new NamedElements();
    out.collect(model);
    return List.copyOf(out.elements);
  }

  /**
   * What two definitions share when one repeats the other: kind, scope (the model, or the enum of a
   * value) and name. Only meaningful for names that must be unique.
   */
  static String uniquenessKey(NamedElement e) {
    return e.kind() + " " + scopeKey(e.kind(), e.owner()) + " " + e.name();
  }

  private void collect(Model model) {
    model
        .app()
        .ifPresent(app -> app.auth().roles().forEach(r -> add(Kind.ROLE, r, Optional.empty())));
    for (PatternDef p : model.patterns()) {
      add(Kind.PATTERN, p.name(), p.location(), Optional.empty(), p);
    }
    for (EnumDef e : model.enums()) {
      NamedElement enumElement = add(Kind.ENUM, e.name(), e.location(), Optional.empty(), e);
      e.values().forEach(v -> add(Kind.ENUM_VALUE, v, Optional.of(enumElement)));
    }
    for (TypeDef t : model.types()) {
      typeDef(Kind.TYPE, t, Optional.empty());
    }
    model.aggregates().forEach(this::aggregate);
    model.views().forEach(this::view);
    for (CustomQuery q : model.queries()) {
      fields(q.args(), add(Kind.CUSTOM_QUERY, q.name(), q.location(), Optional.empty(), q));
    }
    // An automation names a Java class, a Lambda function and its resources.
    for (Automation a : model.automations()) {
      add(Kind.AUTOMATION, a.name(), a.location(), Optional.empty(), a);
    }
  }

  private void aggregate(Aggregate a) {
    NamedElement aggregate = add(Kind.AGGREGATE, a.name(), a.location(), Optional.empty(), a);
    Optional<NamedElement> owner = Optional.of(aggregate);
    fields(a.fields(), aggregate);
    a.entities().forEach(e -> typeDef(Kind.ENTITY, e, owner));
    for (Event e : a.events()) {
      fields(e.fields(), add(Kind.EVENT, e.name(), e.location(), owner, e));
    }
    for (Command c : a.commands()) {
      NamedElement command = add(Kind.COMMAND, c.name(), c.location(), owner, c);
      fields(c.fields(), command);
      flow(c, command);
    }
    for (Policy p : a.policies()) {
      flow(p, add(Kind.POLICY, p.name(), p.location(), owner, p));
    }
  }

  private void flow(Flow flow, NamedElement element) {
    for (Let let : flow.let()) {
      add(Kind.VARIABLE, let.name(), let.location(), Optional.of(element), let);
    }
    for (BusinessRule rule : flow.rules()) {
      add(Kind.RULE_CODE, rule.code(), Optional.of(element));
    }
  }

  private void view(View v) {
    NamedElement view = add(Kind.VIEW, v.name(), v.location(), Optional.empty(), v);
    fields(v.fields(), view);
    for (Query q : v.queries().orElse(List.of())) {
      add(Kind.QUERY, q.name(), q.location(), Optional.of(view), q);
    }
  }

  private void typeDef(Kind kind, TypeDef t, Optional<NamedElement> owner) {
    fields(t.fields(), add(kind, t.name(), t.location(), owner, t));
  }

  private void fields(List<Field> fields, NamedElement owner) {
    for (Field f : fields) {
      add(Kind.FIELD, f.name(), f.location(), Optional.of(owner), f);
    }
  }

  private NamedElement add(Kind kind, Located<String> name, Optional<NamedElement> owner) {
    return add(kind, name.value(), name.location(), owner, name);
  }

  private NamedElement add(
      Kind kind,
      String name,
      SourceLocation location,
      Optional<NamedElement> owner,
      Object definition) {
    boolean ownerShadowed = owner.map(NamedElement::shadowed).orElse(false);
    boolean duplicate = false;
    if (mustBeUnique(kind) && !ownerShadowed) {
      duplicate = !definedNames.add(kind + " " + scopeKey(kind, owner) + " " + name);
      // Kept equal to uniquenessKey, which reads the same parts from the element.
    }
    NamedElement element =
        new NamedElement(
            kind, name, location, owner, duplicate, duplicate || ownerShadowed, definition);
    elements.add(element);
    return element;
  }

  /**
   * Names unique in their kind: across the whole model, except enum values (in their enum). Fields,
   * variables and queries are YAML keys of one mapping, which YAML already keeps apart.
   */
  private static boolean mustBeUnique(Kind kind) {
    return switch (kind) {
      case FIELD, VARIABLE, QUERY, RULE_CODE -> false;
      default -> true;
    };
  }

  private static String scopeKey(Kind kind, Optional<NamedElement> owner) {
    return kind == Kind.ENUM_VALUE
        ? owner.map(o -> o.name() + "@" + o.location()).orElse("")
        : "model";
  }
}
