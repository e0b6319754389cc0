package dev.tracepaper.property;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.cli.Main;
import dev.tracepaper.tools.Jdks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Domain words are free (issue 15): a model whose fields, variables, events, commands, policies,
 * types, enums, entities and views are named like Java keywords, record methods, CEL keywords and
 * the classes generated code uses (src/test/resources/words) validates, generates a project that
 * compiles as its own build compiles it, and passes the tests of its model. The API keeps the
 * domain's words; only the Java is escaped.
 */
class DomainWordsTest {

  @TempDir Path temp;

  @Test
  void aModelOfWordsReservedInGeneratedCodeCompilesAndPassesItsTests() throws Exception {
    Path model = TestPaths.root().resolve("generator/src/test/resources/words");
    Path out = temp.resolve("words");
    StringWriter output = new StringWriter();
    int exit =
        Main.run(
            new String[] {"generate", model.toString(), "-o", out.toString(), "-q"},
            new PrintWriter(output),
            new PrintWriter(output));
    assertWithMessage(output.toString()).that(exit).isEqualTo(0);

    String src = "src/main/java/com/example/words/";
    // Java escapes the words: members with a trailing underscore, classes with their kind.
    assertThat(read(out, src + "types/ObjectType.java"))
        .contains(
            "public record ObjectType(\n    String class_,\n    long default_,\n    long in)");
    assertThat(read(out, src + "record/RecordState.java")).contains("String hashCode_,");
    assertThat(read(out, src + "record/InputFlow.java")).contains("var new_ = ");
    assertThat(read(out, src + "record/RecordCommandHandler.java"))
        .contains("case \"class\" -> class_(request, input, metadata);");
    // A type or enum named like a class of an aggregate's package gets its kind; a projection
    // names the aggregate's class its view's row shares a name with in full.
    assertThat(read(out, src + "record/RecordState.java"))
        .contains("    RecordStateEnum stage,\n    List<RecordEventType> history)");
    assertThat(read(out, src + "views/RecordAggregateProjection.java"))
        .contains("Optional.of(com.example.words.record.RecordAggregate.TYPE)");
    assertThat(read(out, src + "views/NewProjection.java"))
        .contains("com.example.words.record.New.fromJson(");
    // The API, the stored JSON and the view rows keep them as the domain writes them.
    assertThat(read(out, src + "types/ObjectType.java"))
        .contains("JsonValues.put(json, \"class\", value.class_());");
    String schema = read(out, "schema.graphql");
    assertThat(schema).contains("type Object {\n  class: String\n");
    assertThat(schema).contains("enum RecordState {");
    assertThat(schema).contains("type RecordEvent {");
    assertThat(schema).contains("  class(input: ClassInput!, commandId: ID): CommandResult!");
    assertThat(schema).contains("optionalsByClass(class: Set!");

    Path jdk =
        Jdks.forGeneratedProjects().orElseThrow(() -> new AssertionError(Jdks.missingMessage()));
    Path classpath = CompiledProjects.testClasspath(out, jdk, temp);
    Map<Path, String> compiled =
        CompiledProjects.compile(jdk, classpath, CompiledProjects.motoOnPath(), List.of(out));
    assertWithMessage("the project does not compile or fails its model's tests")
        .that(compiled.get(out))
        .isEqualTo("ok");
  }

  private static String read(Path project, String file) throws Exception {
    return Files.readString(project.resolve(file), UTF_8);
  }
}
