package dev.tracepaper.testing;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Views the differential test adds to a model so that a scenario's queries see everything the write
 * side did: per aggregate a mirror of its whole state ({@code <Aggregate>Mirror}, kept {@code from}
 * it), and a journal ({@code <Aggregate>Journal}, kept {@code on} its events) with a row per
 * instance and event type holding how often the event was recorded and the fields of the last one.
 * A scenario cannot name the events a step caused; through these, the events' types, counts and
 * payloads, and the state they made, become rows that a {@code list} query answers in full.
 */
final class ObservingViews {

  private static final List<String> CEL_KEYWORDS = List.of("in", "true", "false", "null");

  private ObservingViews() {}

  /** The views, as the {@code views:} section of a model file. */
  static String yaml(ModelIndex index) {
    StringBuilder yaml = new StringBuilder("tracepaper: 1\nviews:\n");
    for (Aggregate a : index.model().aggregates()) {
      String key = a.key().map(Located::value).orElseThrow();
      yaml.append("  %sMirror:\n".formatted(a.name()));
      yaml.append("    from: %s\n".formatted(a.name()));
      yaml.append("    fields: {%s}\n".formatted(fieldList(a.fields())));
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("entry", "String");
      fields.put("seen", "Int");
      StringBuilder handlers = new StringBuilder();
      for (Event e : a.events()) {
        if (e.retired().map(Located::value).orElse(false)
            || e.fields().stream().noneMatch(f -> f.name().equals(key))) {
          continue;
        }
        List<String> sets = new ArrayList<>();
        sets.add("seen: 'has(view.seen) ? view.seen + 1 : 1'");
        for (Field f : e.fields()) {
          String type = f.type().toString();
          boolean local =
              index.kindOf(f.type(), Optional.of(a)) == ModelIndex.TypeKind.ENTITY
                  || List.of("entry", "seen").contains(f.name());
          if (local || !fields.getOrDefault(f.name(), type).equals(type)) {
            continue;
          }
          fields.put(f.name(), type);
          sets.add(f.name() + ": " + quoted(selected("event", f.name())));
        }
        handlers.append(
            "      %s.%s:\n        key: %s\n        set: {%s}\n"
                .formatted(
                    a.name(),
                    e.name(),
                    quoted("'" + e.name() + ":' + " + selected("event", key)),
                    String.join(", ", sets)));
      }
      yaml.append("  %sJournal:\n".formatted(a.name()));
      yaml.append("    key: entry\n");
      List<String> typed = new ArrayList<>();
      fields.forEach((name, type) -> typed.add(name + ": " + quoted(type)));
      yaml.append("    fields: {%s}\n".formatted(String.join(", ", typed)));
      yaml.append("    on:\n").append(handlers);
    }
    return yaml.toString();
  }

  private static String fieldList(List<Field> fields) {
    List<String> typed = new ArrayList<>();
    fields.forEach(f -> typed.add(f.name() + ": " + quoted(f.type().toString())));
    return String.join(", ", typed);
  }

  private static String selected(String variable, String field) {
    return variable + "." + (CEL_KEYWORDS.contains(field) ? "`" + field + "`" : field);
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
