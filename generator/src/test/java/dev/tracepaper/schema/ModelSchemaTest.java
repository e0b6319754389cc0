package dev.tracepaper.schema;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.model.ModelReader;
import dev.tracepaper.source.YamlReader;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schema that editors use agrees with the loader: every example validates against it, and
 * structural mistakes that the loader rejects are rejected by the schema too.
 */
class ModelSchemaTest {

  private static final ModelSchema SCHEMA = ModelSchema.load();

  /** A small clean model; each case below changes one piece of it. */
  static final String BASE =
      """
      tracepaper: 1
      app:
        name: shop
        package: com.example.shop
        auth: {default: authenticated, roles: [clerk]}
      enums:
        OrderStatus: [OPEN, SHIPPED]
      aggregates:
        Order:
          key: orderId
          snapshotEvery: 10
          fields: {orderId: String, total: Int, status: OrderStatus}
          events:
            OrderPlaced:
              fields: {orderId: String, total: Int}
              apply: {status: "'OPEN'"}
          commands:
            PlaceOrder:
              creates: true
              auth: role:clerk
              fields: {orderId: String, total: {type: Int, min: 0}}
              rules:
                - require: command.total < 1000
                  code: TOO_LARGE
                  message: Orders above 1000 need approval
              emits: [OrderPlaced]
              tests:
                - name: places an order
                  when: {orderId: o1, total: 10}
                  then:
                    events: [{OrderPlaced: {orderId: o1, total: 10}}]
      views:
        OrderList:
          from: Order
          fields: {orderId: String, total: Int}
          queries:
            get: {}
            byTotal: {index: total}
      automations:
        AnnounceOrder:
          on: Order.OrderPlaced
          as: clerk
          secrets:
            token: {secretsManager: shop/token}
          do:
            - stopIf: event.total == 0
            - http: {method: POST, url: "'https://hooks.example/orders'", headers: {X-Token: secrets.token}}
          tests:
            - when: {orderId: o1, total: 10}
              then: [{http: {method: POST}}]
        Weekly:
          schedule: {at: 'cron(0 9 ? * MON *)', timezone: Europe/Amsterdam}
          do:
            - command: {send: Order.PlaceOrder, with: {orderId: "'weekly'", total: 0}}
          as: clerk
      """;

