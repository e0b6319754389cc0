package dev.tracepaper.cli;

import dev.tracepaper.render.ExtraTemplates;
import dev.tracepaper.render.TemplateCatalog;
import dev.tracepaper.render.TemplateDescriptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tracepaper templates list|export}: the built-in templates, to read or to customise. */
@Command(
    name = "templates",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Lists or exports the built-in templates (customise them with generate --templates).",
    subcommands = {TemplatesCommand.ListTemplates.class, TemplatesCommand.Export.class})
public final class TemplatesCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Name a subcommand: list or export.");
  }

  /** {@code templates list}: every built-in template and what it produces. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Lists the built-in templates and what each produces.")
  static final class ListTemplates implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--templates",
        paramLabel = "DIR",
        description =
            "Also show which built-in templates DIR overrides, and the extra templates its"
                + " templates.yaml lists (checked as generate --templates checks them).")
    Path folder;

    @Override
    public Integer call() throws IOException {
      if (folder != null && !Files.isDirectory(folder)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--templates %s is not a folder.".formatted(folder));
      }
      List<String> builtIns = TemplateCatalog.all();
      ExtraTemplates extras =
          folder == null ? ExtraTemplates.none() : ExtraTemplates.read(folder, builtIns);
      PrintWriter out = spec.commandLine().getOut();
      for (String template : builtIns) {
        boolean overridden = folder != null && Files.isRegularFile(folder.resolve(template));
        out.printf(
            "%-60s %s%s%n",
            template,
            TemplateDescriptions.describe(template),
            overridden ? " (overridden in " + folder + ")" : "");
      }
      for (ExtraTemplates.Extra extra : extras.extras()) {
        String output =
            extra.output().orElse(extra.template().substring(0, extra.template().length() - 4));
        out.printf(
            "%-60s %s, %s%s (extra, from %s)%n",
            extra.template(),
            output,
            extra.each() == ExtraTemplates.Each.PROJECT ? "once" : "per " + extra.each().word(),
            extra.stub() ? ": created once, then yours" : "",
            folder);
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  /** {@code templates export DIR}: the built-in templates copied out, for editing. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description =
          "Copies the built-in templates into DIR (which must not hold any of them yet), to edit"
              + " and pass to generate --templates.")
  static final class Export implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The folder to copy the templates into.")
    Path folder;

    @Override
    public Integer call() throws IOException {
      List<String> templates = TemplateCatalog.all();
      List<String> present =
          templates.stream().filter(t -> Files.exists(folder.resolve(t))).toList();
      if (!present.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "%s already holds %s; nothing was copied, so that no edited template is lost."
                .formatted(
                    folder,
                    String.join(", ", present.subList(0, Math.min(3, present.size())))
                        + (present.size() > 3 ? " and " + (present.size() - 3) + " more" : "")));
      }
      for (String template : templates) {
        Path target = folder.resolve(template);
        Files.createDirectories(target.getParent());
        Files.write(target, TemplateCatalog.bytes(template));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Copied %d templates into %s.%n", templates.size(), folder);
      out.flush();
      return ExitCode.OK;
    }
  }
}
