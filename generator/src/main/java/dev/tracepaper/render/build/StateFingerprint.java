package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.naming.JavaNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fingerprint of an aggregate's state (the runtime's {@code AggregateType.stateFingerprint()}):
 * a short hash of everything that decides what folding its events gives, and of nothing else.
 * Snapshots and stored states carry it; the runtime trusts only those of the current fingerprint
 * (docs/runtime.md, docs/evolution.md).
 *
 * <p>What it covers, written as one canonical text ({@link #canonical}) and hashed:
 *
 * <ul>
 *   <li>the state's fields by name, each with its shape (a built-in's name, an enum's literals, a
 *       type's or entity's fields (recursively), a list, an entity collection's key) and its value
 *       before the first event;
 *   <li>per event, by name: whether it ends the instance, and for every state field it changes the
 *       generated Java that computes the new value: an {@code apply} assignment as translated, an
 *       implicit copy of the event's same-named field ({@code event.x()}), an upsert or remove.
 * </ul>
 *
 * <p>Names are sorted and whitespace outside literals is collapsed, so the fingerprint does not
 * change with the order of fields, events or assignments in the YAML, nor with descriptions,
 * commands, policies, views or anything else that folding does not read. It is the translated Java,
 * not the CEL text, that is hashed: a generator release that translates an expression differently
 * changes what folding gives, and so the fingerprint (stored states are then folded again once).
 */
final class StateFingerprint {

  /** Hex characters kept of the SHA-256: 64 bits, ample to tell the versions of one aggregate. */
  static final int LENGTH = 16;

  private final ModelIndex index;

  StateFingerprint(ModelIndex index) {
    this.index = index;
  }

  /**
   * @param newState per event of {@code aggregate}, in model order, the Java arguments of the
   *     state's constructor after it, one per state field in model order
   */
  String of(Aggregate aggregate, List<List<String>> newState) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical(aggregate, newState).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The text that is hashed: one line per state field, per event and per changed field. */
  String canonical(Aggregate aggregate, List<List<String>> newState) {
    Optional<Aggregate> owner = Optional.of(aggregate);
    StringBuilder text = new StringBuilder();
    for (Field field : sortedByName(aggregate.fields())) {
      text.append("state ").append(field.name()).append(": ");
      text.append(shape(field, owner, new HashSet<>()));
      // The value before the first event is folded from too (a counter's 0).
      text.append(" from ").append(ProjectDataBuilder.emptyValue(field)).append('\n');
    }
    TreeMap<String, String> events = new TreeMap<>();
    for (int i = 0; i < aggregate.events().size(); i++) {
      Event event = aggregate.events().get(i);
      events.put(event.name(), changes(aggregate, event, newState.get(i)));
    }
    events.forEach((name, changes) -> text.append("event ").append(name).append(changes));
    return text.toString();
  }

  private String changes(Aggregate aggregate, Event event, List<String> arguments) {
    StringBuilder text = new StringBuilder(event.endsInstance() ? " ends\n" : "\n");
    TreeMap<String, String> changed = new TreeMap<>();
    for (int i = 0; i < aggregate.fields().size(); i++) {
      Field field = aggregate.fields().get(i);
      String java = collapsed(arguments.get(i));
      // A field the event leaves as it was is no rule of the event.
      if (!java.equals("this." + JavaNames.member(field.name()) + "()")) {
        changed.put(field.name(), java);
      }
    }
    changed.forEach(
        (field, java) -> text.append("  ").append(field).append(" = ").append(java).append('\n'));
    return text.toString();
  }

  private String shape(Field field, Optional<Aggregate> owner, Set<String> visiting) {
    String shape = shape(field.type(), owner, visiting);
    Optional<String> key = field.constraints().key().map(Located::value);
    return key.isPresent() ? shape + " key " + key.get() : shape;
  }

  private String shape(TypeRef type, Optional<Aggregate> owner, Set<String> visiting) {
    String element = elementShape(type, owner, visiting);
    return type.list() ? "[" + element + "]" : element;
  }

  private String elementShape(TypeRef type, Optional<Aggregate> owner, Set<String> visiting) {
    return switch (index.kindOf(type, owner)) {
      case ENUM ->
          "enum " + index.enumDef(type.name()).map(StateFingerprint::literals).orElseThrow();
      case TYPE -> recordShape(index.type(type.name()).orElseThrow(), owner, visiting);
      case ENTITY ->
          recordShape(owner.flatMap(a -> a.entity(type.name())).orElseThrow(), owner, visiting);
      default -> type.name();
    };
  }

  private String recordShape(TypeDef record, Optional<Aggregate> owner, Set<String> visiting) {
    if (!visiting.add(record.name())) {
      return "^" + record.name();
    }
    List<String> fields = new ArrayList<>();
    for (Field field : sortedByName(record.fields())) {
      fields.add(field.name() + ": " + shape(field, owner, visiting));
    }
    visiting.remove(record.name());
    return "{" + String.join(", ", fields) + "}";
  }

  private static List<String> literals(EnumDef enumDef) {
    return enumDef.values().stream().map(Located::value).sorted().toList();
  }

  private static List<Field> sortedByName(List<Field> fields) {
    return fields.stream().sorted(Comparator.comparing(Field::name)).toList();
  }

  /**
   * The Java without the whitespace outside string and character literals that does not separate
   * two words ({@code new Foo}): line breaks and indentation are layout, not meaning.
   */
  static String collapsed(String java) {
    StringBuilder out = new StringBuilder(java.length());
    char quote = 0;
    boolean space = false;
    for (int i = 0; i < java.length(); i++) {
      char c = java.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == '\\' && i + 1 < java.length()) {
          out.append(java.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space
            && out.length() > 0
            && Character.isJavaIdentifierPart(out.charAt(out.length() - 1))
            && Character.isJavaIdentifierPart(c)) {
          out.append(' ');
        }
        space = false;
        if (c == '"' || c == '\'') {
          quote = c;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
