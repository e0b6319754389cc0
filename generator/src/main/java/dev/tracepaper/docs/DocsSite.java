package dev.tracepaper.docs;

import dev.tracepaper.docs.Pages.AggregatePage;
import dev.tracepaper.docs.Pages.LifecycleEntry;
import dev.tracepaper.docs.Pages.Site;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.GeneratedFile;
import dev.tracepaper.render.TemplateEngine;
import dev.tracepaper.render.TemplateFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a valid model's documentation site into memory: HTML pages from the class path folder
 * {@code docs-site/}, one style sheet, and the diagrams' Mermaid source as Markdown for GitHub.
 * Nothing in it needs JavaScript or the network.
 */
public final class DocsSite {

  static final String TEMPLATES = "docs-site";

  private final TemplateEngine engine = TemplateEngine.htmlFromClasspath(TEMPLATES);

  /** The site's files, by path relative to its folder, in a stable order. */
  public FileTree render(ModelIndex index) throws TemplateFailure {
    Site site = SiteBuilder.build(index);
    List<GeneratedFile> files = new ArrayList<>();
    files.add(page("index.html", "index.html.ftlh", site, null, ""));
    files.add(page("views.html", "views.html.ftlh", site, null, ""));
    files.add(page("glossary.html", "glossary.html.ftlh", site, null, ""));
    files.add(page("scenarios.html", "scenarios.html.ftlh", site, null, ""));
    for (AggregatePage aggregate : site.aggregates()) {
      files.add(
          page("aggregates/" + aggregate.file(), "aggregate.html.ftlh", site, aggregate, "../"));
      files.add(GeneratedFile.text("mermaid/" + aggregate.name() + ".md", mermaid(aggregate)));
    }
    files.add(
        GeneratedFile.text(
            "mermaid/overview.md",
            "# " + site.name() + "\n\n```mermaid\n" + site.mapMermaid() + "```\n"));
    files.add(new GeneratedFile("style.css", resource("style.css")));
    return FileTree.of(files);
  }

  private GeneratedFile page(
      String path, String template, Site site, AggregatePage aggregate, String root)
      throws TemplateFailure {
    Map<String, Object> data =
        aggregate == null
            ? Map.of("site", site, "root", root, "page", path)
            : Map.of("site", site, "root", root, "page", path, "aggregate", aggregate);
    return GeneratedFile.text(path, engine.render(template, data));
  }

  /** The diagrams of one aggregate as Markdown with Mermaid blocks, which GitHub draws. */
  static String mermaid(AggregatePage aggregate) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(aggregate.name()).append("\n\n## Flow\n\n```mermaid\n");
    md.append(aggregate.flowMermaid()).append("```\n");
    for (LifecycleEntry lifecycle : aggregate.lifecycles()) {
      md.append("\n## Lifecycle of ")
          .append(lifecycle.field())
          .append("\n\n```mermaid\n")
          .append(lifecycle.mermaid())
          .append("```\n");
    }
    return md.toString();
  }

  private static byte[] resource(String name) {
    String path = TEMPLATES + "/" + name;
    try (InputStream in = DocsSite.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
