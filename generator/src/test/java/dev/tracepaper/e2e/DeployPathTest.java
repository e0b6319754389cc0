package dev.tracepaper.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.cli.Main;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.Jdks;
import dev.tracepaper.tools.ProjectTemplates;
import dev.tracepaper.tools.SharedMoto;
import graphql.ParseAndValidate;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The way from a generated project to a deployed one, as far as it runs without AWS: what {@code
 * sam build} runs (the generated Makefile's {@code build-<LogicalId>} targets, as SAM calls them)
 * succeeds on a machine without moto_server and under {@code CI=true}, and ships the shaded jar to
 * every function; {@code scripts/token.sh} gets an ID token from a user pool (on moto_server).
 */
class DeployPathTest {

  @TempDir Path temp;

  static Stream<String> models() {
    return GeneratedProjectsTest.models();
  }

  /**
   * Globals cannot hold Metadata: a function that forgets it would be built by SAM's Maven
   * workflow, which runs {@code mvn clean install} with every test.
   */
  @ParameterizedTest
  @MethodSource("models")
  void everyFunctionIsBuiltByTheMakefile(String model) throws Exception {
    Path project = generate(model);
    for (String template : ProjectTemplates.of(project)) {
      Map<String, MappingNode> functions = functions(project.resolve(template));
      for (Map.Entry<String, MappingNode> function : functions.entrySet()) {
        assertWithMessage("%s of %s: %s's build", template, model, function.getKey())
            .that(scalar(function.getValue(), "Metadata", "BuildMethod"))
            .isEqualTo("makefile");
      }
    }
  }

  /**
   * Every stage's {@code parameter_overrides} names parameters of the root template: CloudFormation
   * refuses a deploy that passes an unknown one.
   */
  @ParameterizedTest
  @MethodSource("models")
  void samconfigOverridesOnlyTheTemplatesParameters(String model) throws Exception {
    Path project = generate(model);
    MappingNode template =
        (MappingNode)
            new Compose(LoadSettings.builder().build())
                .composeString(Files.readString(project.resolve("template.yaml"), UTF_8))
                .orElseThrow();
    List<String> parameters =
        ((MappingNode) value(template, "Parameters"))
            .getValue().stream().map(t -> ((ScalarNode) t.getKeyNode()).getValue()).toList();
    Matcher overrides =
        Pattern.compile("(?m)^parameter_overrides = \"(.*)\"$")
            .matcher(Files.readString(project.resolve("samconfig.toml"), UTF_8));
    int stages = 0;
    while (overrides.find()) {
      stages++;
      for (String override : overrides.group(1).split(" ")) {
        assertWithMessage("samconfig.toml of %s: %s", model, override)
            .that(parameters)
            .contains(override.substring(0, override.indexOf('=')));
      }
    }
    assertThat(stages).isEqualTo(3);
  }

  /**
   * The README's first call is a mutation of the schema (its JSON body read as curl sends it), by a
   * user the token script makes, or by the API key.
   */
  @ParameterizedTest
  @MethodSource("models")
  void theReadmesFirstCallIsAValidMutation(String model) throws Exception {
    Path project = generate(model);
    String readme = Files.readString(project.resolve("README.md"), UTF_8);
    Matcher body = FIRST_CALL.matcher(readme);
    assertWithMessage("the README of %s has a first call", model).that(body.find()).isTrue();
    String query = JsonMapper.builder().build().readTree(body.group(1)).path("query").asString();
    GraphQLSchema schema =
        AppSyncSchema.validate(Files.readString(project.resolve("schema.graphql"), UTF_8));
    assertWithMessage("%s: %s", model, query)
        .that(ParseAndValidate.validate(schema, Parser.parse(query)))
        .isEmpty();
    assertThat(query).startsWith("mutation { ");
  }

  /** The body of the README's first call: one line of JSON in a here-document. */
  private static final Pattern FIRST_CALL =
      Pattern.compile("--data-binary @- <<'EOF'\n(\\{.*})\nEOF\n");

  /**
   * SAM's makefile build, step by step (aws-lambda-builders' CustomMakeWorkflow): per function, a
   * copy of the {@code CodeUri} folder without {@code .aws-sam} and {@code .git}, then {@code make
   * --makefile <CodeUri>/Makefile build-<LogicalId>} in the copy with {@code ARTIFACTS_DIR} set.
   * The library has nested stacks, whose functions name the project as {@code ..}.
   */
  @Test
  void samBuildsMakefileTargetsPackageTheJarOnceWithoutMotoOrTests() throws Exception {
    ExternalTool.requireOrSkip("make", "the Makefile that sam build runs");
    Path project = generate("examples/library");
    Path jdk =
        Jdks.forGeneratedProjects().orElseThrow(() -> new AssertionError(Jdks.missingMessage()));
    Map<String, String> handlers = new LinkedHashMap<>();
    for (String template : ProjectTemplates.of(project)) {
      functions(project.resolve(template))
          .forEach((id, body) -> handlers.put(id, scalar(body, "Properties", "Handler")));
    }
    assertThat(handlers).containsKey("PublisherFunction");
    assertThat(handlers).containsKey("BookCommandFunction");

    String path = pathWithout("moto_server");
    List<String> mavenRuns = new ArrayList<>();
    long started = System.nanoTime();
    for (String id : handlers.keySet()) {
      Path scratch = Files.createTempDirectory(temp, "scratch-");
      copy(project, scratch);
      Path artifacts = project.resolve(".aws-sam/build/" + id);
      ProcessBuilder make =
          new ProcessBuilder(
                  "make", "--makefile", project.resolve("Makefile").toString(), "build-" + id)
              .directory(scratch.toFile())
              .redirectErrorStream(true);
      make.environment().put("PATH", path);
      make.environment().put("CI", "true");
      make.environment().put("JAVA_HOME", jdk.toString());
      make.environment().put("ARTIFACTS_DIR", artifacts.toString());
      Process process = make.start();
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
      assertWithMessage("make build-%s:\n%s", id, output).that(process.exitValue()).isEqualTo(0);
      if (output.contains("./mvnw")) {
        mavenRuns.add(id);
      }
      assertWithMessage("what make put in %s's ARTIFACTS_DIR", id)
          .that(files(artifacts))
          .containsExactly("lib/library-lambda.jar");
      assertThat(Files.mismatch(artifacts.resolve("lib/library-lambda.jar"), jar(project)))
          .isEqualTo(-1L);
    }
    System.out.printf(
        "[library] %d make targets in %d s%n",
        handlers.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    assertWithMessage("the functions whose make target ran Maven").that(mavenRuns).hasSize(1);
    assertWithMessage("tests compiled by sam build")
        .that(Files.exists(project.resolve("target/test-classes")))
        .isFalse();
    try (ZipFile jar = new ZipFile(jar(project).toFile())) {
      for (String handler : handlers.values()) {
        String entry = handler.substring(0, handler.indexOf("::")).replace('.', '/') + ".class";
        assertWithMessage("the handler %s in the jar", handler)
            .that(jar.getEntry(entry))
            .isNotNull();
      }
      assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("resolvers/")))
          .isEmpty();
      assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("META-INF/maven/")))
          .isEmpty();
    }
  }

  /**
   * The script against moto_server: moto has no CloudFormation for Cognito, so the user pool, its
   * client and group are made with the AWS CLI and a stack of only outputs names them, as the
   * generated stack's outputs would. Moto does not check a client's auth flows: the template's are
   * asserted instead.
   */
  @Test
  void theTokenScriptSignsAUserOfAGroupInAndRefusesProduction() throws Exception {
    ExternalTool.requireOrSkip("aws", "the token script's test");
    Path project = generate("examples/library");
    assertThat(Files.isExecutable(project.resolve("scripts/token.sh"))).isTrue();
    assertThat(Files.readString(project.resolve("template.yaml"), UTF_8))
        .contains(
            "ExplicitAuthFlows:\n"
                + "        - ALLOW_USER_SRP_AUTH\n"
                + "        - ALLOW_ADMIN_USER_PASSWORD_AUTH\n"
                + "        - ALLOW_REFRESH_TOKEN_AUTH\n");
    try (SharedMoto moto = SharedMoto.start(temp.resolve("moto.log"))) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("AWS_ENDPOINT_URL", moto.endpoint());
      env.put("AWS_ACCESS_KEY_ID", "test");
      env.put("AWS_SECRET_ACCESS_KEY", "test");
      env.put("AWS_DEFAULT_REGION", "eu-west-1");
      String pool =
          aws(
              env,
              "cognito-idp",
              "create-user-pool",
              "--pool-name",
              "library-dev",
              "--policies",
              "PasswordPolicy={MinimumLength=12,RequireLowercase=true,"
                  + "RequireUppercase=true,RequireNumbers=true,RequireSymbols=false}",
              "--query",
              "UserPool.Id",
              "--output",
              "text");
      String client =
          aws(
              env,
              "cognito-idp",
              "create-user-pool-client",
              "--user-pool-id",
              pool,
              "--client-name",
              "library-dev-client",
              "--query",
              "UserPoolClient.ClientId",
              "--output",
              "text");
      aws(env, "cognito-idp", "create-group", "--user-pool-id", pool, "--group-name", "librarian");
      Path outputs = temp.resolve("outputs.yaml");
      Files.writeString(
          outputs,
          """
          Parameters:
            Stage:
              Type: String
          Resources:
            Handle:
              Type: AWS::CloudFormation::WaitConditionHandle
          Outputs:
            UserPoolId:
              Value: %s
            UserPoolClientId:
              Value: %s
          """
              .formatted(pool, client));
      for (String[] stack : new String[][] {{"library-dev", "dev"}, {"library-pr-7", "prod"}}) {
        aws(
            env,
            "cloudformation",
            "create-stack",
            "--stack-name",
            stack[0],
            "--template-body",
            "file://" + outputs,
            "--parameters",
            "ParameterKey=Stage,ParameterValue=" + stack[1]);
      }

      Run first = token(project, env, "dev", "ada", "librarian");
      assertWithMessage(first.error).that(first.exit).isEqualTo(0);
      assertThat(first.error).contains("user ada created");
      JsonNode claims = claims(first.output);
      assertThat(claims.path("token_use").asString()).isEqualTo("id");
      assertThat(claims.path("cognito:username").asString()).isEqualTo("ada");
      assertThat(claims.path("aud").asString()).isEqualTo(client);
      assertThat(claims.path("cognito:groups").toString()).isEqualTo("[\"librarian\"]");
      assertThat(
              aws(
                  env,
                  "cognito-idp",
                  "admin-get-user",
                  "--user-pool-id",
                  pool,
                  "--username",
                  "ada",
                  "--query",
                  "UserStatus",
                  "--output",
                  "text"))
          .isEqualTo("CONFIRMED");

      Run again = token(project, env, "dev", "ada");
      assertWithMessage(again.error).that(again.exit).isEqualTo(0);
      assertThat(again.error).contains("user ada exists");
      assertThat(claims(again.output).path("cognito:username").asString()).isEqualTo("ada");

      Run prod = token(project, env, "prod", "eve");
      assertThat(prod.exit).isEqualTo(2);
      assertThat(prod.error).contains("library-prod is a production stack");
      Run stageProd = token(project, env, "pr-7", "eve");
      assertThat(stageProd.exit).isEqualTo(2);
      assertThat(stageProd.error).contains("library-pr-7 is a production stack");
      assertThat(prod.output + stageProd.output).isEmpty();
      assertThat(
              aws(
                  env,
                  "cognito-idp",
                  "list-users",
                  "--user-pool-id",
                  pool,
                  "--query",
                  "Users[].Username",
                  "--output",
                  "text"))
          .isEqualTo("ada");
    }
  }

  private record Run(int exit, String output, String error) {}

  private Run token(Path project, Map<String, String> env, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(project.resolve("scripts/token.sh").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    builder.environment().putAll(env);
    Path error = Files.createTempFile(temp, "token-", ".err");
    builder.redirectError(error.toFile());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8).strip();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), output, Files.readString(error, UTF_8));
  }

  private static JsonNode claims(String idToken) {
    String[] parts = idToken.split("\\.");
    assertWithMessage("a JWT: %s", idToken).that(parts).hasLength(3);
    return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  private String aws(Map<String, String> env, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("aws"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8).strip();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertWithMessage("aws %s:\n%s", String.join(" ", arguments), output)
        .that(process.exitValue())
        .isEqualTo(0);
    return output;
  }

  private Path generate(String model) {
    Path out = temp.resolve("project");
    StringWriter output = new StringWriter();
    int exit =
        Main.run(
            new String[] {
              "generate", TestPaths.root().resolve(model).toString(), "-o", out.toString()
            },
            new PrintWriter(output),
            new PrintWriter(output));
    assertWithMessage("tracepaper generate %s: %s", model, output).that(exit).isEqualTo(0);
    return out;
  }

  private static Path jar(Path project) {
    return project.resolve("target/library-lambda.jar");
  }

  /** The PATH less every folder that holds {@code tool}. */
  private static String pathWithout(String tool) {
    String path =
        Stream.of(System.getenv("PATH").split(File.pathSeparator))
            .filter(folder -> !Files.exists(Path.of(folder, tool)))
            .collect(Collectors.joining(File.pathSeparator));
    assertThat(path).isNotEmpty();
    return path;
  }

  /** What SAM's CopySourceAction copies: everything but {@code .aws-sam} and {@code .git}. */
  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path relative = from.relativize(file);
        if (relative.startsWith(".aws-sam") || relative.startsWith(".git")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> folder.relativize(f).toString())
          .sorted()
          .toList();
    }
  }

  /** The template's functions by logical id, each its resource's mapping. */
  private static Map<String, MappingNode> functions(Path template) throws IOException {
    MappingNode root =
        (MappingNode)
            new Compose(LoadSettings.builder().build())
                .composeString(Files.readString(template, UTF_8))
                .orElseThrow();
    Map<String, MappingNode> functions = new LinkedHashMap<>();
    for (NodeTuple resource : ((MappingNode) value(root, "Resources")).getValue()) {
      MappingNode body = (MappingNode) resource.getValueNode();
      if ("AWS::Serverless::Function".equals(scalar(body, "Type"))) {
        functions.put(((ScalarNode) resource.getKeyNode()).getValue(), body);
      }
    }
    return functions;
  }

  /** The scalar at {@code keys} below {@code node}, or null. */
  private static String scalar(MappingNode node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof MappingNode mapping)) {
        return null;
      }
      current = value(mapping, key);
    }
    return current instanceof ScalarNode s ? s.getValue() : null;
  }

  private static org.snakeyaml.engine.v2.nodes.Node value(MappingNode mapping, String key) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return tuple.getValueNode();
      }
    }
    return null;
  }
}
