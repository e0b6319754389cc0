package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document of CloudWatch's embedded metric format: a JSON line on standard output that
 * CloudWatch Logs turns into metrics, without a call to CloudWatch and without a library. Each
 * metric is a count under a set of dimensions; the document also carries {@code level}, {@code
 * message} and the invocation's fields ({@link Log}), so it is the log line of what it counts.
 * docs/operations.md lists every metric.
 */
public final class Metrics {

  /** The environment variable that names the namespace (the template sets the stack's name). */
  static final String NAMESPACE_VARIABLE = "METRICS_NAMESPACE";

  static final String DEFAULT_NAMESPACE = "Tracepaper";

  private static final String NAMESPACE = namespace();

  /** Set while priming runs synthetic requests ({@link Priming}), which count nothing. */
  private static volatile boolean silent;

  private final String message;
  private final Map<String, String> dimensions = new LinkedHashMap<>();
  private final Map<List<String>, Map<String, Long>> counts = new LinkedHashMap<>();

  private Metrics(String message) {
    this.message = message;
  }

  /** A document whose log line says {@code message}. */
  public static Metrics of(String message) {
    return new Metrics(message);
  }

  /** The value of a dimension that {@link #count} names. */
  public Metrics dimension(String name, String value) {
    dimensions.put(name, value);
    return this;
  }

  /** Counts {@code value} of {@code metric} under the dimensions named (already given values). */
  public Metrics count(String metric, long value, String... dimensionNames) {
    for (String name : dimensionNames) {
      if (!dimensions.containsKey(name)) {
        throw new IllegalArgumentException("dimension " + name + " has no value");
      }
    }
    counts.computeIfAbsent(List.of(dimensionNames), k -> new LinkedHashMap<>()).put(metric, value);
    return this;
  }

  /** Writes the document as one line of the log, unless metrics are silenced. */
  public void emit() {
    if (silent) {
      return;
    }
    ObjectNode line = Json.object();
    ObjectNode aws = line.putObject("_aws");
    aws.put("Timestamp", System.currentTimeMillis());
    ArrayNode directives = aws.putArray("CloudWatchMetrics");
    List<Map.Entry<String, Long>> values = new ArrayList<>();
    for (Map.Entry<List<String>, Map<String, Long>> set : counts.entrySet()) {
      ObjectNode directive = directives.addObject();
      directive.put("Namespace", NAMESPACE);
      ArrayNode names = directive.putArray("Dimensions").addArray();
      set.getKey().forEach(names::add);
      ArrayNode metrics = directive.putArray("Metrics");
      for (Map.Entry<String, Long> count : set.getValue().entrySet()) {
        metrics.addObject().put("Name", count.getKey()).put("Unit", "Count");
        values.add(count);
      }
    }
    dimensions.forEach(line::put);
    values.forEach(count -> line.put(count.getKey(), count.getValue()));
    line.put("level", Log.Level.INFO.name());
    line.put("message", message);
    Log.context(line);
    Log.print(line);
  }

  /**
   * The outcome of one command (a mutation, or a policy's delivery): {@code CommandSucceeded},
   * {@code CommandRefused} (also by its code) or {@code CommandFailed}, with the races it lost
   * ({@code Conflicts}), the decisions it made again ({@code Retries}) and the stored events it
   * read in an older shape ({@code Upcasts}).
   *
   * @param code the refusal's code; {@code null} unless {@code outcome} is {@code CommandRefused}
   */
  static void command(String aggregate, String command, String outcome, String code) {
    Invocation invocation = Invocation.current();
    Metrics metrics =
        of(code == null ? outcome : outcome + " " + code)
            .dimension("Aggregate", aggregate)
            .dimension("Command", command)
            .count(outcome, 1, "Aggregate", "Command")
            .count("Conflicts", invocation.conflicts(), "Aggregate", "Command")
            .count("Retries", invocation.retries(), "Aggregate", "Command")
            .count("Upcasts", invocation.upcasts(), "Aggregate", "Command");
    if (code != null) {
      metrics.dimension("Code", code).count(outcome, 1, "Aggregate", "Command", "Code");
    }
    metrics.emit();
  }

  /** Runs {@code run} with every metric silenced: for requests that are not the users'. */
  static void silently(Runnable run) {
    silent = true;
    try {
      run.run();
    } finally {
      silent = false;
    }
  }

  private static String namespace() {
    String namespace = System.getenv(NAMESPACE_VARIABLE);
    return namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
  }
}
