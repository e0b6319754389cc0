package dev.tracepaper.render.build;

import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.UpcastFields;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.EventVersionData;
import dev.tracepaper.render.data.UpcastConversionData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
  Versions of(
      ModelIndex index, Aggregate aggregate, Event event, String eventClass, String javaPackage) {
    if (event.versions().isEmpty()) {
      return new Versions(List.of(), List.of());
    }
    Optional<Aggregate> owner = Optional.of(aggregate);
    Set<String> imports = new TreeSet<>();
    FieldCode.addCodecImports(imports, runtimePackage);
    ExpressionCode expressions =
        new ExpressionCode(checked, types, runtimePackage, Map.of(), imports);
    String versionsClass = eventClass + "Versions";
    int current = event.currentVersion();
    List<EventVersionData> versions = new ArrayList<>();
    for (int v = 1; v < current; v++) {
      EventVersion version = event.olderVersion(v).orElseThrow();
      version.fields().forEach(f -> types.addImports(f.type(), owner, imports));
      Step step =
          new Step(
              step(v + 1), versionsClass, owner, types, expressions, imports, new ArrayList<>());
      List<String> arguments = step.arguments(UpcastFields.of(index, event, version));
      String read = recordClass(v) + ".fromJson(payload)";
      for (int s = v + 1; s <= current; s++) {
        read = step(s) + "(" + read + ")";
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
              step.conversions(),
              read));
    }
    return new Versions(versions, ProjectDataBuilder.withoutOwnPackage(imports, javaPackage));
  }

  /** The Java of one step from a version to the next: its arguments and conversions. */
  private record Step(
      String name,
      String versionsClass,
      Optional<Aggregate> owner,
      TypeMapping types,
      ExpressionCode expressions,
      Set<String> imports,
      List<UpcastConversionData> conversions) {

    /** The next version's constructor arguments, one per field, reading {@code old}. */
    List<String> arguments(List<UpcastFields.Source> sources) {
      List<String> arguments = new ArrayList<>();
      for (UpcastFields.Source source : sources) {
        arguments.add(argument(source));
      }
      return arguments;
    }

    private String argument(UpcastFields.Source source) {
      if (source instanceof UpcastFields.Computed c) {
        return expressions.into(c.line().value(), c.field().type(), owner);
      }
      if (source instanceof UpcastFields.Absent a) {
        if (a.field().type().list()) {
          imports.add("java.util.List");
          return "List.of()";
        }
        return "null";
      }
      if (source instanceof UpcastFields.Copied c) {
        return "old." + JavaNames.member(c.old().name()) + "()";
      }
      if (source instanceof UpcastFields.Converted c) {
        return convert(c, "old." + JavaNames.member(c.old().name()) + "()");
      }
      throw new IllegalStateException(
          "UnfilledUpcastField lets no model through where `" + source.path() + "` gets no value");
    }

    /** Builds the value through a method of its own, each item of a list in turn. */
    private String convert(UpcastFields.Converted converted, String value) {
      String method = methodName(converted.path());
      TypeRef oldType = new TypeRef(converted.oldType().name(), false, converted.old().location());
      TypeRef newType =
          new TypeRef(converted.newType().name(), false, converted.field().location());
      types.addImports(oldType, owner, imports);
      types.addImports(newType, owner, imports);
      int index = conversions.size();
      // Outermost first: this method before the ones its arguments add; the name is taken now.
      conversions.add(new UpcastConversionData(method, converted.path(), "", "", List.of()));
      List<String> arguments = arguments(converted.fields());
      conversions.set(
          index,
          new UpcastConversionData(
              method,
              converted.path(),
              types.java(oldType, owner, false),
              types.java(newType, owner, false),
              arguments));
      // An argument stands on lines of its own at 8 spaces: a chain continues at 12.
      return converted.field().type().list()
          ? value
              + ".stream()\n            .map("
              + versionsClass
              + "::"
              + method
              + ")\n            .toList()"
          : method + "(" + value + ")";
    }

    /** {@code toVersion2ShipTo} for {@code shipTo}; a number when two paths would read alike. */
    private String methodName(String path) {
      String base =
          name
              + Arrays.stream(path.split("\\."))
                  .map(Case::capitalize)
                  .collect(Collectors.joining());
      String method = base;
      for (int n = 2; taken(method); n++) {
        method = base + n;
      }
      return method;
    }

    private boolean taken(String method) {
      return conversions.stream().anyMatch(c -> c.method().equals(method));
    }
  }

  private static String recordClass(int version) {
    return "Version" + version;
  }

  private static String step(int version) {
    return "toVersion" + version;
  }
}
