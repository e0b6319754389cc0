package dev.tracepaper.render;

import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.GeneratedFile;
import dev.tracepaper.render.ExtraTemplates.Extra;
import dev.tracepaper.render.TemplateSetupException.Problem;
import dev.tracepaper.render.data.AutomationData;
import dev.tracepaper.render.data.ModelElement;
import dev.tracepaper.render.data.ProjectData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders every template for a project into memory: nothing is written until every file rendered,
 * so a template error leaves the output folder as it was.
 */
public final class ProjectRenderer {

  private final TemplateEngine engine;
  private final List<String> templates;
  private final Optional<Path> folder;
  private final ExtraTemplates extras;

  public ProjectRenderer(TemplateEngine engine, List<String> templates) {
    this(engine, templates, Optional.empty(), ExtraTemplates.none());
  }

  private ProjectRenderer(
      TemplateEngine engine, List<String> templates, Optional<Path> folder, ExtraTemplates extras) {
    this.engine = engine;
    this.templates = List.copyOf(templates);
    this.folder = folder;
    this.extras = extras;
  }

  /** The renderer of the templates packaged with the generator. */
  public static ProjectRenderer packaged() {
    return new ProjectRenderer(TemplateEngine.fromClasspath(), TemplateCatalog.all());
  }

  /**
   * The built-in templates with those of {@code folder} in their place (same path), plus the extra
   * templates its {@code templates.yaml} lists.
   *
   * @throws TemplateSetupException when the folder or its {@code templates.yaml} is wrong
   */
  public static ProjectRenderer customised(Path folder) throws IOException {
    List<String> builtIns = TemplateCatalog.all();
    ExtraTemplates extras = ExtraTemplates.read(folder, builtIns);
    return new ProjectRenderer(
        TemplateEngine.withOverrides(folder), builtIns, Optional.of(folder), extras);
  }

