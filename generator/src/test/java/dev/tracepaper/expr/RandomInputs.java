package dev.tracepaper.expr;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random inputs as CEL takes them (maps for structs), and their Java stand-ins. */
final class RandomInputs {
  private static final String LETTERS = "abcAZ, \t\u00a0\u2003\u00e9\uD83D\uDE00";
  private final ModelTypes types;
  private final Random random;
  private final ClassLoader loader;

  RandomInputs(ModelTypes types, Random random, ClassLoader loader) {
    this.types = types;
    this.random = random;
    this.loader = loader;
  }

  Map<String, Object> celInputs() {
    Map<String, Object> inputs = new HashMap<>();
    Map<String, Object> state = new HashMap<>();
    state.put("orderId", text());
    state.put("total", number());
    state.put("price", random.nextInt(8) == 0 ? 0.5 : (random.nextDouble() - 0.5) * 2000);
    state.put("paid", random.nextBoolean());
    state.put("status", random.nextBoolean() ? "OPEN" : "CLOSED");
    state.put("placedOn", LocalDate.of(2026, 1, 1).plusDays(random.nextInt(5) - 2));
    state.put("placedAt", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(5) - 2));
    state.put("tags", list(this::text));
    state.put("counts", list(this::number));
    state.put("lines", list(() -> Map.of("lineId", text(), "qty", number(), "label", text())));
    if (random.nextBoolean()) {
      state.put("note", text());
    }
    inputs.put("state", state);
    inputs.put(
        "user",
        Map.of(
            "id",
            text(),
            "name",
            text(),
            "roles",
            random.nextBoolean() ? List.of("clerk") : List.of()));
    inputs.put("now", Instant.parse("2026-01-01T00:00:00Z"));
    inputs.put("today", LocalDate.of(2026, 1, 1));
    inputs.put("n", number());
    inputs.put("s", text());
    return inputs;
  }

  private String text() {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(5);
    int[] letters = LETTERS.codePoints().toArray();
    for (int i = 0; i < length; i++) {
      out.appendCodePoint(letters[random.nextInt(letters.length)]);
    }
    return out.toString();
  }

  private Long number() {
    return switch (random.nextInt(10)) {
      case 0 -> Long.MAX_VALUE;
      case 1 -> Long.MIN_VALUE;
      case 2 -> 0L;
      case 3 -> -1L;
      default -> (long) random.nextInt(7) - 2;
    };
  }

  private <T> List<T> list(java.util.function.Supplier<T> element) {
    List<T> list = new ArrayList<>();
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      list.add(element.get());
    }
    return List.copyOf(list);
  }

  /** The Java stand-in of a CEL input: records for structs, Java enums, Instants. */
  Object toJava(CelType type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof ListType list) {
      return ((List<?>) value).stream().map(v -> toJava(list.elemType(), v)).toList();
    }
    return types.struct(type).map(s -> record(s, (Map<?, ?>) value)).orElse(value);
  }

  private Object record(ModelStruct struct, Map<?, ?> value) {
    try {
      Class<?> record = loader.loadClass("Table$" + JavaHarness.recordName(struct.celType()));
      Object[] components = new Object[struct.fields().size()];
      for (int i = 0; i < components.length; i++) {
        Field field = struct.fields().get(i);
        Object given = value.get(field.name());
        components[i] =
            types.index().kindOf(field.type(), struct.owner()) == ModelIndex.TypeKind.ENUM
                ? enumValue(field.type().name(), (String) given)
                : toJava(types.of(field.type(), struct.owner()), given);
      }
      return record.getDeclaredConstructors()[0].newInstance(components);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object enumValue(String enumName, String value) throws ClassNotFoundException {
    Class enumClass = loader.loadClass("Table$" + JavaHarness.enumName(enumName));
    return Enum.valueOf(enumClass, value);
  }
}
