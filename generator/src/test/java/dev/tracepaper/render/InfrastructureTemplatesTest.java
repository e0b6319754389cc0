package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.tools.ExternalTool;
import graphql.ParseAndValidate;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The infrastructure templates (schema, resolver, SAM template, samconfig, README) rendered for the
 * library example: the schema validates as AppSync's, the template passes cfn-lint without errors
 * or warnings, the resolver runs in node, the README's examples are valid mutations; and the schema
 * and template still pass when every description is hostile text.
 */
class InfrastructureTemplatesTest {

  /** Every character class the issue names, in one description. */
  static final String HOSTILE =
      "Quote \" backslash \\ \\u0022 end */ ${x} #{y} <#if x> [=z] @param {@code c}\n"
          + "line\r\nCRLF\ttab \u0000 NUL7 DEL\u007F caf\u00E9 \u65E5\u672C \uD83D\uDE00"
          + " \u202Ebidi\u202C zero\u200Bwidth \u2028 `${y}` </script> - null: true ~ # ";

  private static final String RESOLVER = "src/main/resources/resolvers/Mutation.js";

  private final TemplateEngine engine = TemplateEngine.fromClasspath();

  @TempDir Path out;

  @Test
  void theLibrarySchemaValidatesWithItsDirectives() throws Exception {
    String sdl = render("schema.graphql.ftl", library());
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
    assertThat(schema.getQueryType().getFieldDefinition("ping")).isNotNull();
  }

  @Test
  void theLibraryTemplatePassesCfnLint() throws Exception {
    ExternalTool cfnLint = ExternalTool.requireOrSkip("cfn-lint", "linting template.yaml");
    ProjectData library = library();
    write("template.yaml", render("template.yaml.ftl", library));
    assertLints(cfnLint);
    String template = Files.readString(out.resolve("template.yaml"), UTF_8);
    assertThat(template).contains("CodeS3Location: " + RESOLVER);
    assertThat(template).doesNotContain("ApiKey:");
  }

  @Test
  void theResolverRunsUnderNode() throws Exception {
    ExternalTool node = ExternalTool.requireOrSkip("node", "running the AppSync resolver");
    write(RESOLVER, render("src/main/resources/resolvers/Mutation.js.ftl", library()));
    // The resolver imports @aws-appsync/utils, which AppSync provides: a stub stands in.
    write("package.json", "{\"type\": \"module\"}\n");
    Path utils = out.resolve("node_modules/@aws-appsync/utils");
    write(
        "node_modules/@aws-appsync/utils/package.json",
        "{\"name\": \"@aws-appsync/utils\", \"type\": \"module\", \"exports\": \"./index.js\"}\n");
    Files.writeString(utils.resolve("index.js"), resource("utils-stub.mjs"), UTF_8);
    write("check.mjs", resource("check-mutation-resolver.mjs"));
    ExternalTool.Result result = node.run(out, "check.mjs", out.resolve(RESOLVER).toString());
    assertWithMessage(result.output()).that(result.exitCode()).isEqualTo(0);
  }

  @Test
  void theReadmeExamplesAreValidMutations() throws Exception {
    ProjectData library = library();
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", library));
    String readme = render("README.md.ftl", library);
    List<String> examples = graphqlBlocks(readme);
    assertThat(examples).hasSize(library.commands().size());
    for (String example : examples) {
      List<ValidationError> errors = ParseAndValidate.validate(schema, Parser.parse(example));
      assertWithMessage(example).that(errors).isEmpty();
    }
  }

