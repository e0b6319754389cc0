package dev.tracepaper.e2e;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.tools.Commands;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.GenerateCli;
import dev.tracepaper.tools.SharedMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated README's "Before the automations run" commands, run as an engineer would paste
 * them, with the AWS CLI against moto_server: afterwards each identity, bucket, secret and
 * parameter the golden shop's automations reach exists with the value given, under the name the
 * automations' roles allow.
 */
class AutomationPrerequisitesTest {

  @TempDir Path temp;

  @Test
  void theReadmesCommandsMakeWhatTheAutomationsReach() throws Exception {
    ExternalTool.requireOrSkip("aws", "the README's AWS CLI commands", "--version");
    Path project = temp.resolve("project");
    GenerateCli.generate(
        TestPaths.root().resolve("generator/src/test/resources/generated/shop/model.yaml"),
        project);
    String readme = Files.readString(project.resolve("README.md"), UTF_8);
    String section =
        readme.substring(
            readme.indexOf("### Before the automations run"),
            readme.indexOf("The stack's outputs name"));
    List<String> commands = new ArrayList<>();
    Matcher command = Pattern.compile("`(aws [^`]+)`").matcher(section.replaceAll("\\n\\s*", " "));
    while (command.find()) {
      commands.add(command.group(1));
    }
    assertThat(commands).hasSize(4);

    try (SharedMoto moto = SharedMoto.start(temp.resolve("moto.log"))) {
      Map<String, String> env = moto.awsCliEnvironment();
      env.put("VALUE", "s3cret value");
      for (String line : commands) {
        Commands.run(env, "bash", "-c", line);
      }

      assertThat(
              Commands.run(
                  env,
                  "aws",
                  "sesv2",
                  "get-email-identity",
                  "--email-identity",
                  "orders@shop.example",
                  "--query",
                  "IdentityType",
                  "--output",
                  "text"))
          .isEqualTo("EMAIL_ADDRESS");
      Commands.run(env, "aws", "s3api", "head-bucket", "--bucket", "shop-exports");
      assertThat(
              Commands.run(
                  env,
                  "aws",
                  "secretsmanager",
                  "get-secret-value",
                  "--secret-id",
                  "shop/warehouse-key",
                  "--query",
                  "SecretString",
                  "--output",
                  "text"))
          .isEqualTo("s3cret value");
      assertThat(
              Commands.run(
                  env,
                  "aws",
                  "ssm",
                  "get-parameter",
                  "--name",
                  "/shop/release-hook",
                  "--with-decryption",
                  "--query",
                  "Parameter.Value",
                  "--output",
                  "text"))
          .isEqualTo("s3cret value");
    }
  }
}
