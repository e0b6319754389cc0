package dev.tracepaper.ci;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The GitHub Actions workflow of a model's repository ({@code .github/workflows/tracepaper.yml},
 * docs/ci.md): validate with code-scanning annotations, the breaking changes of a pull request, the
 * model's tests, and the generated project's build.
 */
public final class GithubWorkflow {

  /** Where the workflow goes, from the repository's root: the only folder GitHub reads. */
  public static final Path FILE = Path.of(".github", "workflows", "tracepaper.yml");

  /** A path YAML and the shell read as itself, unquoted. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*|\\.");

  private GithubWorkflow() {}

  /**
   * The root of the git repository {@code folder} lies in (the nearest folder at or above it with a
   * {@code .git}), or {@code folder} itself outside any repository: a new repository starts there.
   */
  public static Path repositoryRoot(Path folder) {
    Path start = folder.toAbsolutePath().normalize();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return start;
  }

  /**
   * The workflow for the model in {@code model} (a path relative to the repository's root, {@code
   * .} for the root itself), written by tracepaper {@code version}.
   */
  public static String render(Path model, String version) {
    String path = model.toString().isEmpty() ? "." : model.toString().replace('\\', '/');
    return template().replace("@VERSION@", version).replace("@MODEL@", yamlString(path));
  }

  /** The path as a YAML scalar: plain when it can be, else double-quoted (JSON's escapes). */
  private static String yamlString(String value) {
    if (PLAIN.matcher(value).matches()) {
      return value;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20) {
            quoted.append("\\u%04x".formatted((int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static String template() {
    try (InputStream in = GithubWorkflow.class.getResourceAsStream("tracepaper.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
