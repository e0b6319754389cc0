package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What code writes on standard output while it runs: the runtime's log lines and metrics. */
public final class StandardOutput {

  private StandardOutput() {}

  /** Runs {@code code} and answers each line it printed, parsed as JSON. */
  public static List<JsonNode> of(Runnable code) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code.run();
    } finally {
      System.setOut(stdout);
    }
    return out.toString(StandardCharsets.UTF_8).lines().map(Json::parse).toList();
  }

  /** The one line of {@code lines} whose {@code message} is {@code message}. */
  public static JsonNode line(List<JsonNode> lines, String message) {
    List<JsonNode> found =
        lines.stream().filter(l -> l.path("message").asText().equals(message)).toList();
    if (found.size() != 1) {
      throw new AssertionError("one line says " + message + ": " + lines);
    }
    return found.get(0);
  }
}
