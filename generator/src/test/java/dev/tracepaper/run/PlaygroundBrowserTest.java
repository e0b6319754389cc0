package dev.tracepaper.run;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.tools.HeadlessChromium;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;

/**
 * The playground in headless Chromium: a librarian picked, a mutation sent from its prefilled
 * button, and the row it made seen in a query's answer and in the live view list.
 */
class PlaygroundBrowserTest {

  @TempDir Path folder;

  @Test
  void aMutationSentFromThePlaygroundShowsItsRowInAQuery() throws Exception {
    try (LocalLibrary library = LocalLibrary.start(folder);
        HeadlessChromium browser = HeadlessChromium.start(1400, 1000)) {
      ChromeDriver page = browser.driver();
      page.get(library.run.url());
      until(() -> !page.findElements(By.cssSelector("#roles input")).isEmpty());
      assertThat(page.findElement(By.id("app")).getText()).isEqualTo("library: local run");

      page.findElement(By.id("role-librarian")).click();
      page.findElement(By.cssSelector("button[data-operation='RegisterBook']")).click();
      assertThat(query(page)).contains("registerBook(input: {");
      send(page, 1);
      assertThat(answer(page)).contains("\"BookRegistered\"");

      page.findElement(By.cssSelector("button[data-operation='getBookAvailability']")).click();
      WebElement text = page.findElement(By.id("query"));
      String get = query(page).replace("isbn: \"\"", "isbn: \"9780441013593\"");
      text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      text.sendKeys(get);
      send(page, 2);

      assertThat(answer(page)).contains("\"title\": \"Dune\"");
      // The lists are drawn again every 2 seconds, so an element found once may be gone when read.
      until(
          () ->
              textOf(page, By.cssSelector("table[data-view='BookAvailability']")).contains("Dune"));
      until(() -> textOf(page, By.id("event-table")).contains("BookRegistered"));
      List<LogEntry> errors =
          browser.console().stream().filter(e -> e.getLevel().intValue() >= 1000).toList();
      assertWithMessage("console errors").that(errors).isEmpty();
    }
  }

  private static String query(ChromeDriver page) {
    return page.findElement(By.id("query")).getAttribute("value");
  }

  private static String answer(ChromeDriver page) {
    return page.findElement(By.id("answer")).getText();
  }

  /** The element's text, or "" while it is absent or being drawn again. */
  private static String textOf(ChromeDriver page, By by) {
    try {
      List<WebElement> found = page.findElements(by);
      return found.isEmpty() ? "" : found.get(0).getText();
    } catch (StaleElementReferenceException redrawn) {
      return "";
    }
  }

  /** Clicks Send and waits for answer number {@code n}. */
  private static void send(ChromeDriver page, int n) throws InterruptedException {
    page.findElement(By.id("send")).click();
    until(
        () ->
            String.valueOf(n).equals(page.findElement(By.id("answer")).getAttribute("data-done")));
  }

  /** Waits at most 15 seconds for {@code condition}. */
  private static void until(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the page never got there");
      }
      Thread.sleep(50);
    }
  }
}
