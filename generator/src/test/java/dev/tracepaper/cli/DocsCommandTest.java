package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracepaper docs} as a user meets it: what is written, what is replaced, exit codes. */
class DocsCommandTest {

  @TempDir Path temp;

  private static final String SHOP =
      """
      tracepaper: 1
      app: {name: shop, package: com.example.shop, description: "Orders <b>&</b> \\"returns\\""}
      aggregates:
        Order:
          description: "An order <script>alert(1)</script>"
          key: orderId
          fields: {orderId: String}
          events:
            OrderPlaced: {fields: {orderId: String}}
          commands:
            PlaceOrder: {creates: true, fields: {orderId: String}, emits: [OrderPlaced]}
      %s
      """;

  @Test
  void writesTheLibrarysSite() throws IOException {
    Path out = temp.resolve("site");

    CliTest.Run run =
        CliTest.run(
            "docs", TestPaths.examples().resolve("library").toString(), "-o", out.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).containsMatch("Wrote the documentation site into .*site: 10 files");
    assertThat(Files.readString(out.resolve("aggregates/Book.html")))
        .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" id=\"flow\"");
    assertThat(Files.readString(out.resolve("mermaid/Book.md")))
        .contains("```mermaid\nflowchart LR");
    assertThat(Files.exists(out.resolve("style.css"))).isTrue();
  }

  @Test
  void escapesTheModelsTextsInThePages() throws IOException {
    Path model = temp.resolve("shop.yaml");
    Files.writeString(model, SHOP.formatted(""));
    Path out = temp.resolve("site");

    CliTest.Run run = CliTest.run("docs", "-q", model.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEmpty();
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index).contains("Orders &lt;b&gt;&amp;&lt;/b&gt; &quot;returns&quot;");
    assertThat(index).doesNotContain("<script>");
    assertThat(index).contains("An order &lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void textBetweenBackticksInADescriptionIsShownAsCodeAndStillEscaped() throws IOException {
    Path model = temp.resolve("shop.yaml");
    Files.writeString(
        model,
        SHOP.formatted("")
            .replace(
                "\"An order <script>alert(1)</script>\"",
                "\"What `PlaceOrder` records, as `<b>` shows; an odd ` stays as written\""));
    Path out = temp.resolve("site");

    CliTest.Run run = CliTest.run("docs", "-q", model.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index).contains("What `PlaceOrder` records, as `&lt;b&gt;` shows; an odd ` stays");
    Files.writeString(
        model,
        SHOP.formatted("")
            .replace(
                "\"An order <script>alert(1)</script>\"",
                "\"What `PlaceOrder` records, as `<b>` shows\""));
    CliTest.run("docs", "-q", model.toString(), "-o", out.toString());
    assertThat(Files.readString(out.resolve("index.html")))
        .contains("What <code>PlaceOrder</code> records, as <code>&lt;b&gt;</code> shows");
  }

  @Test
  void anInvalidModelWritesNothingAndExitsOne() throws IOException {
    Path model = temp.resolve("broken.yaml");
    Files.writeString(
        model, SHOP.formatted("").replace("emits: [OrderPlaced]", "emits: [Shipped]"));
    Path out = temp.resolve("site");

    CliTest.Run run = CliTest.run("docs", model.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out()).contains("broken.yaml:");
    assertThat(run.out()).contains("Shipped");
    assertThat(run.out()).contains("No documentation was written");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aSecondRunReplacesTheSiteAndKeepsFilesItDidNotWrite() throws IOException {
    Path model = temp.resolve("shop.yaml");
    Files.writeString(
        model,
        SHOP.formatted(
            """
              Invoice:
                key: invoiceId
                fields: {invoiceId: String}
                events:
                  InvoiceSent: {fields: {invoiceId: String}}
                commands:
                  SendInvoice: {creates: true, fields: {invoiceId: String}, emits: [InvoiceSent]}
            """));
    Path out = temp.resolve("site");
    assertThat(CliTest.run("docs", model.toString(), "-o", out.toString()).exitCode()).isEqualTo(0);
    Files.writeString(out.resolve("notes.txt"), "mine");
    Files.writeString(model, SHOP.formatted(""));

    CliTest.Run run = CliTest.run("docs", model.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Files.exists(out.resolve("aggregates/Order.html"))).isTrue();
    assertThat(Files.exists(out.resolve("aggregates/Invoice.html"))).isFalse();
    assertThat(Files.exists(out.resolve("mermaid/Invoice.md"))).isFalse();
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void aFileItDidNotWriteInTheWayWritesNothingAndExitsTwo() throws IOException {
    Path model = temp.resolve("shop.yaml");
    Files.writeString(model, SHOP.formatted(""));
    Path out = temp.resolve("site");
    Files.createDirectories(out);
    Files.writeString(out.resolve("index.html"), "my own page");

    CliTest.Run run = CliTest.run("docs", model.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("index.html");
    assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("my own page");
    assertThat(Files.exists(out.resolve("style.css"))).isFalse();
  }

  @Test
  void writesIntoDocsSiteByTheAppsNameByDefault() throws IOException {
    Path model = temp.resolve("shop.yaml");
    Files.writeString(model, SHOP.formatted(""));
    // The default is relative to the working folder (the module's, under Maven).
    Path expected = Path.of("docs-site", "shop");
    assertThat(Files.exists(expected)).isFalse();
    try {
      CliTest.Run run = CliTest.run("docs", "-q", model.toString());
      assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
      assertThat(Files.exists(expected.resolve("index.html"))).isTrue();
    } finally {
      deleteTree(Path.of("docs-site"));
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var files = Files.walk(folder)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
