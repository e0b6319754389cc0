package dev.tracepaper.expr;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translation keeps the meaning: each expression of {@link #TABLE} is translated, compiled and
 * run on seeded-random inputs, and gives what dev.cel's interpreter gives on the same inputs (both
 * an error, or equal values). Set {@code -Dtranslate.seed=N} to replay a run.
 */
class JavaTranslatorTest {

  private static final String MODEL =
      """
      tracepaper: 1
      app:
        name: shop
        package: com.example.shop
        auth: {default: authenticated, roles: [clerk]}
      enums:
        Status: [OPEN, CLOSED]
      types:
        Address:
          street: String
          floor: Int
          kind: Status
          zip: {type: String, required: false}
          notes: {type: '[String]', required: false}
        Person: {name: String, homes: '[Address]', statuses: '[Status]'}
      aggregates:
        Order:
          key: orderId
          fields:
            orderId: String
            total: Int
            price: Float
            paid: Boolean
            status: Status
            placedOn: Date
            placedAt: DateTime
            tags: '[String]'
            counts: '[Int]'
            lines: {type: '[Line]', key: lineId}
            note: String
          entities:
            Line: {lineId: String, qty: Int, label: String}
      """;

  /** CEL text, each a construct the translator supports. */
  static final List<String> TABLE =
      List.of(
          // literals, with escapes the Java source must carry exactly
          "'caf\\u00e9 \"q\" \\\\ \\n\\t\\r \u2603 \uD83D\uDE00 \\u0001' + s",
          "42",
          "-7 + n",
          "2.5 * state.price",
          "[1, 2, 3]",
          // arithmetic: Int overflow and division by zero are errors in both
          "state.total + n",
          "state.total - n",
          "state.total * n",
          "state.total / n",
          "state.total % n",
          "-state.total",
          "-state.price + state.price / 2.0",
          "s + state.orderId",
          "state.tags + [s]",
          // comparisons
          "state.total < n",
          "state.total >= n",
          "state.price > 1.5",
          "s < state.orderId",
          "state.orderId >= s",
          "state.total == n",
          "state.total != 5",
          "state.counts[0] == n",
          "state.price == 0.5",
          "state.orderId == s",
          "'a' == state.orderId",
          "state.paid == true",
          "state.paid != (n > 0)",
          "state.counts == [1, 2]",
          "state.status == 'OPEN'",
          "state.status != 'CLOSED'",
          "state.placedOn < today",
          "state.placedOn >= today",
          "state.placedOn == today",
          "state.placedAt > now",
          "state.placedAt <= now",
          "state.placedAt != now",
          // logic
          "state.paid && n > 0",
          "state.paid || !(n > 0)",
          "state.paid ? state.total : n",
          // in, size, has, index
          "s in state.tags",
          "n in state.counts",
          "state.status in ['OPEN']",
          "'clerk' in user.roles",
          "size(state.tags)",
          "state.counts.size()",
          "size(s)",
          "s.size()",
          "has(state.note)",
          "!has(state.note) || state.note == ''",
          "has(state.note) ? state.note : 'none'",
          "state.counts[0]",
          "state.counts[1] + state.counts[n]",
          "state.lines[0].qty",
          // macros
          "state.counts.exists(c, c > n)",
          "state.counts.all(c, c >= 0)",
          "state.counts.exists_one(c, c == n)",
          "state.counts.filter(c, c > 0)",
          "state.counts.map(c, c * 2)",
          "state.counts.map(c, c > 0, c + 1)",
          "state.lines.map(l, l.label)",
          "state.lines.filter(l, l.qty > n).size()",
          "state.lines.exists(l, state.tags.exists(t, t == l.label))",
          "state.counts.exists(c, state.counts.all(c, c > 0))",
          "state.counts.exists(s, s == n)",
          // strings extension
          "s.lowerAscii()",
          "s.upperAscii()",
          "s.trim()",
          "s.replace('a', 'b')",
          "s.split(',')",
          "state.tags.join(',')",
          "state.tags.join()",
          "s.contains('a')",
          "s.startsWith('a')",
          "s.endsWith('b')",
          "s.matches('^[a-c]+$')",
          "matches(s, 'b')",
          "s.substring(1)",
          "s.substring(0, 1)",
          "s.indexOf('b')",
          "s.indexOf('a', 1)",
          "s.lastIndexOf('a')",
          "s.charAt(0)",
          // conversions
          "int(state.price)",
          "int('12') + n",
          "int(s)",
          "int(state.placedAt)",
          "double(n)",
          "double('2.5')",
          "string(n)",
          "string(state.paid)",
          "string(state.placedOn)",
          "string(state.placedAt)",
          // Tracepaper's own functions
          "size(uuid()) == 36",
          "addDays(state.placedOn, n % 1000)",
          "addDays(today, 7) > state.placedOn",
          "addSeconds(state.placedAt, n % 100000)",
          "user.name == state.orderId",
          "user.id == state.orderId",
          // odd corners
          "state.paid ? state.tags : []",
          "s.replace('', '-')",
          "state.counts.map(c, double(c) / 2.0)",
          "'a' + s < s + 'b'",
          "state.lines.exists_one(l, l.label == s)",
          "state.lines[0] == state.lines[size(state.lines) - 1]",
          "state.total < 2.5 && state.price >= 1",
          // hashing and time
          "sha256(s)",
          "sha256(state.orderId + s) != sha256(s)",
          "crc32(s)",
          "'D' + string(crc32(user.name))",
          "formatTime(state.placedAt, 'yyyy-MM-dd HH:mm:ss.SSS')",
          "formatTime(now, \"dd/MM/yyyy 'at' HH'h'\")",
          "formatTime(addSeconds(state.placedAt, n % 100000), 'yyyyMMddHHmmss')",
          "epochSeconds(state.placedAt)",
          "epochSeconds(now) - n",
          "timestamp(n)",
          "timestamp(epochSeconds(state.placedAt) + n % 100000)",
          "formatTime(timestamp(n % 100000000000), 'yyyy-MM-dd')",
          "now.getFullYear() + state.placedAt.getFullYear('Europe/Amsterdam')",
          "state.placedAt.getMonth('America/New_York') + state.placedAt.getMonth()",
          "timestamp(n % 100000000000).getDayOfYear('Asia/Kolkata')",
          "timestamp(n % 100000000000).getDayOfMonth() * 100 + state.placedAt.getDate('+05:30')",
          "timestamp(n % 100000000000).getDayOfWeek('Pacific/Auckland')",
          "[state.placedAt.getHours('-08:00'), state.placedAt.getMinutes(),"
              + " state.placedAt.getSeconds('UTC'), state.placedAt.getMilliseconds()]",
          // durations: between moments, literals, moved moments, parts, order
          "(now - state.placedAt).getMinutes()",
          "(now - state.placedAt).getHours() + (state.placedAt - now).getSeconds()",
          "(state.placedAt - now).getMilliseconds() + (now - state.placedAt).getMilliseconds()",
          "now - state.placedAt > duration('2h')",
          "now - state.placedAt <= duration('-1.5s')",
          "state.placedAt + duration('90m') < now",
          "duration('100ms') + state.placedAt",
          "formatTime(state.placedAt - duration('1h30m15.5s'), 'yyyy-MM-dd HH:mm:ss.SSS')",
          "timestamp(n % 100000000000) - duration('2562047h') == state.placedAt",
          "(duration('1h') + duration('30m')).getMinutes() + duration('-90.5s').getSeconds()",
          "duration('1h') - duration('90m') < duration('0s')",
          "duration('-1.5s') + (now - state.placedAt) == duration('0s')",
          "(timestamp(n % 100000000000) - state.placedAt).getSeconds()",
          "[duration('1m'), now - state.placedAt][n % 2 == 0 ? 0 : 1].getSeconds()",
          "duration('315576000000s') + (now - state.placedAt) != duration('1us')",
          // moments written out
          "state.placedAt < timestamp('2027-01-01T10:00:00+01:00')",
          "timestamp('1970-01-01T00:00:01.5Z') + (now - state.placedAt)",
          // object and list literals
          "[s, state.orderId]",
          "[n, state.total] + state.counts",
          "Address{street: s, floor: n, kind: 'OPEN'}",
          "Address{street: s, floor: n, kind: state.status, zip: 'z', notes: state.tags}",
          "Address{street: s, floor: n, kind: 'CLOSED'}.floor + 1",
          "has(Address{street: s, floor: 1, kind: 'OPEN'}.zip)",
          "Address{street: s, floor: 1, kind: 'OPEN'}.notes",
          "[Address{street: s, floor: 1, kind: 'OPEN'}, Address{street: 'b', floor: 2, kind:"
              + " 'CLOSED'}]",
          "Address{street: s, floor: 1, kind: 'OPEN'} == Address{street: s, floor: 1, kind:"
              + " 'OPEN'}",
          "Person{name: s, homes: [Address{street: s, floor: n, kind: 'OPEN'}], statuses:"
              + " ['OPEN', state.status]}",
          "state.lines + [Line{lineId: s, qty: n, label: state.orderId}]",
          "state.lines.map(l, Address{street: l.label, floor: l.qty, kind: 'OPEN'})",
          // an empty list beside a list of records: List.of() alone would be a List<Object>
          "[Address{street: s, floor: 1, kind: 'OPEN'}] + (state.paid ? [Address{street: 'b',"
              + " floor: n, kind: 'CLOSED'}] : [])",
          "state.paid ? [] : [Address{street: s, floor: n, kind: 'OPEN'}]",
          "[] + state.lines");

