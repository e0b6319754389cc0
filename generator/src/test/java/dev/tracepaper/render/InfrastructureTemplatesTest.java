package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.tools.AutomationModels;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The infrastructure templates (schema, resolver, SAM template, samconfig, README) rendered from
 * the examples: every schema validates as AppSync's, every template passes cfn-lint without errors
 * or warnings, the resolver runs in node, the README's examples are valid mutations; and all of
 * that still holds when every description is hostile text, or when every auth type is in use.
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
  void theLibrarySchemaHasAMutationPerCommandWithItsDirectives() throws Exception {
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
    assertThat(sdl).contains("type CommandResult {");
    assertThat(schema.getType("AddressInput")).isNotNull();
    assertThat(schema.getType("LoanInput")).isNotNull();
    assertThat(schema.getQueryType().getFieldDefinition("getBookAvailability")).isNotNull();
    assertThat(schema.getQueryType().getFieldDefinition("ping")).isNull();
  }

  @Test
  void everySchemaValidatesAsAppSyncs() throws Exception {
    for (Map.Entry<String, ProjectData> variant : variants().entrySet()) {
      try {
        AppSyncSchema.validate(render("schema.graphql.ftl", variant.getValue()));
      } catch (AssertionError e) {
        throw new AssertionError(variant.getKey() + ": " + e.getMessage(), e);
      }
    }
  }

  /** One cfn-lint run for every variant: each run costs seconds, mostly its start. */
  @Test
  void everyTemplatePassesCfnLint() throws Exception {
    ExternalTool cfnLint = ExternalTool.requireOrSkip("cfn-lint", "linting template.yaml");
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, ProjectData> variant : variants().entrySet()) {
      for (Map.Entry<String, String> template :
          StackTemplates.of(engine, variant.getValue()).entrySet()) {
        String file = variant.getKey() + "/" + template.getKey();
        write(file, template.getValue());
        files.add(file);
      }
    }
    ExternalTool.Result result = cfnLint.run(out, files.toArray(String[]::new));
    assertWithMessage("cfn-lint reported:\n" + result.output())
        .that(result.exitCode())
        .isEqualTo(0);
  }

  @Test
  void theLibraryTemplateWiresTheSharedResolverAndNoApiKey() throws Exception {
    String template = StackTemplates.joined(engine, library());
    // The resolvers are in the nested stacks, one folder down from the project.
    assertThat(template).contains("CodeS3Location: ../" + RESOLVER);
    assertThat(template).contains("LambdaFunctionArn: !Ref BookCommandFunction.Alias");
    assertThat(template).contains("- !Ref MembershipCommandFunction.Alias");
    assertThat(template).contains("AuthenticationType: AMAZON_COGNITO_USER_POOLS");
    // Its one other type is IAM, with which the projector publishes the rows of the view that
    // notifies (BookAvailability); no field of its users needs one.
    assertThat(template)
        .contains(
            "      AdditionalAuthenticationProviders:\n        - AuthenticationType: AWS_IAM\n\n");
    assertThat(template).doesNotContain("ApiKey:");
    assertThat(template).contains("GroupName: \"librarian\"");
  }

  @Test
  void everyAuthTypeAtOnce() throws Exception {
    ProjectData open = openLibrary();
    assertThat(open.api().defaultAuthType()).isEqualTo("API_KEY");
    assertThat(open.api().additionalAuthTypes())
        .containsExactly("AMAZON_COGNITO_USER_POOLS", "AWS_IAM")
        .inOrder();
    String sdl = render("schema.graphql.ftl", open);
    assertThat(sdl).contains("type CommandResult @aws_cognito_user_pools @aws_iam {");
    assertThat(sdl)
        .contains(
            "reportLoanLost(input: ReportLoanLostInput!, commandId: ID): CommandResult!"
                + " @aws_cognito_user_pools(cognito_groups: [\"member\"]) @aws_iam");
    String template = render("template.yaml.ftl", open);
    assertThat(template).contains("AuthenticationType: API_KEY");
    assertThat(template).contains("- AuthenticationType: AMAZON_COGNITO_USER_POOLS");
    assertThat(template).contains("- AuthenticationType: AWS_IAM");
    assertThat(template).contains("Value: !GetAtt ApiKey.ApiKey");
  }

  /**
   * The generated pom adds an SDK client for each service the model's automations reach, and
   * Mustache when one fills a template: the runtime holds them as optional.
   */
  @Test
  void thePomHasTheClientsTheAutomationsUse() throws Exception {
    assertThat(dependencies(render("pom.xml.ftl", library())))
        .containsExactly(
            "dev.tracepaper:tracepaper-runtime",
            "software.amazon.awssdk:sesv2",
            "software.amazon.awssdk:s3",
            "software.amazon.awssdk:secretsmanager",
            "com.samskivert:jmustache",
            "dev.tracepaper:tracepaper-runtime",
            "org.junit.jupiter:junit-jupiter")
        .inOrder();
    // The clinic's automation sends a command only.
    assertThat(
            dependencies(
                render("pom.xml.ftl", ModelProjects.of(TestPaths.examples().resolve("clinic")))))
        .containsExactly(
            "dev.tracepaper:tracepaper-runtime",
            "dev.tracepaper:tracepaper-runtime",
            "org.junit.jupiter:junit-jupiter")
        .inOrder();
    assertThat(
            dependencies(
                render(
                    "pom.xml.ftl",
                    ModelProjects.of(
                        AutomationModels.clinicWithDeployment(out.resolve("deployment-pom"))))))
        .containsAtLeast("software.amazon.awssdk:ssm", "software.amazon.awssdk:secretsmanager");
    String pom = render("pom.xml.ftl", library());
    // The same HTTP client as the runtime's: the SDK's others are left out.
    int ses = pom.indexOf("<artifactId>sesv2</artifactId>");
    assertThat(pom.substring(ses, pom.indexOf("</dependency>", ses)))
        .contains("<artifactId>apache-client</artifactId>");
    assertThat(pom).contains("<artifactId>jmustache</artifactId>\n      <version>1.16</version>");
  }

  /** The dependencies of a pom, {@code group:artifact}, in order. */
  private static List<String> dependencies(String pom) {
    Matcher dependency =
        Pattern.compile(
                "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>")
            .matcher(pom.substring(pom.indexOf("</dependencyManagement>")));
    List<String> found = new ArrayList<>();
    while (dependency.find()) {
      found.add(dependency.group(1) + ":" + dependency.group(2));
    }
    return found;
  }

  /**
   * {@code sam build} runs {@code make build-<LogicalId>}: each automation's function has one,
   * which gives it the automations' jar (DeployPathTest builds and splits the jars).
   */
  @Test
  void theMakefileBuildsEveryAutomationFunction() throws Exception {
    ExternalTool make = ExternalTool.requireOrSkip("make", "the Makefile that sam build runs");
    ProjectData project = library();
    write("Makefile", render("Makefile.ftl", project));
    write("pom.xml", "");
    write(".mvn/wrapper/maven-wrapper.properties", "");
    write("src/main/java/Stub.java", "");
    assertThat(project.automationResources()).hasSize(3);
    for (var automation : project.automationResources()) {
      ExternalTool.Result result =
          make.run(
              out,
              "-n",
              "build-" + automation.functionLogicalId(),
              "ARTIFACTS_DIR=" + out.resolve("artifacts/" + automation.functionLogicalId()));
      assertWithMessage(result.output()).that(result.exitCode()).isEqualTo(0);
      assertThat(result.output())
          .contains(
              "cp "
                  + out.resolve("target/library-automations.jar")
                  + " \""
                  + out.resolve("artifacts/" + automation.functionLogicalId())
                  + "/lib/\"");
    }
  }

  @Test
  void theResolverRunsUnderNode() throws Exception {
    ExternalTool node = ExternalTool.requireOrSkip("node", "running the AppSync resolver");
    write(RESOLVER, render("src/main/resources/resolvers/Mutation.js.ftl", library()));
    // The resolver imports @aws-appsync/utils, which AppSync provides: a stub stands in.
    write("package.json", "{\"type\": \"module\"}\n");
    write(
        "node_modules/@aws-appsync/utils/package.json",
        "{\"name\": \"@aws-appsync/utils\", \"type\": \"module\", \"exports\": \"./index.js\"}\n");
    write("node_modules/@aws-appsync/utils/index.js", resource("utils-stub.mjs"));
    write("check.mjs", resource("check-mutation-resolver.mjs"));
    ExternalTool.Result result = node.run(out, "check.mjs", out.resolve(RESOLVER).toString());
    assertWithMessage(result.output()).that(result.exitCode()).isEqualTo(0);
  }

  @Test
  void theReadmeExamplesAreValidOperations() throws Exception {
    for (String example : List.of("library", "clinic", "projects")) {
      ProjectData project = ModelProjects.of(TestPaths.examples().resolve(example));
      GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", project));
      List<String> blocks = graphqlBlocks(render("README.md.ftl", project));
      assertThat(blocks.stream().filter(b -> b.startsWith("mutation")).toList())
          .hasSize(project.commands().size());
      for (String mutation : blocks) {
        List<ValidationError> errors = ParseAndValidate.validate(schema, Parser.parse(mutation));
        assertWithMessage(example + ":\n" + mutation).that(errors).isEmpty();
      }
    }
  }

  @Test
  void samconfigHasAStackPerStageAndTheDefaultIsDev() throws Exception {
    String samconfig = render("samconfig.toml.ftl", library());
    assertThat(samconfig).contains("[default.global.parameters]\nstack_name = \"library-dev\"\n");
    assertThat(samconfig).contains("[dev.global.parameters]\nstack_name = \"library-dev\"\n");
    assertThat(samconfig).contains("[prod.global.parameters]\nstack_name = \"library-prod\"\n");
    assertThat(samconfig)
        .contains(
            "s3_prefix = \"library-prod\"\nconfirm_changeset = true\n"
                + "parameter_overrides = \"Stage=prod\"\ntags = \"app=library stage=prod\"\n");
    // Nested stacks hold the SAM transform; the file is a stub, so it allows them before the model
    // has any.
    assertThat(samconfig.split("capabilities = \"CAPABILITY_IAM CAPABILITY_AUTO_EXPAND\"", -1))
        .hasLength(4);
    assertThat(samconfig.split("resolve_s3 = true", -1)).hasLength(4);
  }

  @Test
  void hostileDescriptionsReadBackExactly() throws Exception {
    ProjectData hostile = ModelProjects.describedAs(library(), HOSTILE);
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql.ftl", hostile));
    assertThat(schema.getMutationType().getFieldDefinition("lendBook").getDescription())
        .isEqualTo(HOSTILE);
    assertThat(((GraphQLNamedType) schema.getType("AddressInput")).getDescription())
        .isEqualTo(HOSTILE);
    assertThat(((GraphQLNamedType) schema.getType("BookStatus")).getDescription())
        .isEqualTo(HOSTILE);
    assertThat(render("README.md.ftl", hostile)).contains(HOSTILE);
    assertThat(
            scalar(render("template.yaml.ftl", hostile), "Metadata", "Tracepaper", "Description"))
        .isEqualTo(HOSTILE);
  }

  /** A scalar of a YAML document by its keys, without constructing CloudFormation's tags. */
  private static String scalar(String yaml, String... keys) {
    Node node = new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow();
    for (String key : keys) {
      node =
          ((MappingNode) node)
              .getValue().stream()
                  .filter(t -> ((ScalarNode) t.getKeyNode()).getValue().equals(key))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no key " + key))
                  .getValueNode();
    }
    return ((ScalarNode) node).getValue();
  }

  /** Every data model the schema and template must pass with. */
  private Map<String, ProjectData> variants() throws IOException {
    Map<String, ProjectData> variants = new LinkedHashMap<>();
    for (String example : List.of("library", "clinic", "projects")) {
      variants.put(example, ModelProjects.of(TestPaths.examples().resolve(example)));
    }
    variants.put("hostile", ModelProjects.describedAs(variants.get("library"), HOSTILE));
    variants.put("open", openLibrary());
    variants.put("mixed", mixedClinic());
    variants.put("api-names", ApiNamesTest.mixedAuth(out.resolve("api-names-model")));
    // Keyed subscriptions, with their resolvers in nested stacks.
    variants.put("studio", ModelProjects.of(TestPaths.examples().resolve("tracepaper-studio")));
    // An automation run by each deployment (a custom resource), reading Parameter Store.
    variants.put(
        "deployment",
        ModelProjects.of(AutomationModels.clinicWithDeployment(out.resolve("deployment-model"))));
    return variants;
  }

  /**
   * The clinic with billing in the root stack (no subdomain): its view, and the relation into it
   * from a view of a nested stack, are in the root.
   */
  private ProjectData mixedClinic() throws IOException {
    ProjectData mixed =
        ModelProjects.editedExample(
            out.resolve("mixed-model"),
            "clinic",
            text -> text.replace("    subdomain: Billing\n", ""));
    assertThat(mixed.stacks().root().views()).isNotEmpty();
    assertThat(mixed.stacks().root().relations()).isNotEmpty();
    return mixed;
  }

  private static ProjectData library() {
    return ModelProjects.of(TestPaths.examples().resolve("library"));
  }

  /** The library, open to anonymous callers by default, with commands for IAM callers too. */
  private ProjectData openLibrary() throws IOException {
    return ModelProjects.openLibrary(out.resolve("open-model"));
  }

  private static List<String> graphqlBlocks(String markdown) {
    Matcher blocks = Pattern.compile("```graphql\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    List<String> found = new ArrayList<>();
    while (blocks.find()) {
      found.add(blocks.group(1));
    }
    return found;
  }

  /** Renders; with {@code -Dinfra.dump=DIR} also writes the text there, to look at. */
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
