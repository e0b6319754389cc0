package dev.tracepaper.tools;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Chromium and chromedriver from the Debian packages ({@code apt-get install chromium
 * chromium-driver}), driven by Selenium, headless and offline: a fresh profile, and none of the
 * background traffic (updates, sync, QUIC) a first start would otherwise try. Missing, it skips the
 * test, except under {@code CI=true}, where it fails: CI must not pass by skipping.
 */
public final class HeadlessChromium implements AutoCloseable {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * Selenium warns on every start that it has no DevTools binding for this Chromium's version; the
   * tests use WebDriver only. Held here: a logger nobody references may be collected, and its level
   * with it.
   */
  private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A started browser with a window of {@code width} × {@code height}; skips when absent. */
  public static HeadlessChromium start(int width, int height) throws IOException {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      String message =
          BROWSER + " or " + DRIVER + " is missing (apt-get install chromium chromium-driver)";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message + "; required under CI=true");
      }
      assumeTrue(false, message + ": browser test skipped");
    }
    SELENIUM.setLevel(Level.SEVERE);
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(LOAD_TIMEOUT);
    return new HeadlessChromium(driver, profile);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Loads {@code page} and returns once it is the current document and fully loaded. {@code get}
   * alone can return early on a busy machine: CI once read a page of the docs site whose style
   * sheet had not yet applied, so every read waits for {@code readyState} of this very URL.
   */
  public void open(URI page) {
    String url = page.toString();
    driver.get(url);
    long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
    while (!Boolean.TRUE.equals(
        driver.executeScript(
            "return location.href === arguments[0] && document.readyState === 'complete';", url))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(url + " did not finish loading in " + LOAD_TIMEOUT);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while loading " + url, e);
      }
    }
  }

  /** The console's messages since the last call: errors, warnings, logs. */
  public List<LogEntry> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll();
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
