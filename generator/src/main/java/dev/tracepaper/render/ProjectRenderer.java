package dev.tracepaper.render;

import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.GeneratedFile;
import dev.tracepaper.render.data.ModelElement;
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
    List<Layout.Output> outputs = layout.outputs(templates);
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
              output.path(), r.text().getBytes(StandardCharsets.UTF_8), false, output.stub()));
    }
    for (Layout.Copy copy : layout.copies(templates)) {
      files.add(
          new GeneratedFile(
              copy.path(), TemplateCatalog.bytes(copy.template()), copy.executable()));
    }
    return FileTree.of(files);
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