  private static final int RUNS = 25;

  @TempDir static Path folder;

  private static ModelTypes types;
  private static Aggregate order;
  private static Map<String, CelType> scope;

  @BeforeAll
  static void model() throws Exception {
    Files.writeString(folder.resolve("app.yaml"), MODEL);
    ValidationReport report = new Validator(List.of()).validate(List.of(folder), folder);
    types = new ModelTypes(new ModelIndex(report.model()));
    order = report.model().aggregates().get(0);
    scope = new LinkedHashMap<>();
    scope.put("state", types.state(order));
    scope.put("user", types.user());
    scope.put("now", SimpleType.TIMESTAMP);
    scope.put("today", ModelTypes.DATE);
    scope.put("n", SimpleType.INT);
    scope.put("s", SimpleType.STRING);
  }

  @Test
  void translationsComputeWhatCelComputes() throws Exception {
    long seed = Long.getLong("translate.seed", System.nanoTime());
    System.out.println("JavaTranslatorTest seed: " + seed + " (-Dtranslate.seed=" + seed + ")");
    CheckerSession session = new CheckerSession(new ModelTypeProvider(types));
    List<CelAbstractSyntaxTree> asts =
        TABLE.stream()
            .map(text -> JavaHarness.check(session, scope, Optional.of(order), text))
            .toList();
    JavaHarness.Table table = new JavaHarness(types).table(scope, TABLE, asts);
    String source = table.source();
    CelRuntime runtime = runtime();
    RandomInputs values = new RandomInputs(types, new Random(seed), table.loader());
    int compared = 0;
    for (int run = 0; run < RUNS; run++) {
      Map<String, Object> cel = values.celInputs();
      Object[] java =
          scope.keySet().stream().map(n -> values.toJava(scope.get(n), cel.get(n))).toArray();
      for (int i = 0; i < TABLE.size(); i++) {
        Object expected = celResult(runtime, asts.get(i), cel);
        Object actual = javaResult(table.methods()[i], java);
        assertWithMessage(
                "%s on %s (seed %s)\nJava: %s",
                TABLE.get(i),
                cel,
                seed,
                source.lines().filter(l -> l.contains("return")).skip(i).findFirst().orElse(""))
            .that(actual)
            .isEqualTo(expected);
        compared++;
      }
    }
    assertThat(TABLE.size()).isAtLeast(40);
    System.out.println(
        "JavaTranslatorTest: " + TABLE.size() + " expressions, " + compared + " comparisons");
  }

