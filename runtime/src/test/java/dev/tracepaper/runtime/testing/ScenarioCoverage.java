package dev.tracepaper.runtime.testing;

import dev.tracepaper.runtime.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opentest4j.AssertionFailedError;

/**
 * What the model's scenarios covered, over all of them: the events recorded (by commands and
 * policies alike) and the views queried, against every event and view of the model. Reported as a
 * line of the test output and a file, and failed below the model's minimums.
 */
public final class ScenarioCoverage {

  private final ScenarioApi api;
  private final Set<String> events = new TreeSet<>();
  private final Set<String> views = new TreeSet<>();

  public ScenarioCoverage(ScenarioApi api) {
    this.api = api;
  }

  synchronized void recorded(List<StoredEvent> stored) {
    stored.forEach(e -> events.add(e.aggregate() + "." + e.type()));
  }

  synchronized void queried(String view) {
    views.add(view);
  }

  /**
   * Prints the coverage, writes it to {@code file}, and fails when the share of events or of views
   * covered is below its minimum (a percentage), naming what was not covered.
   */
  public synchronized void report(int minimumEvents, int minimumViews, Path file) {
    List<String> missedEvents = api.events.stream().filter(e -> !events.contains(e)).toList();
    List<String> missedViews = api.views.stream().filter(v -> !views.contains(v)).toList();
    String events =
        share("events", api.events.size() - missedEvents.size(), api.events.size(), minimumEvents);
    String views =
        share("views", api.views.size() - missedViews.size(), api.views.size(), minimumViews);
    String line = "Scenario coverage: " + events + "; " + views;
    StringBuilder report = new StringBuilder(line).append('\n');
    missedEvents.forEach(
        e -> report.append("event not recorded by any scenario: ").append(e).append('\n'));
    missedViews.forEach(
        v -> report.append("view not queried by any scenario: ").append(v).append('\n'));
    System.out.println(line);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder failure = new StringBuilder();
    if (below(missedEvents.size(), api.events.size(), minimumEvents)) {
      failure.append(
          "the scenarios record %s, less than the minimum %d%%; not recorded: %s. "
              .formatted(events, minimumEvents, String.join(", ", missedEvents)));
    }
    if (below(missedViews.size(), api.views.size(), minimumViews)) {
      failure.append(
          "the scenarios query %s, less than the minimum %d%%; not queried: %s. "
              .formatted(views, minimumViews, String.join(", ", missedViews)));
    }
    if (!failure.isEmpty()) {
      throw new AssertionFailedError(failure.toString().strip() + " (see " + file + ")");
    }
  }

  private static String share(String what, int covered, int all, int minimum) {
    return "%s %d/%d (%d%%, minimum %d%%)"
        .formatted(what, covered, all, percent(covered, all), minimum);
  }

  /** Rounded down, so that a share shown as the minimum is at least the minimum. */
  private static int percent(int covered, int all) {
    return all == 0 ? 100 : covered * 100 / all;
  }

  private static boolean below(int missed, int all, int minimum) {
    // covered/all < minimum/100, in integers.
    return (all - missed) * 100L < (long) minimum * all;
  }
}
