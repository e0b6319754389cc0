package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.StreamDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * What Lambda's event source mapping does with a stream consumer's answers, as its documentation
 * describes it, so that tests can run the handler's side of the contract: batches of at most {@code
 * BatchSize} records in order; after an answer naming a failed record ({@code
 * ReportBatchItemFailures}) the records before it count as done and the batch is retried from it,
 * halved each time ({@code BisectBatchOnFunctionError}); after {@code MaximumRetryAttempts} retries
 * the batch is handed to the on-failure destination and the mapping moves on. Lambda's own timing,
 * parallelization and record age limit are not simulated.
 */
final class StreamMapping {

  private final int batchSize;
  private final int maximumRetryAttempts;
  private int invocations;

  StreamMapping(int batchSize, int maximumRetryAttempts) {
    this.batchSize = batchSize;
    this.maximumRetryAttempts = maximumRetryAttempts;
  }

  /**
   * The mapping of the projector as the generator's templates configure it in every generated
   * {@code template.yaml} (read from {@code tracepaper.templates}, the repository's {@code
   * templates/} folder, whichever of its YAML templates holds it), so that the runtime is tested
   * under the settings generated projects deploy it with.
   */
  static StreamMapping ofProjector() {
    Path templates = Path.of(System.getProperty("tracepaper.templates", "../templates"));
    try (Stream<Path> files = Files.walk(templates)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml.ftl")).toList()) {
        String template = Files.readString(file);
        int at = template.indexOf("\n  ProjectorStreamMapping:");
        if (at >= 0) {
          String mapping = template.substring(at, template.indexOf("\n\n", at));
          return new StreamMapping(
              number(mapping, "BatchSize"), number(mapping, "MaximumRetryAttempts"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the templates in " + templates.toAbsolutePath(), e);
    }
    throw new IllegalStateException("no ProjectorStreamMapping in the templates in " + templates);
  }

  int batchSize() {
    return batchSize;
  }

  int maximumRetryAttempts() {
    return maximumRetryAttempts;
  }

  /** How many times the handler was invoked so far. */
  int invocations() {
    return invocations;
  }

  /**
   * Delivers {@code records} (one shard, in order) to {@code handler}, which answers {@code
   * batchItemFailures}; the batches given up on go to {@code onFailure}.
   */
  void deliver(
      List<Record> records,
      Function<JsonNode, JsonNode> handler,
      Consumer<List<Record>> onFailure) {
    int next = 0;
    while (next < records.size()) {
      List<Record> batch = records.subList(next, Math.min(next + batchSize, records.size()));
      for (int retries = 0; ; retries++) {
        invocations++;
        int failed = firstFailed(batch, handler.apply(StreamDelivery.lambdaEvent(batch)));
        if (failed < 0) {
          next += batch.size();
          break;
        }
        next += failed;
        batch = batch.subList(failed, batch.size());
        if (retries == maximumRetryAttempts) {
          onFailure.accept(List.copyOf(batch));
          next += batch.size();
          break;
        }
        batch = batch.subList(0, (batch.size() + 1) / 2);
      }
    }
  }

  /**
   * The on-failure record Lambda sends for a stream batch: where the batch is, not its records
   * (those stay in the stream for its retention, 24 hours, and in the table).
   */
  static ObjectNode failureRecord(List<Record> batch, String streamArn) {
    ObjectNode record = Json.object();
    record.putObject("requestContext").put("condition", "RetryAttemptsExhausted");
    ObjectNode info = record.putObject("DDBStreamBatchInfo");
    info.put("shardId", "shard-0");
    info.put("startSequenceNumber", batch.get(0).dynamodb().sequenceNumber());
    info.put("endSequenceNumber", batch.get(batch.size() - 1).dynamodb().sequenceNumber());
    info.put("batchSize", batch.size());
    info.put("streamArn", streamArn);
    return record;
  }

  /** The index of the failed record the answer names, or -1; a malformed answer fails it all. */
  private static int firstFailed(List<Record> batch, JsonNode answer) {
    int first = -1;
    for (JsonNode failure : answer.path("batchItemFailures")) {
      String id = failure.path("itemIdentifier").asText("");
      int index = -1;
      for (int i = 0; i < batch.size(); i++) {
        if (batch.get(i).dynamodb().sequenceNumber().equals(id)) {
          index = i;
        }
      }
      if (index < 0) {
        return 0;
      }
      first = first < 0 ? index : Math.min(first, index);
    }
    return first;
  }

  private static int number(String mapping, String property) {
    Matcher matcher = Pattern.compile("\n\\s+" + property + ": (\\d+)").matcher(mapping);
    if (!matcher.find()) {
      throw new IllegalStateException("template.yaml: ProjectorStreamMapping has no " + property);
    }
    return Integer.parseInt(matcher.group(1));
  }
}