  @Test
  void everyAuthTypeAtOnceValidatesAndLints() throws Exception {
    // The library, open to anonymous callers by default, with commands for IAM callers too.
    Path model = out.resolve("model");
    Files.createDirectories(model);
    for (String file : List.of("app.yaml", "catalog.yaml", "membership.yaml")) {
      String text = Files.readString(TestPaths.examples().resolve("library").resolve(file), UTF_8);
      Files.writeString(
          model.resolve(file),
          text.replace("default: authenticated", "default: anonymous")
              .replace("auth: role:member", "auth: [iam, role:member]"),
          UTF_8);
    }
    ProjectData open = ModelProjects.of(model);
    assertThat(open.api().defaultAuthType()).isEqualTo("API_KEY");
    assertThat(open.api().additionalAuthTypes())
        .containsExactly("AMAZON_COGNITO_USER_POOLS", "AWS_IAM")
        .inOrder();
    String sdl = render("schema.graphql.ftl", open);
    AppSyncSchema.validate(sdl);
    assertThat(sdl).contains("type CommandResult @aws_cognito_user_pools @aws_iam {");
    assertThat(sdl)
        .contains(
            "reportLoanLost(input: ReportLoanLostInput!, commandId: ID): CommandResult!"
                + " @aws_cognito_user_pools(cognito_groups: [\"member\"]) @aws_iam");
    ExternalTool cfnLint = ExternalTool.requireOrSkip("cfn-lint", "linting template.yaml");
    write("template.yaml", render("template.yaml.ftl", open));
    assertLints(cfnLint);
    String template = Files.readString(out.resolve("template.yaml"), UTF_8);
    assertThat(template).contains("AuthenticationType: API_KEY");
    assertThat(template).contains("Value: !GetAtt ApiKey.ApiKey");
  }

  @ParameterizedTest
  @ValueSource(strings = {"library", "clinic", "projects"})
  void everyExampleValidatesAndLints(String example) throws Exception {
    ProjectData project = ModelProjects.of(TestPaths.examples().resolve(example));
    AppSyncSchema.validate(render("schema.graphql.ftl", project));
    ExternalTool cfnLint = ExternalTool.requireOrSkip("cfn-lint", "linting template.yaml");
    write("template.yaml", render("template.yaml.ftl", project));
    assertLints(cfnLint);
  }

  @Test
  void samconfigNamesTheStackAfterTheApp() throws Exception {
    String samconfig = render("samconfig.toml.ftl", library());
    assertThat(samconfig).contains("stack_name = \"library\"");
    assertThat(samconfig).contains("capabilities = \"CAPABILITY_IAM\"");
    assertThat(samconfig).contains("resolve_s3 = true");
  }

  @Test
  void hostileDescriptionsStillValidateAndReadBackExactly() throws Exception {
    ProjectData hostile = ModelProjects.describedAs(library(), HOSTILE);
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", hostile));
    assertThat(schema.getMutationType().getFieldDefinition("lendBook").getDescription())
        .isEqualTo(HOSTILE);
    assertThat(schema.getType("BookStatus")).isNotNull();
    assertThat(((GraphQLNamedType) schema.getType("AddressInput")).getDescription())
        .isEqualTo(HOSTILE);
    render("README.md.ftl", hostile);
  }

  @Test
  void hostileDescriptionsStillGiveATemplateThatLints() throws Exception {
    ExternalTool cfnLint = ExternalTool.requireOrSkip("cfn-lint", "linting template.yaml");
    write(
        "template.yaml",
        render("template.yaml.ftl", ModelProjects.describedAs(library(), HOSTILE)));
    assertLints(cfnLint);
  }

  private void assertLints(ExternalTool cfnLint) throws Exception {
    ExternalTool.Result result = cfnLint.run(out, "template.yaml");
    assertWithMessage("cfn-lint template.yaml reported:\n" + result.output())
        .that(result.exitCode())
        .isEqualTo(0);
  }

  private static List<String> graphqlBlocks(String markdown) {
    Matcher blocks = Pattern.compile("```graphql\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    List<String> found = new ArrayList<>();
    while (blocks.find()) {
      found.add(blocks.group(1));
    }
    return found;
  }

  private static ProjectData library() {
    return ModelProjects.of(TestPaths.examples().resolve("library"));
  }

  private String render(String template, ProjectData project) throws Exception {
    String text = engine.render(template, Map.of("project", project));
    String dump = System.getProperty("infra.dump");
    if (dump != null) {
      Path file = Path.of(dump).resolve(template.replaceFirst("\\.ftl$", ""));
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, UTF_8);
    }
    return text;
  }

  private void write(String relative, String text) throws IOException {
    Path file = out.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, UTF_8);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        InfrastructureTemplatesTest.class.getResourceAsStream("/appsync/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource appsync/" + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
