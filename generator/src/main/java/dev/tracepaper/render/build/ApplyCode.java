package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.naming.JavaNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How an event changes its aggregate's state: one Java argument of the state's constructor per
 * state field. A field {@code apply} maps gets the translated expression; an entity collection
 * changes item by item ({@code upsert}, {@code remove}); a field the event has of the same name is
 * copied; every other field keeps its value. In the state record, CEL's {@code state} is {@code
 * this}.
 */
final class ApplyCode {

  /** The state's constructor arguments are printed at eight spaces. */
  private static final int ARGUMENT_INDENT = 8;

  private final ExpressionCode expressions;
  private final TypeMapping types;
  private final String entitiesClass;

  /**
   * @param expressions translates with CEL's {@code state} as {@code this}, collecting imports
   * @param runtimePackage the package of the runtime's {@code Entities}
   */
  ApplyCode(ExpressionCode expressions, TypeMapping types, String runtimePackage) {
    this.expressions = expressions;
    this.types = types;
    this.entitiesClass = runtimePackage + ".Entities";
  }

  /** The constructor arguments of the state after {@code event}, collecting imports. */
  List<String> newState(Aggregate aggregate, Event event, Set<String> imports) {
    List<String> arguments = new ArrayList<>();
    for (Field field : aggregate.fields()) {
      arguments.add(argument(aggregate, event, field, imports));
    }
    return arguments;
  }

  private String argument(Aggregate aggregate, Event event, Field field, Set<String> imports) {
    String member = JavaNames.member(field.name());
    Optional<Assignment> assignment =
        event.apply().stream().filter(a -> a.field().equals(field.name())).findFirst();
    if (assignment.isEmpty()) {
      return event.field(field.name()).isPresent()
          ? "event." + member + "()"
          : "this." + member + "()";
    }
    Optional<Aggregate> owner = Optional.of(aggregate);
    Assignment a = assignment.get();
    if (a instanceof Assignment.SetValue set) {
      return expressions.into(set.value(), field.type(), owner);
    }
    if (a instanceof Assignment.Upsert upsert) {
      return upsert(aggregate, field, upsert, imports);
    }
    Assignment.Remove remove = (Assignment.Remove) a;
    imports.add(entitiesClass);
    return JavaLayout.call(
        "Entities.remove",
        List.of(
            "this." + member + "()",
            types.javaClass(field.type(), owner).simpleName() + "::" + keyMember(field),
            expressions.java(remove.key())),
        ARGUMENT_INDENT,
        ",");
  }

  private String upsert(
      Aggregate aggregate, Field collection, Assignment.Upsert upsert, Set<String> imports) {
    TypeDef entity = aggregate.entity(collection.type().name()).orElseThrow();
    Optional<Aggregate> owner = Optional.of(aggregate);
    String key = expressions.java(upsert.key());
    String keyMember = keyMember(collection);
    Map<String, Assignment.SetValue> with = new java.util.LinkedHashMap<>();
    upsert.with().forEach(w -> with.put(w.field(), w));
    List<String> fields = new ArrayList<>();
    for (Field f : entity.fields()) {
      String member = JavaNames.member(f.name());
      if (member.equals(keyMember)) {
        fields.add(key);
      } else if (with.containsKey(f.name())) {
        fields.add(expressions.into(with.get(f.name()).value(), f.type(), owner));
      } else {
        fields.add("old == null ? null : old." + member + "()");
      }
    }
    types.addImports(collection.type(), owner, imports);
    imports.add(entitiesClass);
    String entityClass = types.javaClass(collection.type(), owner).simpleName();
    return JavaLayout.call(
        "Entities.upsert",
        List.of(
            "this." + JavaNames.member(collection.name()) + "()",
            entityClass + "::" + keyMember,
            key,
            "old -> " + JavaLayout.call("new " + entityClass, fields, ARGUMENT_INDENT + 4, "),")),
        ARGUMENT_INDENT,
        ",");
  }

  private static String keyMember(Field collection) {
    return JavaNames.member(collection.constraints().key().orElseThrow().value());
  }
}