  private static CelRuntime runtime() {
    return CelRuntimeFactory.plannerRuntimeBuilder()
        .setOptions(CheckerSession.OPTIONS)
        .setValueProvider(JavaTranslatorTest::newValue)
        .setTypeProvider(
            new CelTypeProvider() {
              @Override
              public com.google.common.collect.ImmutableCollection<CelType> types() {
                return com.google.common.collect.ImmutableList.of();
              }

              @Override
              public Optional<CelType> findType(String typeName) {
                return types.struct(typeName).map(ModelStruct::celType);
              }
            })
        .addLibraries(CelExtensions.strings())
        .addFunctionBindings(dev.tracepaper.engine.FunctionBindings.all())
        .build();
  }

  private static Object celResult(
      CelRuntime runtime, CelAbstractSyntaxTree ast, Map<String, Object> inputs) {
    try {
      return normal(runtime.createProgram(ast).eval(inputs));
    } catch (CelEvaluationException e) {
      if (System.getProperty("translate.debug") != null) {
        System.out.println(e.getMessage());
      }
      return "error";
    }
  }

  private static Object javaResult(Method method, Object[] inputs) throws Exception {
    try {
      return normal(method.invoke(null, inputs));
    } catch (InvocationTargetException e) {
      return "error";
    }
  }

  /**
   * CEL's value of an object literal, as maps stand for the model's structs in this test: the
   * fields given, and an empty list for a list field left out (protobuf's default, and the
   * generated record's).
   */
  private static Optional<Object> newValue(String typeName, Map<String, Object> fields) {
    Optional<ModelStruct> struct = types.struct(typeName);
    if (struct.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> value = new LinkedHashMap<>(fields);
    struct.get().fields().stream()
        .filter(f -> f.type().list())
        .forEach(f -> value.putIfAbsent(f.name(), List.of()));
    return Optional.of(value);
  }

  /** One form for both sides: plain lists, and structs as maps of the fields that have a value. */
  static Object normal(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(JavaTranslatorTest::normal).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> normal = new LinkedHashMap<>();
      map.forEach((k, v) -> normal.put(k, normal(v)));
      return normal;
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Record record) {
      Map<Object, Object> normal = new LinkedHashMap<>();
      for (java.lang.reflect.RecordComponent c : record.getClass().getRecordComponents()) {
        try {
          Object component = c.getAccessor().invoke(record);
          if (component != null) {
            normal.put(c.getName(), normal(component));
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return normal;
    }
    return value;
  }
}
