package dev.tracepaper.render;

import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.GeneratedFile;
import dev.tracepaper.render.data.ProjectData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders every template for a project into memory: nothing is written until every file rendered,
 * so a template error leaves the output folder as it was.
 */
public final class ProjectRenderer {

  private final TemplateEngine engine;
  private final List<String> templates;

  public ProjectRenderer(TemplateEngine engine, List<String> templates) {
    this.engine = engine;
    this.templates = List.copyOf(templates);
  }

  /** The renderer of the templates packaged with the generator. */
  public static ProjectRenderer packaged() {
    return new ProjectRenderer(TemplateEngine.fromClasspath(), TemplateCatalog.all());
  }

  public FileTree render(ProjectData project) throws TemplateFailure {
    Layout layout = new Layout(project);
    List<GeneratedFile> files = new ArrayList<>();
    try {
      // Templates render independently; FreeMarker's configuration is safe to share.
      files.addAll(
          layout.outputs(templates).parallelStream()
              .map(
                  o ->
                      new GeneratedFile(
                          o.path(),
                          renderUnchecked(o).getBytes(StandardCharsets.UTF_8),
                          false,
                          o.stub()))
              .toList());
    } catch (UncheckedFailure e) {
      throw e.failure;
    }
    for (Layout.Copy copy : layout.copies(templates)) {
      files.add(
          new GeneratedFile(
              copy.path(), TemplateCatalog.bytes(copy.template()), copy.executable()));
    }
    return FileTree.of(files);
  }

  private String renderUnchecked(Layout.Output output) {
    try {
      return engine.render(output.template(), output.data());
    } catch (TemplateFailure e) {
      throw new UncheckedFailure(e);
    }
  }

  /** Carries a template failure out of a stream. */
  private static final class UncheckedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient TemplateFailure failure;

    UncheckedFailure(TemplateFailure failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }
  }
}