  /**
   * @throws TemplateFailure when a template (or an extra's {@code output}) fails to render
   * @throws TemplateSetupException when an extra's output is outside the project or collides with
   *     another file
   */
  public FileTree render(ProjectData project) throws TemplateFailure {
    Layout layout = new Layout(project);
    List<Layout.Output> outputs = new ArrayList<>(layout.outputs(templates));
    List<Layout.Copy> copies = layout.copies(templates);
    outputs.addAll(extraOutputs(project, outputs, copies));
    // Templates render independently; FreeMarker's configuration is safe to share. Failures are
    // collected, not thrown, so that the one reported is the first in template order whatever
    // the threads did: the same broken template always gives the same message.
    List<Rendered> rendered = outputs.parallelStream().map(this::render).toList();
    List<GeneratedFile> files = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      Rendered r = rendered.get(i);
      if (r.failure() != null) {
        throw r.failure();
      }
      Layout.Output output = outputs.get(i);
      files.add(
          new GeneratedFile(
              output.path(),
              r.text().getBytes(StandardCharsets.UTF_8),
              Layout.executable(output.path()),
              output.stub()));
    }
    for (Layout.Copy copy : copies) {
      files.add(new GeneratedFile(copy.path(), bytes(copy.template()), copy.executable()));
    }
    files.addAll(RuntimeRepository.files());
    files.addAll(automationTemplates(project));
    return FileTree.of(files);
  }

  /**
   * The model's templates that automations fill, in the project's resources, where the runtime
   * reads them: one file per path, however many activities fill it.
   */
  private static List<GeneratedFile> automationTemplates(ProjectData project) {
    Map<String, GeneratedFile> files = new java.util.TreeMap<>();
    for (AutomationData automation : project.automations()) {
      for (AutomationData.TemplateFile template : automation.templates()) {
        String path = AutomationData.TEMPLATES_FOLDER + template.path();
        files.put(
            path, new GeneratedFile(path, template.text().getBytes(StandardCharsets.UTF_8), false));
      }
    }
    return List.copyOf(files.values());
  }

  /** A copied file from the templates folder when it has one: an override, as for templates. */
  private byte[] bytes(String template) {
    if (folder.isPresent()) {
      Path override = folder.get().resolve(template);
      if (Files.isRegularFile(override)) {
        try {
          return Files.readAllBytes(override);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return TemplateCatalog.bytes(template);
  }

  /**
   * The outputs of the extra templates, after checking that each stays inside the project and that
   * no two files, extra or built-in, have one path (or paths equal but for case).
   */
  private List<Layout.Output> extraOutputs(
      ProjectData project, List<Layout.Output> builtIn, List<Layout.Copy> copies)
      throws TemplateFailure {
    Owners owners = new Owners();
    builtIn.forEach(o -> owners.claim(o.path(), "the built-in template `" + o.template() + "`"));
    copies.forEach(c -> owners.claim(c.path(), "the built-in file `" + c.template() + "`"));
    RuntimeRepository.files()
        .forEach(f -> owners.claim(f.relativePath(), "the runtime's repository"));
    automationTemplates(project)
        .forEach(f -> owners.claim(f.relativePath(), "a template of the model's automations"));
    List<Problem> problems = new ArrayList<>();
    List<Layout.Output> outputs = new ArrayList<>();
    for (Extra extra : extras.extras()) {
      for (ExtraLayout.Element element : ExtraLayout.elements(project, extra.each())) {
        String path = path(extra, element);
        String what =
            "`%s` for %s renders to `%s`".formatted(extra.template(), element.label(), path);
        Optional<String> problem = ExtraTemplatesReader.pathProblem(path).or(() -> invalid(path));
        if (problem.isPresent()) {
          problems.add(
              new Problem(extra.outputLocation(), what + ", which " + problem.get() + "."));
          continue;
        }
        Optional<String> clash = owners.clash(path);
        if (clash.isPresent()) {
          problems.add(new Problem(extra.outputLocation(), what + ", which " + clash.get() + "."));
          continue;
        }
        owners.claim(path, "`" + extra.template() + "` for " + element.label());
        outputs.add(new Layout.Output(extra.template(), path, element.data(), extra.stub()));
      }
    }
    if (!problems.isEmpty()) {
      throw new TemplateSetupException(problems);
    }
    return outputs;
  }

  private String path(Extra extra, ExtraLayout.Element element) throws TemplateFailure {
    if (extra.output().isEmpty()) {
      return extra.template().substring(0, extra.template().length() - ".ftl".length());
    }
    String config = extras.folder().resolve(ExtraTemplates.CONFIG).toString();
    try {
      return engine.renderText(config, extra.output().get(), element.data());
    } catch (TemplateFailure e) {
      throw new TemplateFailure(
          new TemplateError(
              config,
              extra.outputLocation().line(),
              extra.outputLocation().column(),
              "the output of `%s` for %s: %s"
                  .formatted(extra.template(), element.label(), e.error().message())),
          e);
    }
  }

  /**
   * Why no file may have this path (a name Windows refuses, tracepaper's own folder), in the words
   * of {@link GeneratedFile}, which refuses such paths.
   */
  private static Optional<String> invalid(String path) {
    try {
      GeneratedFile.text(path, "");
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      return Optional.of("is not a valid path: " + message.substring(message.indexOf(": ") + 2));
    }
  }

  /**
   * Who writes each file and which folders the files need, to tell why a new path cannot be
   * written: {@link FileTree} refuses the same clashes, but without saying which template caused
   * them. Paths equal but for case are one file on macOS and Windows.
   */
  private static final class Owners {
    private final Map<String, String> files = new HashMap<>();
    private final Map<String, String> folders = new HashMap<>();

    void claim(String path, String owner) {
      String folded = path.toLowerCase(Locale.ROOT);
      files.putIfAbsent(folded, owner);
      for (int slash = folded.indexOf('/'); slash > 0; slash = folded.indexOf('/', slash + 1)) {
        folders.putIfAbsent(folded.substring(0, slash), owner);
      }
    }

    Optional<String> clash(String path) {
      String folded = path.toLowerCase(Locale.ROOT);
      if (files.containsKey(folded)) {
        return Optional.of("is also the output of " + files.get(folded));
      }
      if (folders.containsKey(folded)) {
        return Optional.of("is a folder of the output of " + folders.get(folded));
      }
      for (int slash = folded.indexOf('/'); slash > 0; slash = folded.indexOf('/', slash + 1)) {
        String folder = folded.substring(0, slash);
        if (files.containsKey(folder)) {
          return Optional.of(
              "needs the folder `%s`, a file of %s"
                  .formatted(path.substring(0, slash), files.get(folder)));
        }
      }
      return Optional.empty();
    }
  }

  /** A template's text, or why it failed. */
  private record Rendered(String text, TemplateFailure failure) {}

  private Rendered render(Layout.Output output) {
    try {
      return new Rendered(engine.render(output.template(), output.data()), null);
    } catch (TemplateFailure e) {
      String rendering =
          "while rendering " + output.path() + element(output).map(x -> " for " + x).orElse("");
      return new Rendered(null, new TemplateFailure(e.error().during(rendering), e));
    }
  }

  /** The most specific model element a template renders, if it renders one. */
  private static java.util.Optional<String> element(Layout.Output output) {
    for (String kind :
        List.of("view", "command", "policy", "event", "entity", "type", "enum", "aggregate")) {
      if (output.data().get(kind) instanceof ModelElement element) {
        return java.util.Optional.of(element.element());
      }
    }
    return java.util.Optional.empty();
  }
}
