package dev.tracepaper.tools;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * What {@code sam build} does with a function whose {@code Metadata} says {@code BuildMethod:
 * makefile}, step by step as aws-lambda-builders' {@code CustomMakeWorkflow} does it: a copy of the
 * {@code CodeUri} folder without {@code .aws-sam} and {@code .git}, then {@code make --makefile
 * <CodeUri>/Makefile build-<LogicalId>} in the copy, with {@code ARTIFACTS_DIR} set. SAM builds
 * every such function on its own (they never share a build definition). Also reads the functions of
 * a SAM template.
 */
public final class SamBuild {

  /** One make run: its exit code and what it printed. */
  public record Result(int exitCode, String output) {}

  private SamBuild() {}

  /**
   * Runs the target of {@code logicalId} for the project's functions, with {@code jdk}, under
   * {@code CI=true} and with no folder holding moto_server on the PATH: the build must need
   * neither.
   */
  public static Result makeTarget(Path project, String logicalId, Path artifacts, Path jdk)
      throws IOException, InterruptedException {
    Path scratch = Files.createTempDirectory("sam-build-");
    try {
      copy(project, scratch);
      ProcessBuilder make =
          new ProcessBuilder(
                  "make",
                  "--makefile",
                  project.resolve("Makefile").toString(),
                  "build-" + logicalId)
              .directory(scratch.toFile())
              .redirectErrorStream(true);
      make.environment().put("PATH", pathWithout("moto_server"));
      make.environment().put("CI", "true");
      make.environment().put("JAVA_HOME", jdk.toString());
      make.environment().put("ARTIFACTS_DIR", artifacts.toString());
      Process process = make.start();
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return new Result(-1, output + "\ntimed out after 10 minutes");
      }
      return new Result(process.exitValue(), output);
    } finally {
      delete(scratch);
    }
  }

  /** The files below {@code folder}, relative to it, sorted. */
  public static List<String> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> folder.relativize(f).toString())
          .sorted()
          .toList();
    }
  }

  /** The template's functions by logical id, each its resource's mapping. */
  public static Map<String, MappingNode> functions(Path template) throws IOException {
    Map<String, MappingNode> functions = new LinkedHashMap<>();
    for (NodeTuple resource : ((MappingNode) value(read(template), "Resources")).getValue()) {
      MappingNode body = (MappingNode) resource.getValueNode();
      if ("AWS::Serverless::Function".equals(scalar(body, "Type"))) {
        functions.put(((ScalarNode) resource.getKeyNode()).getValue(), body);
      }
    }
    return functions;
  }

  /** The template's parameters, by name. */
  public static List<String> parameters(Path template) throws IOException {
    return ((MappingNode) value(read(template), "Parameters"))
        .getValue().stream().map(t -> ((ScalarNode) t.getKeyNode()).getValue()).toList();
  }

  /** The scalar at {@code keys} below {@code node}, or null. */
  public static String scalar(MappingNode node, String... keys) {
    Node current = node;
    for (String key : keys) {
      if (!(current instanceof MappingNode mapping)) {
        return null;
      }
      current = value(mapping, key);
    }
    return current instanceof ScalarNode s ? s.getValue() : null;
  }

  /** The template as YAML nodes: CloudFormation's tags ({@code !Ref}) need no constructor. */
  private static MappingNode read(Path template) throws IOException {
    return (MappingNode)
        new Compose(LoadSettings.builder().build())
            .composeString(Files.readString(template, UTF_8))
            .orElseThrow();
  }

  private static Node value(MappingNode mapping, String key) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return tuple.getValueNode();
      }
    }
    return null;
  }

  /** The PATH less every folder that holds {@code tool}. */
  private static String pathWithout(String tool) {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .filter(folder -> !Files.exists(Path.of(folder, tool)))
        .collect(Collectors.joining(File.pathSeparator));
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
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
