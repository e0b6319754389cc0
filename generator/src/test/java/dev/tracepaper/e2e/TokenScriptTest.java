package dev.tracepaper.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.tools.Commands;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.SharedMoto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated {@code scripts/token.sh}, which gives a user of a stage that is not production and
 * its ID token, run with the AWS CLI against moto_server's cognito-idp.
 */
class TokenScriptTest {

  @TempDir Path temp;

  /**
   * The script against moto_server: moto has no CloudFormation for Cognito, so the user pool, its
   * client and group are made with the AWS CLI and a stack of only outputs names them, as the
   * generated stack's outputs would. Moto does not check a client's auth flows: the template's are
   * asserted instead.
   */
  @Test
  void theTokenScriptSignsAUserOfAGroupInAndRefusesProduction() throws Exception {
    ExternalTool.requireOrSkip("aws", "the token script's test");
    Path project = DeployPathTest.generate(temp, "examples/library");
    assertThat(Files.isExecutable(project.resolve("scripts/token.sh"))).isTrue();
    assertThat(Files.readString(project.resolve("template.yaml"), UTF_8))
        .contains(
            "ExplicitAuthFlows:\n"
                + "        - ALLOW_USER_SRP_AUTH\n"
                + "        - ALLOW_ADMIN_USER_PASSWORD_AUTH\n"
                + "        - ALLOW_REFRESH_TOKEN_AUTH\n");
    try (SharedMoto moto = SharedMoto.start(temp.resolve("moto.log"))) {
      Map<String, String> env = moto.awsCliEnvironment();
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

  private static String aws(Map<String, String> env, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("aws"));
    command.addAll(List.of(arguments));
    return Commands.run(env, command.toArray(String[]::new));
  }
}
