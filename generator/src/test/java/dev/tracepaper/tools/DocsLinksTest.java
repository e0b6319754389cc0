package dev.tracepaper.tools;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.output.FileTree;
import dev.tracepaper.render.ProjectRenderer;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every link between the repository's Markdown files (the docs users read, the READMEs, the
 * examples' notes) leads somewhere: the file exists, and a {@code #fragment} names a heading of it
 * as GitHub makes anchors of headings. Links to the web are not followed (no network here). The
 * README every generated project gets is held to the same for each example.
 */
class DocsLinksTest {

  private static final Parser MARKDOWN = Parser.builder().build();

  private final Map<Path, Set<String>> anchors = new HashMap<>();

  @Test
  void everyLinkBetweenTheRepositorysMarkdownFilesLeadsSomewhere() throws IOException {
    Path root = TestPaths.root();
    List<Path> files = markdownFiles(root);
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path file : files) {
      for (String destination : links(file)) {
        if (destination.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          continue; // https:, mailto: and the like
        }
        checked++;
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        String fragment = hash < 0 ? "" : destination.substring(hash + 1);
        Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        String where = root.relativize(file) + ": (" + destination + ")";
        if (!target.startsWith(root) || !Files.exists(target)) {
          broken.add(where + " names no file of the repository");
        } else if (!fragment.isEmpty()
            && target.toString().endsWith(".md")
            && !anchors(target).contains(fragment)) {
          broken.add(where + " names no heading of " + root.relativize(target));
        }
      }
    }
    assertWithMessage("links checked in %s files", files.size()).that(checked).isGreaterThan(100);
    assertWithMessage("broken links").that(broken).isEmpty();
  }

  /** The generated project's README links to its own sections, whatever the model. */
  @ParameterizedTest
  @ValueSource(strings = {"library", "clinic", "projects", "tracepaper-studio"})
  void everyLinkOfAGeneratedReadmeNamesOneOfItsHeadings(String example) throws Exception {
    Validator.Outcome outcome =
        new Validator().run(List.of(TestPaths.examples().resolve(example)), TestPaths.root());
    FileTree tree =
        ProjectRenderer.packaged().render(ProjectDataBuilder.build(outcome.index().orElseThrow()));
    String readme =
        tree.files().stream()
            .filter(f -> f.relativePath().equals("README.md"))
            .map(f -> new String(f.content(), UTF_8))
            .findFirst()
            .orElseThrow();
    Set<String> headings = anchorsOf(readme);
    List<String> fragments =
        linksOf(readme).stream().filter(l -> l.startsWith("#")).map(l -> l.substring(1)).toList();
    assertWithMessage("links to its own sections in %s's README", example)
        .that(fragments)
        .isNotEmpty();
    assertWithMessage("sections of %s's README", example)
        .that(headings)
        .containsAtLeastElementsIn(fragments);
  }

  private static List<Path> markdownFiles(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("docs", "examples", "bench")) {
      try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
        walk.filter(p -> p.toString().endsWith(".md"))
            .filter(p -> !p.toString().contains("/target/"))
            .forEach(files::add);
      }
    }
    files.add(root.resolve("README.md"));
    return files;
  }

  private static List<String> links(Path file) throws IOException {
    return linksOf(Files.readString(file, UTF_8));
  }

  private static List<String> linksOf(String markdown) {
    List<String> destinations = new ArrayList<>();
    MARKDOWN
        .parse(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Link link) {
                destinations.add(link.getDestination());
                visitChildren(link);
              }
            });
    return destinations;
  }

  /** The anchors of a file's headings, as GitHub makes them (a repeated one gets -1, -2, ...). */
  private Set<String> anchors(Path file) throws IOException {
    Set<String> known = anchors.get(file);
    if (known == null) {
      known = anchorsOf(Files.readString(file, UTF_8));
      anchors.put(file, known);
    }
    return known;
  }

  private static Set<String> anchorsOf(String markdown) {
    IdGenerator ids = IdGenerator.builder().build();
    Set<String> found = new HashSet<>();
    MARKDOWN
        .parse(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Heading heading) {
                found.add(ids.generateId(text(heading)));
              }
            });
    return found;
  }

  private static String text(Node node) {
    StringBuilder text = new StringBuilder();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text t) {
        text.append(t.getLiteral());
      } else if (child instanceof Code c) {
        text.append(c.getLiteral());
      } else {
        text.append(text(child));
      }
    }
    return text.toString();
  }
}