  static Stream<Path> exampleFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(TestPaths.examples())) {
      return walk
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !TestPaths.examples().relativize(p).startsWith("invalid"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleFiles")
  void everyExampleFileMatchesTheSchema(Path file) throws IOException {
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    assertWithMessage("schema errors in %s", file).that(SCHEMA.validateYaml(yaml)).isEmpty();
  }

  @Test
  void examplesPointEditorsAtTheSchema() throws IOException {
    for (Path file : exampleFiles().toList()) {
      String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
      assertWithMessage("first line of %s", file)
          .that(first)
          .isEqualTo("# yaml-language-server: $schema=../../docs/tracepaper-model.schema.json");
    }
  }

  @Test
  void schemaIsValidDraft202012() {
    assertThat(ModelSchema.metaSchemaErrors()).isEmpty();
    assertThat(ModelSchema.text()).contains("\"$schema\": \"" + ModelSchema.META_SCHEMA + "\"");
  }

  @Test
  void everyKeyOfTheLanguageIsDescribed() {
    JsonNode root = JsonMapper.builder().build().readTree(ModelSchema.text());
    List<String> undescribed = new ArrayList<>();
    collectUndescribed(root, "#", undescribed);
    assertThat(undescribed).isEmpty();
  }

  /** Every entry of every {@code properties} needs a description, on itself or on its target. */
  private static void collectUndescribed(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      JsonNode properties = node.get("properties");
      if (properties != null) {
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
          if (!p.getValue().has("description") && !p.getValue().has("$ref")) {
            out.add(path + "/properties/" + p.getKey());
          }
        }
      }
      for (Map.Entry<String, JsonNode> child : node.properties()) {
        collectUndescribed(child.getValue(), path + "/" + child.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectUndescribed(node.get(i), path + "/" + i, out);
      }
    }
  }

  @Test
  void theBaseModelIsCleanForBoth(@TempDir Path dir) throws IOException {
    assertThat(SCHEMA.validateYaml(BASE)).isEmpty();
    ValidationReport report = validate(dir, BASE);
    assertThat(report.diagnostics()).isEmpty();
  }

  /** Mistakes of structure: the loader reports an error, and the editor shows one too. */
  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake("unknown top-level key", "views:\n", "view:\n"),
        mistake("tracepaper: 2", "tracepaper: 1", "tracepaper: 2"),
        mistake("no tracepaper version", "tracepaper: 1\n", ""),
        mistake("unknown key in app", "  package: com.example.shop", "  packge: com.example.shop"),
        mistake("app without name", "  name: shop\n", ""),
        mistake("unknown key in app.auth", "{default: authenticated", "{defaults: authenticated"),
        mistake("bad auth mode", "auth: role:clerk", "auth: clerk"),
        mistake("bad auth mode in a list", "auth: role:clerk", "auth: [role:clerk, everyone]"),
        mistake("unknown key in an aggregate", "    snapshotEvery: 10", "    snapshotEach: 10"),
        mistake("snapshotEvery not a number", "snapshotEvery: 10", "snapshotEvery: often"),
        mistake(
            "fields as a list",
            "fields: {orderId: String, total: Int}\n    queries",
            "fields: [orderId, total]\n    queries"),
        mistake("unknown key in an event", "        apply: {status", "        applies: {status"),
        mistake(
            "upsert with an unknown key",
            "apply: {status: \"'OPEN'\"}",
            "apply: {status: {upsert: event.orderId, set: {total: event.total}}}"),
        mistake(
            "unknown key in a command",
            "        emits: [OrderPlaced]",
            "        emit: [OrderPlaced]"),
        mistake("creates not true or false", "creates: true", "creates: sometimes"),
        mistake(
            "unknown key in a field",
            "total: {type: Int, min: 0}",
            "total: {type: Int, minimum: 0}"),
        mistake("field mapping without type", "total: {type: Int, min: 0}", "total: {min: 0}"),
        mistake(
            "type that is no type name",
            "orderId: String, total: {",
            "orderId: '[String', total: {"),
        mistake("min not a number", "min: 0}", "min: zero}"),
        mistake(
            "maxLength not a whole number", "{type: Int, min: 0}", "{type: Int, maxLength: 2.5}"),
        mistake(
            "bad autoFill",
            "orderId: String, total: {",
            "orderId: {type: String, autoFill: random}, total: {"),
        mistake("rule without code", "            code: TOO_LARGE\n", ""),
        mistake(
            "unknown key in a rule", "            code: TOO_LARGE", "            error: TOO_LARGE"),
        mistake(
            "rules as a mapping",
            "        rules:\n          - require",
            "        rules:\n            require"),
        mistake(
            "emits entry naming two events",
            "emits: [OrderPlaced]",
            "emits: [{OrderPlaced: {}, OrderShipped: {}}]"),
        mistake(
            "emits entry naming two events beside an if",
            "emits: [OrderPlaced]",
            "emits: [{OrderPlaced: {}, OrderShipped: {}, if: command.total > 1}]"),
        mistake("emits entry with only an if", "emits: [OrderPlaced]", "emits: [{if: true}]"),
        mistake(
            "deleted expected as a word",
            "              events: [{",
            "              deleted: yes please\n              events: [{"),
        mistake(
            "unknown key in a test", "            when: {orderId", "            input: {orderId"),
        mistake("unknown key in then", "              events: [{", "              event: [{"),
        mistake(
            "given as a mapping of events",
            "            when: {orderId",
            "            given: {OrderPlaced: {orderId: o1, total: 1}}\n            when: {orderId"),
        mistake(
            "unknown key in as",
            "            when: {orderId",
            "            as: {user: ada}\n            when: {orderId"),
        mistake(
            "policy without on",
            "    commands:\n",
            "    policies:\n      Audit: {emits: [OrderPlaced]}\n    commands:\n"),
        mistake("unknown key in a view", "    from: Order", "    form: Order"),
        mistake(
            "retentionDays not a number",
            "    from: Order",
            "    from: Order\n    retentionDays: a year"),
        mistake("unknown key in a query", "{index: total}", "{indexBy: total}"),
        mistake(
            "view handler for a malformed event",
            "    from: Order",
            "    on:\n      Shop.Order.OrderPlaced: {key: event.orderId}"),
        mistake(
            "unknown key in a view handler",
            "    from: Order",
            "    on:\n      Order.OrderPlaced: {key: event.orderId, remove: true}"),
        mistake(
            "a view handler naming its rows by key and keys",
            "    from: Order",
            "    on:\n      Order.OrderPlaced:"
                + " {key: event.orderId, keys: '[event.orderId]', delete: true}"),
        mistake(
            "event version not a number",
            "        apply: {status",
            "        version: two\n        apply: {status"),
        mistake(
            "event version key not a number",
            "        apply: {status",
            "        version: 2\n        versions: {first: {fields: {orderId: String}}}\n        apply: {status"),
        mistake(
            "unknown key in an event version",
            "        apply: {status",
            "        version: 2\n        versions: {1: {fields: {orderId: String}, upcasts: {}}}\n        apply: {status"),
        mistake(
            "retired not true or false",
            "        apply: {status",
            "        retired: soon\n        apply: {status"),
        mistake(
            "enum mapping without values",
            "OrderStatus: [OPEN, SHIPPED]",
            "OrderStatus: {description: Where an order is}"),
        mistake(
            "unknown key in an enum",
            "OrderStatus: [OPEN, SHIPPED]",
            "OrderStatus: {values: [OPEN], label: Status}"),
        mistake(
            "unknown key in an automation",
            "    as: clerk\n    secrets",
            "    role: clerk\n    secrets"),
        mistake(
            "an automation with two triggers",
            "    on: Order.OrderPlaced\n",
            "    on: Order.OrderPlaced\n    afterDeployment: true\n"),
        mistake(
            "an unknown activity",
            "      - stopIf: event.total == 0",
            "      - stop: event.total == 0"),
        mistake(
            "a secret kept nowhere known", "{secretsManager: shop/token}", "{vault: shop/token}"),
        mistake("an unknown key in an activity", "headers: {X-Token", "header: {X-Token"),
        mistake(
            "a test expecting no known activity",
            "then: [{http: {method: POST}}]",
            "then: [{sms: {to: x}}]"));
  }

  private static Arguments mistake(String name, String find, String replace) {
    return Arguments.of(name, find, replace);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void structuralMistakeIsRejectedByLoaderAndSchema(
      String name, String find, String replace, @TempDir Path dir) throws IOException {
    assertWithMessage("the base model contains the text to change").that(BASE).contains(find);
    String yaml = BASE.replace(find, replace);
    ValidationReport report = validate(dir, yaml);
    assertWithMessage("the loader rejects: %s\n%s", name, yaml).that(report.hasErrors()).isTrue();
    assertWithMessage("the schema rejects: %s\n%s", name, yaml)
        .that(SCHEMA.validateYaml(yaml))
        .isNotEmpty();
  }

  /** Shorthands the loader reads: the schema must not flag them in the editor. */
  static Stream<Arguments> shorthands() {
    return Stream.of(
        mistake("one role instead of a list", "roles: [clerk]", "roles: clerk"),
        mistake("a list of auth modes", "auth: role:clerk", "auth: [role:clerk, iam, anonymous]"),
        mistake("one event instead of a list", "emits: [OrderPlaced]", "emits: OrderPlaced"),
        mistake(
            "emits with mappings",
            "emits: [OrderPlaced]",
            "emits:\n          - OrderPlaced: {total: command.total + 0}"),
        mistake(
            "enum as values and description",
            "OrderStatus: [OPEN, SHIPPED]",
            "OrderStatus: {values: [OPEN, SHIPPED], description: Where an order is}"),
        mistake(
            "given state",
            "            when: {orderId",
            "            given: {state: {orderId: o1, total: 1}}\n            when: {orderId"),
        mistake(
            "given events",
            "            when: {orderId",
            "            given:\n              - OrderPlaced: {orderId: o1, total: 1}\n"
                + "              - OrderPlaced\n            when: {orderId"),
        mistake(
            "caller",
            "            when: {orderId",
            "            as: {name: ada, roles: clerk}\n            when: {orderId"),
        mistake(
            "deleted in apply",
            "apply: {status: \"'OPEN'\"}",
            "apply: {status: \"'OPEN'\", deleted: true}"),
        mistake(
            "a boolean or number as an expression",
            "apply: {status: \"'OPEN'\"}",
            "apply: {total: 0, status: \"'OPEN'\"}"),
        mistake(
            "an event's history",
            "        apply: {status",
            "        version: 2\n"
                + "        renamedFrom: OrderSubmitted\n"
                + "        versions:\n"
                + "          1:\n"
                + "            fields: {orderId: String, amount: Int}\n"
                + "            upcast: {total: old.amount}\n"
                + "        apply: {status"),
        mistake(
            "a given event of an older version",
            "            when: {orderId",
            "            given:\n              - OrderPlaced@1: {orderId: o1, amount: 1}\n"
                + "            when: {orderId"),
        mistake(
            "an event emitted only under a condition",
            "emits: [OrderPlaced]",
            "emits:\n          - OrderPlaced: {total: command.total + 0}\n"
                + "            if: command.total > 0\n"
                + "          - OrderPlaced:\n"
                + "            if: command.total == 0"),
        mistake("create or update", "creates: true", "creates: ifMissing"),
        mistake(
            "a view handler naming several rows",
            "    from: Order",
            "    on:\n      Order.OrderPlaced: {keys: '[event.orderId]', delete: true}"),
        mistake(
            "deleted expected",
            "              events: [{",
            "              deleted: false\n              events: [{"),
        mistake("empty sections", "views:\n", "patterns:\ntypes:\nviews:\n"),
        mistake("a quoted version", "tracepaper: 1", "tracepaper: '1'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shorthands")
  void shorthandIsAcceptedByLoaderAndSchema(String name, String find, String replace) {
    assertWithMessage("the base model contains the text to change").that(BASE).contains(find);
    String yaml = BASE.replace(find, replace);
    List<Diagnostic> loadErrors =
        new ModelReader()
            .read(List.of(new YamlReader().read(yaml, "shorthand.yaml"))).diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .toList();
    assertWithMessage("the loader reads: %s\n%s", name, yaml).that(loadErrors).isEmpty();
    assertWithMessage("the schema accepts: %s\n%s", name, yaml)
        .that(SCHEMA.validateYaml(yaml))
        .isEmpty();
  }

  /**
   * An event whose value type changed: the older version names the stored shape, kept as a type,
   * and gives the new type's field by its path. The schema and the validator both accept it.
   */
  @Test
  void olderShapeOfAValueTypeIsAcceptedBySchemaAndValidator(@TempDir Path dir) throws IOException {
    String yaml =
        BASE.replace(
                "enums:\n",
                "types:\n"
                    + "  Address: {street: String, country: String}\n"
                    + "  AddressV1: {street: String}\n"
                    + "enums:\n")
            .replace(
                "      OrderPlaced:\n        fields: {orderId: String, total: Int}\n",
                "      OrderPlaced:\n"
                    + "        version: 2\n"
                    + "        fields: {orderId: String, total: Int, shipTo: '[Address]'}\n"
                    + "        versions:\n"
                    + "          1:\n"
                    + "            fields: {orderId: String, total: Int, shipTo: '[AddressV1]'}\n"
                    + "            upcast: {shipTo.country: \"'NL'\"}\n")
            .replace(
                "fields: {orderId: String, total: {type: Int, min: 0}}",
                "fields: {orderId: String, total: {type: Int, min: 0},"
                    + " shipTo: {type: '[Address]', default: []}}");
    assertWithMessage("the schema accepts\n%s", yaml).that(SCHEMA.validateYaml(yaml)).isEmpty();
    ValidationReport report = validate(dir, yaml);
    assertWithMessage("the validator accepts\n%s", yaml)
        .that(
            report.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::toString)
                .toList())
        .isEmpty();
    assertThat(yaml).contains("shipTo.country");
  }

  private static ValidationReport validate(Path dir, String yaml) throws IOException {
    Path file = dir.resolve("model.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return new Validator().validate(List.of(file), dir);
  }
}
