package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads fields: {@code name: Type} or {@code name: {type: Type, …constraints}}. */
final class FieldReader {

  static final Set<String> FIELD_KEYS =
      Set.of(
          "type",
          "required",
          "default",
          "pattern",
          "min",
          "max",
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "autoFill",
          "description",
          "key",
          "ref",
          "by",
          "refs",
          "prefix");

  private static final Pattern TYPE_SYNTAX =
      Pattern.compile("\\s*(\\[)?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(\\])?\\s*");

  private final Nodes nodes;

  FieldReader(Nodes nodes) {
    this.nodes = nodes;
  }

  /** Reads a mapping of fields; {@code owner} names what holds them, for messages. */
  List<Field> fields(YamlNode node, String owner) {
    List<Field> fields = new ArrayList<>();
    nodes
        .mapping(node, "the fields of " + owner)
        .ifPresent(
            mapping -> {
              for (MappingNode.Entry entry : mapping.entries()) {
                field(entry, owner).ifPresent(fields::add);
              }
            });
    return fields;
  }

  Optional<Field> field(MappingNode.Entry entry, String owner) {
    String what = "the field `" + entry.name() + "` of " + owner;
    SourceLocation location = entry.key().location();
    if (entry.value() instanceof MappingNode mapping) {
      nodes.checkKeys(mapping, FIELD_KEYS, what);
      Optional<TypeRef> type =
          nodes.required(mapping, "type", what).flatMap(t -> typeRef(t, "the type of " + what));
      return type.map(t -> new Field(entry.name(), t, constraints(mapping, what), location));
    }
    return typeRef(entry.value(), "the type of " + what)
        .map(t -> new Field(entry.name(), t, Constraints.NONE, location));
  }

  Optional<TypeRef> typeRef(YamlNode node, String what) {
    if (!(node instanceof ScalarNode scalar) || scalar.isNull()) {
      nodes.wrongType(node, what, "a type name such as `String`, or `[<Type>]` for a list");
      return Optional.empty();
    }
    Matcher matcher = TYPE_SYNTAX.matcher(scalar.value());
    boolean open = matcher.matches() && matcher.group(1) != null;
    boolean close = matcher.matches() && matcher.group(3) != null;
    if (!matcher.matches() || open != close) {
      nodes.report(
          Diagnostic.error(
                  Nodes.INVALID_VALUE,
                  scalar.location(),
                  "`%s` is not a type: %s should be one name, or one name in brackets for a list."
                      .formatted(scalar.value(), what))
              .withHint(typeHint(scalar.value())));
      return Optional.empty();
    }
    return Optional.of(new TypeRef(matcher.group(2), open, scalar.location()));
  }

  /**
   * The type the user meant, from their own words: {@code [Line} gives {@code [Line]}; text that is
   * no name at all gets placeholders.
   */
  private static String typeHint(String written) {
    String name = written.replace("[", "").replace("]", "").trim();
    return name.matches("[A-Za-z_][A-Za-z0-9_]*")
        ? "write `%s`, or `[%s]` for a list".formatted(name, name)
        : "write one type name, such as `String`, or `[<Type>]` for a list";
  }

  private Constraints constraints(MappingNode mapping, String what) {
    return new Constraints(
        mapping.get("required").flatMap(n -> nodes.bool(n, "`required` of " + what)),
        mapping.get("default").map(n -> new Located<>(n, n.location())),
        mapping.get("pattern").flatMap(n -> nodes.text(n, "`pattern` of " + what)),
        mapping.get("min").flatMap(n -> nodes.number(n, "`min` of " + what)),
        mapping.get("max").flatMap(n -> nodes.number(n, "`max` of " + what)),
        mapping.get("minLength").flatMap(n -> nodes.wholeNumber(n, "`minLength` of " + what)),
        mapping.get("maxLength").flatMap(n -> nodes.wholeNumber(n, "`maxLength` of " + what)),
        mapping.get("minItems").flatMap(n -> nodes.wholeNumber(n, "`minItems` of " + what)),
        mapping.get("maxItems").flatMap(n -> nodes.wholeNumber(n, "`maxItems` of " + what)),
        mapping.get("autoFill").flatMap(n -> autoFill(n, what)),
        mapping.get("description").flatMap(n -> nodes.prose(n, "the description of " + what)),
        mapping.get("key").flatMap(n -> nodes.text(n, "`key` of " + what)),
        mapping.get("ref").flatMap(n -> nodes.text(n, "`ref` of " + what)),
        mapping.get("by").flatMap(n -> nodes.text(n, "`by` of " + what)),
        mapping.get("refs").flatMap(n -> nodes.text(n, "`refs` of " + what)),
        mapping.get("prefix").flatMap(n -> nodes.text(n, "`prefix` of " + what)));
  }

  private Optional<Located<AutoFill>> autoFill(YamlNode node, String what) {
    return nodes
        .text(node, "`autoFill` of " + what)
        .flatMap(
            text -> {
              for (AutoFill fill : AutoFill.values()) {
                if (fill.name().equals(text.value())) {
                  return Optional.of(new Located<>(fill, text.location()));
                }
              }
              nodes.report(
                  Diagnostic.error(
                          Nodes.INVALID_VALUE,
                          text.location(),
                          "`autoFill` of %s is `%s`; it can be `uuid`, `username`, `userId` or `now`."
                              .formatted(what, text.value()))
                      .withHint(
                          dev.tracepaper.diagnostic.Suggestions.didYouMean(
                              text.value(), List.of("uuid", "username", "userId", "now"))));
              return Optional.empty();
            });
  }
}
