package dev.tracepaper.hostile;

import java.util.EnumMap;
import java.util.Map;

/**
 * A small valid model that has one element in every position a name can stand (app, package, role,
 * pattern, enum and value, type, aggregate, field, entity, event, command, let variable, policy,
 * view), so that a family can put a hostile name in one position and keep the rest valid. Names are
 * written as YAML double-quoted scalars with escapes, so any text (control characters, quotes, line
 * breaks) reaches the model as it is instead of failing in the YAML parser.
 */
final class BaseModel {

  /** A position a name can stand in, with the name the valid model has there. */
  enum Position {
    APP("shop"),
    PACKAGE("com.example.shop"),
    ROLE("clerk"),
    PATTERN("Word"),
    ENUM("Kind"),
    VALUE("SMALL"),
    TYPE("Place"),
    AGGREGATE("Order"),
    FIELD("note"),
    ENTITY("Line"),
    EVENT("OrderPlaced"),
    COMMAND("PlaceOrder"),
    VARIABLE("stamp"),
    POLICY("NotePlaced"),
    VIEW("OrderList");

    final String valid;

    Position(String valid) {
      this.valid = valid;
    }
  }

  private static final String TEMPLATE =
      """
      tracepaper: 1
      app:
        name: $APP
        package: $PACKAGE
        description: $DESCRIPTION
        auth: {default: authenticated, roles: [$ROLE]}
      patterns:
        $PATTERN: '^[a-z]+$'
      enums:
        $ENUM: [$VALUE, LARGE]
      types:
        $TYPE: {street: String}
      aggregates:
        $AGGREGATE:
          key: orderId
          fields: {orderId: String, $FIELD: String, kind: $ENUM, place: $TYPE, lines: {type: $LIST, key: lineId}}
          entities:
            $ENTITY: {lineId: String, amount: Int}
          events:
            $EVENT:
              fields: {orderId: String, $FIELD: String, kind: $ENUM, place: $TYPE}
          commands:
            $COMMAND:
              creates: true
              auth: $AUTH
              fields: {orderId: String, $FIELD: {type: String, pattern: $PATTERN}, kind: $ENUM, place: $TYPE}
              let: {$VARIABLE: command.orderId}
              emits: [$EVENT]
          policies:
            $POLICY:
              on: $EVENT
              key: event.orderId
              emits: []
      views:
        $VIEW:
          from: $AGGREGATE
          fields: {orderId: String, $FIELD: String}
      """;

  private BaseModel() {}

  /** The valid model. */
  static String valid() {
    return with(Map.of(), "A shop");
  }

  /** The model with {@code name} in {@code position} (every use of it) and the rest valid. */
  static String with(Position position, String name) {
    return with(Map.of(position, name), "A shop");
  }

  /** The valid model with {@code text} as the app's description. */
  static String describedAs(String text) {
    return with(Map.of(), text);
  }

  private static String with(Map<Position, String> names, String description) {
    Map<Position, String> all = new EnumMap<>(Position.class);
    for (Position p : Position.values()) {
      all.put(p, names.getOrDefault(p, p.valid));
    }
    String yaml = TEMPLATE;
    yaml = yaml.replace("$LIST", quoted("[" + all.get(Position.ENTITY) + "]"));
    yaml = yaml.replace("$AUTH", quoted("role:" + all.get(Position.ROLE)));
    yaml = yaml.replace("$DESCRIPTION", quoted(description));
    for (Position p : Position.values()) {
      yaml = yaml.replace("$" + p.name(), quoted(all.get(p)));
    }
    return yaml;
  }

  /** A YAML double-quoted scalar holding exactly {@code text}. */
  static String quoted(String text) {
    StringBuilder b = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                b.append('\\').appendCodePoint(c);
              } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xfeff) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.append('"').toString();
  }
}
