package dev.tracepaper.render.build;

import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.Field;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.EventVersionData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Java of an event's older versions ({@code <Event>Versions}): a record per older version, and
 * per version one step to the next, with the model's {@code upcast} lines translated and the other
 * fields copied from {@code old}.
 */
final class UpcastCode {

  /** The versions of one event and the classes their source names by simple name. */
  record Versions(List<EventVersionData> versions, List<String> imports) {}

  private final CheckedExpressions checked;
  private final TypeMapping types;
  private final FieldCode fields;
  private final String runtimePackage;

  UpcastCode(
      CheckedExpressions checked, TypeMapping types, FieldCode fields, String runtimePackage) {
    this.checked = checked;
    this.types = types;
    this.fields = fields;
    this.runtimePackage = runtimePackage;
  }

  /** The event's older versions, oldest first; none for an event that has only one. */
  Versions of(Aggregate aggregate, Event event, String eventClass, String javaPackage) {
    if (event.versions().isEmpty()) {
      return new Versions(List.of(), List.of());
    }
    Optional<Aggregate> owner = Optional.of(aggregate);
    Set<String> imports = new TreeSet<>();
    FieldCode.addCodecImports(imports, runtimePackage);
    ExpressionCode expressions =
        new ExpressionCode(checked, types, runtimePackage, Map.of(), imports);
    int current = event.currentVersion();
    List<EventVersionData> versions = new ArrayList<>();
    for (int v = 1; v < current; v++) {
      EventVersion version = event.olderVersion(v).orElseThrow();
      version.fields().forEach(f -> types.addImports(f.type(), owner, imports));
      List<Field> next = event.fieldsOfVersion(v + 1).orElseThrow();
      List<String> arguments = new ArrayList<>();
      for (Field field : next) {
        Optional<Assignment.SetValue> line = line(version, field.name());
        arguments.add(
            line.isPresent()
                ? expressions.into(line.get().value(), field.type(), owner)
                : "old." + JavaNames.member(field.name()) + "()");
      }
      String read = recordClass(v) + ".fromJson(payload)";
      for (int step = v + 1; step <= current; step++) {
        read = step(step) + "(" + read + ")";
      }
      versions.add(
          new EventVersionData(
              v,
              recordClass(v),
              version.fields().stream()
                  .map(f -> fields.data(f, owner, FieldCode.Presence.ALWAYS, true))
                  .toList(),
              step(v + 1),
              v + 1 == current ? eventClass : recordClass(v + 1),
              arguments,
              read));
    }
    return new Versions(versions, ProjectDataBuilder.withoutOwnPackage(imports, javaPackage));
  }

  private static Optional<Assignment.SetValue> line(EventVersion version, String field) {
    return version.upcast().stream()
        .filter(Assignment.SetValue.class::isInstance)
        .map(Assignment.SetValue.class::cast)
        .filter(s -> s.field().equals(field))
        .findFirst();
  }

  private static String recordClass(int version) {
    return "Version" + version;
  }

  private static String step(int version) {
    return "toVersion" + version;
  }
}
