package dev.tracepaper.docs;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tracepaper.TestPaths;
import dev.tracepaper.cli.Main;
import dev.tracepaper.tools.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.logging.LogEntry;

/**
 * Every page of the examples' sites in a real browser, loaded from the file system: no console
 * error, every link leads to a file (and anchor) of the site, every diagram has boxes. The overview
 * of the clinic is the screenshot in docs/images (rewritten with -Dscreenshot.update=true).
 */
class DocsSiteBrowserTest {

  private static HeadlessChromium browser;

  @TempDir static Path sites;

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = HeadlessChromium.start(1280, 900);
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  /** What one page holds, read in the browser. */
  private record Page(
      String title,
      boolean styled,
      List<String> console,
      Set<String> ids,
      List<String> links,
      List<Map<String, Object>> diagrams) {}

  @ParameterizedTest
  @ValueSource(strings = {"library", "clinic", "tracepaper-studio", "projects"})
  void everyPageRendersWithoutErrorsWithWorkingLinksAndDrawnDiagrams(String example)
      throws IOException {
    Path site = write(example);
    Map<Path, Page> pages = new HashMap<>();
    try (Stream<Path> files = Files.walk(site)) {
      for (Path html : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        pages.put(html.toRealPath(), visit(html));
      }
    }
    assertThat(pages).isNotEmpty();
    int diagrams = 0;
    for (Map.Entry<Path, Page> page : pages.entrySet()) {
      for (String link : page.getValue().links()) {
        assertResolves(page.getKey(), link, pages);
      }
      for (Map<String, Object> diagram : page.getValue().diagrams()) {
        diagrams++;
        assertWithMessage("boxes of diagram %s on %s", diagram.get("id"), page.getKey())
            .that(((Number) diagram.get("boxes")).intValue())
            .isGreaterThan(0);
        assertWithMessage("drawn width of diagram %s on %s", diagram.get("id"), page.getKey())
            .that(((Number) diagram.get("width")).doubleValue())
            .isGreaterThan(0.0);
      }
    }
    assertWithMessage("diagrams of %s", example).that(diagrams).isAtLeast(1);
  }

  @Test
  void theOverviewLooksAsInTheDocs() throws IOException {
    Path site = write("clinic");
    visit(site.resolve("index.html"));

    byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isGreaterThan(0);
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 7) {
      for (int y = 0; y < image.getHeight(); y += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertWithMessage("colours on the screenshot (a blank page has one)")
        .that(colours.size())
        .isGreaterThan(5);
    Path target = TestPaths.root().resolve("generator/target/docs-site-overview.png");
    Files.write(target, png);
    if (Boolean.getBoolean("screenshot.update")) {
      Path docs = TestPaths.root().resolve("docs/images/docs-site-overview.png");
      Files.createDirectories(docs.getParent());
      Files.write(docs, png);
    }
  }

  /** The checks above are only worth something if they catch what they look for. */
  @Test
  void theChecksCatchAScriptErrorAMissingFileAndABrokenLink(@TempDir Path folder)
      throws IOException {
    Path html = folder.resolve("broken.html");
    Files.writeString(
        html,
        """
        <!DOCTYPE html><html><head><title>broken</title>
        <link rel="stylesheet" href="missing.css"></head>
        <body><a href="nowhere.html">x</a><a href="#nothing">y</a>
        <script>console.error('something broke')</script></body></html>
        """);

    Page page = read(html);

    assertThat(page.console()).hasSize(2);
    assertThat(page.styled()).isFalse();
    Map<Path, Page> pages = Map.of(html.toRealPath(), page);
    for (String link : page.links()) {
      assertThrows(AssertionError.class, () -> assertResolves(html, link, pages));
    }
  }

  private static Path write(String example) {
    Path out = sites.resolve(example);
    StringWriter text = new StringWriter();
    int exit =
        Main.run(
            new String[] {
              "docs", "-q", TestPaths.examples().resolve(example).toString(), "-o", out.toString()
            },
            new PrintWriter(text),
            new PrintWriter(text));
    assertWithMessage("tracepaper docs %s: %s", example, text).that(exit).isEqualTo(0);
    return out;
  }

  private static Page visit(Path html) {
    Page page = read(html);
    assertWithMessage("console of %s", html).that(page.console()).isEmpty();
    assertWithMessage("title of %s", html).that(page.title()).isNotEmpty();
    assertWithMessage("the style sheet applies to %s", html).that(page.styled()).isTrue();
    return page;
  }

  @SuppressWarnings("unchecked")
  private static Page read(Path html) {
    browser.console(); // what earlier pages left
    browser.open(html.toUri());
    Map<String, Object> read =
        (Map<String, Object>)
            browser
                .driver()
                .executeScript(
                    """
                    return {
                      title: document.title,
                      ids: Array.from(document.querySelectorAll('[id]')).map(e => e.id),
                      links: Array.from(document.querySelectorAll('a[href]'))
                          .map(a => new URL(a.getAttribute('href'), document.baseURI).href),
                      diagrams: Array.from(document.querySelectorAll('svg.diagram')).map(s => ({
                          id: s.id,
                          boxes: s.querySelectorAll('rect').length,
                          width: s.getBBox().width})),
                      styled: getComputedStyle(document.body).marginTop === '0px'
                    };""");
    List<String> console =
        browser.console().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .map(LogEntry::getMessage)
            .toList();
    return new Page(
        (String) read.get("title"),
        Boolean.TRUE.equals(read.get("styled")),
        console,
        new HashSet<>((List<String>) read.get("ids")),
        (List<String>) read.get("links"),
        (List<Map<String, Object>>) read.get("diagrams"));
  }

  private static void assertResolves(Path page, String link, Map<Path, Page> pages)
      throws IOException {
    URI uri = URI.create(link);
    assertWithMessage("link %s on %s stays in the file system", link, page)
        .that(uri.getScheme())
        .isEqualTo("file");
    Path target = Path.of(uri.getPath());
    assertWithMessage("link %s on %s", link, page).that(Files.isRegularFile(target)).isTrue();
    String fragment = uri.getFragment();
    if (fragment != null && !fragment.isEmpty()) {
      Page linked = pages.get(target.toRealPath());
      assertWithMessage("page of link %s on %s", link, page).that(linked).isNotNull();
      assertWithMessage("anchor of link %s on %s", link, page)
          .that(linked.ids())
          .contains(fragment);
    }
  }
}
