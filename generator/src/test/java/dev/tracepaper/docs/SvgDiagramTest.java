package dev.tracepaper.docs;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.docs.Diagram.Kind;
import dev.tracepaper.model.ModelIndex;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The SVG drawing: well-formed, coloured by kind, escaped, laid out in columns, deterministic. */
class SvgDiagramTest {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @Test
  void drawsEachBoxInItsKindsColourAndEachArrowOnce() throws Exception {
    Diagram diagram = new Diagram("Order flow");
    diagram.node("c", "PlaceOrder", Kind.COMMAND, 0, "#command-PlaceOrder");
    diagram.node("a", "Order", Kind.AGGREGATE, 1, "");
    diagram.node("e", "OrderPlaced", Kind.EVENT, 2, "");
    diagram.edge("c", "a", "");
    diagram.edge("a", "e", "");
    diagram.edge("a", "e", "");

    String svg = SvgDiagram.render(diagram, "flow");

    Document document = parse(svg);
    assertThat(document.getElementsByTagName("rect").getLength()).isEqualTo(3);
    assertThat(document.getElementsByTagName("path").getLength()).isEqualTo(3); // marker + 2
    assertThat(svg).contains("fill=\"" + Kind.COMMAND.fill() + "\"");
    assertThat(svg).contains("fill=\"" + Kind.AGGREGATE.fill() + "\"");
    assertThat(svg).contains("fill=\"" + Kind.EVENT.fill() + "\"");
    assertThat(svg).contains("<a href=\"#command-PlaceOrder\">");
    assertThat(xOf(svg, "PlaceOrder")).isLessThan(xOf(svg, "Order"));
    assertThat(xOf(svg, "Order")).isLessThan(xOf(svg, "OrderPlaced"));
  }

  @Test
  void escapesTheModelsTextsAndStaysWellFormed() throws Exception {
    Diagram diagram = new Diagram("A <b>&\"title\"");
    diagram.node("x", "<script>alert('x')</script> & co", Kind.VIEW, 0, "a.html?x=1&y=\"2\"");

    String svg = SvgDiagram.render(diagram, "d");

    parse(svg);
    assertThat(svg).doesNotContain("<script>");
    assertThat(svg).contains("&lt;script&gt;");
    assertThat(svg).contains("href=\"a.html?x=1&amp;y=&quot;2&quot;\"");
  }

  @Test
  void runsArrowsBackBelowTheBoxesInLanesOfTheirOwn() throws Exception {
    Diagram forward = new Diagram("forward");
    forward.node("a", "ACTIVE", Kind.STATE, 0, "");
    forward.node("b", "PAUSED", Kind.STATE, 1, "");
    forward.edge("a", "b", "Paused");
    Diagram both = new Diagram("both");
    both.node("a", "ACTIVE", Kind.STATE, 0, "");
    both.node("b", "PAUSED", Kind.STATE, 1, "");
    both.edge("a", "b", "Paused");
    both.edge("b", "a", "Resumed");

    String one = SvgDiagram.render(forward, "one");
    String two = SvgDiagram.render(both, "two");

    parse(two);
    assertThat(height(two)).isGreaterThan(height(one));
    assertThat(two).contains(">Resumed</text>");
  }

  @Test
  void theLibrarysBookFlowIsDrawnAsReviewed() throws Exception {
    ModelIndex index = DocsModels.example("library");

    String svg =
        SvgDiagram.render(FlowDiagrams.of(index, index.aggregate("Book").orElseThrow()), "flow");

    assertThat(
            SvgDiagram.render(
                FlowDiagrams.of(index, index.aggregate("Book").orElseThrow()), "flow"))
        .isEqualTo(svg);
    // Not below golden/: every folder there is a model of GoldenDiagnosticsTest.
    Path golden =
        TestPaths.root().resolve("generator/src/test/resources/docs-golden/library-book-flow.svg");
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, svg);
    }
    assertWithMessage("%s (rerun with -Dgolden.update=true, then review the picture)", golden)
        .that(svg)
        .isEqualTo(Files.readString(golden));
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(UTF_8)));
  }

  private static int xOf(String svg, String label) {
    Matcher m =
        Pattern.compile("<rect x=\"(\\d+)\"[^>]*/><text[^>]*>" + Pattern.quote(label) + "</text>")
            .matcher(svg);
    assertWithMessage("a box labelled %s", label).that(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static int height(String svg) {
    Matcher m = Pattern.compile("<svg[^>]* height=\"(\\d+)\"").matcher(svg);
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
