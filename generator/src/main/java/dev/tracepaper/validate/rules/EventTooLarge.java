package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An event whose stored item can exceed DynamoDB's 400 KB item limit, judged from its fields' most
 * characters and items ({@code maxLength}, {@code maxItems}). An error when the bounded fields
 * alone can pass the limit: the largest event the API accepts could never be stored. A warning when
 * an unbounded field ({@code String} without {@code maxLength}, a list without {@code maxItems},
 * {@code Json}) sits beside bounded fields that already take half the limit. Unbounded fields alone
 * are not reported: nearly every model has them, and a warning on each would teach people to ignore
 * warnings.
 */
public final class EventTooLarge implements Rule {

  /** DynamoDB's item limit, attribute names and values together. */
  static final long ITEM_LIMIT = 400 * 1024;

  /**
   * The item's other attributes (type, timestamp, ids, user, source, key and version), generously:
   * their values come from the request and the model, each well under 256 bytes.
   */
  static final long ITEM_OVERHEAD = 2 * 1024;

  /** A character at its longest in the stored JSON: a control character as {@code \\u00XX}. */
  static final long BYTES_PER_CHARACTER = 6;

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Aggregate aggregate : model.model().aggregates()) {
      for (Event event : aggregate.events()) {
        Size size = object(model, aggregate, event.fields(), new HashSet<>());
        long total = size.bytes + ITEM_OVERHEAD;
        if (total > ITEM_LIMIT) {
          report.error(
              event.location(),
              ("Event `%s` can be %s when its fields hold as many characters and items as their"
                      + " constraints allow, over DynamoDB's item limit of 400 KB: the largest"
                      + " input the API accepts could not be stored.")
                  .formatted(event.name(), kilobytes(total)),
              "lower `maxLength` or `maxItems` of its largest fields (each character may take up"
                  + " to 6 bytes in the stored JSON), or move large content to S3 and store a"
                  + " link");
        } else if (size.unbounded.isPresent() && total > ITEM_LIMIT / 2) {
          Field field = size.unbounded.get();
          report.warning(
              field.location(),
              ("Field `%s` of event `%s` has no bound, and the event's bounded fields already"
                      + " take up to %s of DynamoDB's 400 KB item limit: a large value here would"
                      + " make the event impossible to store.")
                  .formatted(field.name(), event.name(), kilobytes(total)),
              "give `%s` a `maxLength` (text) or `maxItems` (list)".formatted(field.name()));
        }
      }
    }
  }

  /** The most bytes a JSON value can take, and the first field without a bound (if any). */
  private record Size(long bytes, Optional<Field> unbounded) {}

  private static Size object(
      ModelIndex model, Aggregate owner, List<Field> fields, Set<String> visiting) {
    long bytes = 2;
    Optional<Field> unbounded = Optional.empty();
    for (Field field : fields) {
      Size value = field(model, owner, field, visiting);
      bytes = saturated(bytes, field.name().length() + 4L + value.bytes);
      if (unbounded.isEmpty()) {
        unbounded = value.unbounded;
      }
    }
    return new Size(bytes, unbounded);
  }

  private static Size field(ModelIndex model, Aggregate owner, Field field, Set<String> visiting) {
    Size element = element(model, owner, field, visiting);
    if (!field.type().list()) {
      return element;
    }
    OptionalLong items = bound(field.constraints().maxItems());
    if (items.isEmpty()) {
      return new Size(2, Optional.of(field));
    }
    long bytes = saturated(2, multiplied(items.getAsLong(), element.bytes + 1));
    return new Size(bytes, element.unbounded);
  }

  private static Size element(
      ModelIndex model, Aggregate owner, Field field, Set<String> visiting) {
    Optional<BuiltinType> builtin = field.type().builtin();
    if (builtin.isPresent()) {
      return switch (builtin.get()) {
        case Json -> new Size(4, Optional.of(field));
        case Int -> new Size(20, Optional.empty());
        case Float -> new Size(24, Optional.empty());
        case Boolean -> new Size(5, Optional.empty());
        case Date -> new Size(14, Optional.empty());
        case DateTime -> new Size(40, Optional.empty());
        default -> text(field);
      };
    }
    String name = field.type().name();
    var enumDef = model.enumDef(name);
    if (enumDef.isPresent()) {
      long longest =
          enumDef.get().values().stream().mapToLong(v -> v.value().length()).max().orElse(0);
      return new Size(longest + 2, Optional.empty());
    }
    Optional<TypeDef> type = model.type(name).or(() -> owner.entity(name));
    if (type.isPresent() && visiting.add(name)) {
      Size size = object(model, owner, type.get().fields(), visiting);
      visiting.remove(name);
      return size;
    }
    return new Size(4, Optional.empty()); // unknown or recursive: reported by other rules
  }

  private static Size text(Field field) {
    OptionalLong length = bound(field.constraints().maxLength());
    if (length.isEmpty()) {
      return new Size(2, Optional.of(field));
    }
    return new Size(
        saturated(2, multiplied(length.getAsLong(), BYTES_PER_CHARACTER)), Optional.empty());
  }

  private static OptionalLong bound(Optional<Located<Long>> constraint) {
    return constraint
        .map(c -> OptionalLong.of(Math.max(0, c.value())))
        .orElse(OptionalLong.empty());
  }

  private static long saturated(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long multiplied(long a, long b) {
    return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  private static String kilobytes(long bytes) {
    return bytes >= Long.MAX_VALUE / 2 ? "far larger" : "%,d KB".formatted((bytes + 1023) / 1024);
  }
}
