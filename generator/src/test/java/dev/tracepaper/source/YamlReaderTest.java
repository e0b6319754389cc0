package dev.tracepaper.source;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.diagnostic.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  private final YamlReader reader = new YamlReader();

  private static Diagnostic only(YamlFile file) {
    assertThat(file.diagnostics()).hasSize(1);
    return file.diagnostics().get(0);
  }

  @Test
  void readsNodesWithTheirPlaces() {
    YamlFile file = reader.read("tracepaper: 1\napp:\n  name: 'shop'\n", "m.yaml");

    assertThat(file.diagnostics()).isEmpty();
    MappingNode app = (MappingNode) file.root().orElseThrow().get("app").orElseThrow();
    ScalarNode name = (ScalarNode) app.get("name").orElseThrow();
    assertThat(name.value()).isEqualTo("shop");
    assertThat(name.location()).isEqualTo(SourceLocation.of("m.yaml", 3, 9));
    assertThat(name.contentLocation()).isEqualTo(SourceLocation.of("m.yaml", 3, 10));
    assertThat(app.entries().get(0).key().location()).isEqualTo(SourceLocation.of("m.yaml", 3, 3));
  }

  @Test
  void resolvesScalarKindsByTheCoreSchema() {
    MappingNode root =
        reader
            .read("a: 1\nb: 1.5\nc: true\nd: ~\ne: '1'\nf: text\n", "m.yaml")
            .root()
            .orElseThrow();

    assertThat(kind(root, "a")).isEqualTo(ScalarNode.Kind.INT);
    assertThat(kind(root, "b")).isEqualTo(ScalarNode.Kind.FLOAT);
    assertThat(kind(root, "c")).isEqualTo(ScalarNode.Kind.BOOLEAN);
    assertThat(kind(root, "d")).isEqualTo(ScalarNode.Kind.NULL);
    assertThat(kind(root, "e")).isEqualTo(ScalarNode.Kind.STRING);
    assertThat(kind(root, "f")).isEqualTo(ScalarNode.Kind.STRING);
  }

  private static ScalarNode.Kind kind(MappingNode root, String key) {
    return ((ScalarNode) root.get(key).orElseThrow()).kind();
  }

  @Test
  void reportsADuplicateKeyWithBothPlaces() {
    YamlFile file = reader.read("a: 1\nb: 2\na: 3\n", "m.yaml");

    Diagnostic d = only(file);
    assertThat(d.id()).isEqualTo("YamlDuplicateKey");
    assertThat(d.location()).isEqualTo(SourceLocation.of("m.yaml", 3, 1));
    assertThat(d.related()).containsExactly(SourceLocation.of("m.yaml", 1, 1));
    assertThat(d.message()).contains("first given at line 1");
  }

  @Test
  void stopsAnAliasBombQuickly() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      yaml.append("a%d: &a%d [".formatted(i, i));
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    long start = System.nanoTime();
    YamlFile file = reader.read(yaml.toString(), "bomb.yaml");

    assertThat(only(file).id()).isEqualTo("YamlAliasLimit");
    assertThat(file.root()).isEmpty();
    // Not a timing assertion of speed, only of termination: expansion would take forever.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void locatesACharacterYamlDoesNotAllow() {
    YamlFile file = reader.read("a: 1\nb: x\u0000y\n", "m.yaml");

    Diagnostic d = only(file);
    assertThat(d.id()).isEqualTo("YamlSyntax");
    assertThat(d.location()).isEqualTo(SourceLocation.of("m.yaml", 2, 5));
    assertThat(d.message()).contains("U+0000");
  }

  @Test
  void reusesAFewAliasesAsWritten() {
    YamlFile file = reader.read("base: &b {a: 1}\nother: *b\n", "m.yaml");

    assertThat(file.diagnostics()).isEmpty();
    assertThat(file.root().orElseThrow().get("other").orElseThrow())
        .isInstanceOf(MappingNode.class);
  }

  @Test
  void refusesDeepNestingWithoutOverflowingTheStack() {
    String deep = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

    Diagnostic d = only(reader.read(deep, "deep.yaml"));

    assertThat(d.id()).isEqualTo("YamlTooDeep");
    assertThat(d.location().line()).isEqualTo(1);
  }

  @Test
  void pointsAtATabUsedForIndentation() {
    Diagnostic d = only(reader.read("app:\n\tname: shop\n", "m.yaml"));

    assertThat(d.id()).isEqualTo("YamlTab");
    assertThat(d.location()).isEqualTo(SourceLocation.of("m.yaml", 2, 1));
  }

  @Test
  void acceptsTabsInsideValues() {
    assertThat(reader.read("a: \"x\\ty\"\nb: 'tab\there'\n", "m.yaml").diagnostics()).isEmpty();
  }

  @Test
  void locatesTheFirstByteThatIsNotUtf8() {
    byte[] bytes = "a: 1\nb: caf\u00e9\nc: x".getBytes(StandardCharsets.ISO_8859_1);

    Diagnostic d = only(reader.read(bytes, "latin1.yaml"));

    assertThat(d.id()).isEqualTo("YamlEncoding");
    assertThat(d.location()).isEqualTo(SourceLocation.of("latin1.yaml", 2, 7));
    assertThat(d.message()).contains("0xE9");
  }

  @Test
  void skipsAByteOrderMark() {
    byte[] bytes = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8);

    assertThat(reader.read(bytes, "bom.yaml").diagnostics()).isEmpty();
  }

  @Test
  void explainsAFileThatIsNotAMapping() {
    assertThat(only(reader.read("- a\n- b\n", "list.yaml")).id()).isEqualTo("YamlNotAMapping");
    assertThat(only(reader.read("just text\n", "text.yaml")).id()).isEqualTo("YamlNotAMapping");
  }

  @Test
  void explainsAnEmptyFile() {
    for (String empty : List.of("", "\n\n", "# only a comment\n", "~\n")) {
      assertThat(only(reader.read(empty, "empty.yaml")).id()).isEqualTo("YamlEmpty");
    }
  }

  @Test
  void refusesSeveralDocumentsInOneFile() {
    Diagnostic d = only(reader.read("a: 1\n---\nb: 2\n", "two.yaml"));

    assertThat(d.id()).isEqualTo("YamlMultipleDocuments");
    assertThat(d.location().line()).isEqualTo(3);
  }

  @Test
  void locatesASyntaxError() {
    Diagnostic d = only(reader.read("a: [1, 2\nb: 3\n", "broken.yaml"));

    assertThat(d.id()).isEqualTo("YamlSyntax");
    assertThat(d.location().file()).isEqualTo("broken.yaml");
    assertThat(d.location().line()).isAtLeast(1);
  }

  @Test
  void refusesAKeyThatIsACollection() {
    YamlFile file = reader.read("? [a, b]\n: 1\nc: 2\n", "m.yaml");

    assertThat(only(file).id()).isEqualTo("YamlComplexKey");
    assertThat(file.root().orElseThrow().get("c")).isPresent();
  }

  @Test
  void refusesAFileOverTheSizeLimit() {
    YamlReader small = new YamlReader(new ReadLimits(64, 64, 10, 1000));

    Diagnostic d =
        only(small.read(("a: " + "x".repeat(100)).getBytes(StandardCharsets.UTF_8), "big.yaml"));

    assertThat(d.id()).isEqualTo("YamlTooLarge");
  }

  @Test
  void refusesTooManyNodes() {
    YamlReader small = new YamlReader(new ReadLimits(1 << 20, 64, 10, 100));
    StringBuilder yaml = new StringBuilder("a: [");
    for (int i = 0; i < 200; i++) {
      yaml.append(i).append(", ");
    }
    yaml.append("0]\n");

    assertThat(only(small.read(yaml.toString(), "many.yaml")).id()).isEqualTo("YamlTooLarge");
  }
}
