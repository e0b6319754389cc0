package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A policy function's input: a batch of its queue, or one bus event. */
class PolicyDeliveriesTest {

  /** Refuses version 2 as a rule would, fails on version 3 as a bug would, runs the others. */
  private final List<Long> ran = new ArrayList<>();

  private JsonNode run(JsonNode busEvent) {
    long version = busEvent.path("detail").path("version").asLong();
    if (version == 2) {
      throw CommandError.conflict("Counter", "c1");
    }
    if (version == 3) {
      throw new IllegalStateException("a bug");
    }
    ran.add(version);
    return Json.object().put("version", version);
  }

  @Test
  void answersTheFailedDeliveriesOfABatchAndRunsTheOthers() {
    ObjectNode batch = Json.object();
    ArrayNode records = batch.putArray("Records");
    for (long version = 1; version <= 4; version++) {
      records
          .addObject()
          .put("messageId", "m" + version)
          .put("eventSource", "aws:sqs")
          .put("body", Json.write(busEvent(version)));
    }

    JsonNode answer = invoke(batch);

    assertEquals(
        Json.parse(
            "{\"batchItemFailures\": [{\"itemIdentifier\": \"m2\"}, {\"itemIdentifier\": \"m3\"}]}"),
        answer);
    assertEquals(List.of(1L, 4L), ran);
  }

  @Test
  void runsABusEventSentDirectlyAndThrowsItsFailure() {
    assertEquals(Json.object().put("version", 1), invoke(busEvent(1)));
    CommandError refused = assertThrows(CommandError.class, () -> invoke(busEvent(2)));
    assertEquals("CONFLICT", refused.code());
  }

  private JsonNode invoke(JsonNode input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PolicyDeliveries.handle(
        new ByteArrayInputStream(Json.write(input).getBytes(StandardCharsets.UTF_8)),
        out,
        this::run);
    return Json.parse(out.toString(StandardCharsets.UTF_8));
  }

  private static ObjectNode busEvent(long version) {
    ObjectNode event = Json.object().put("source", "sample.Counting.Counter");
    event.put("detail-type", "CounterIncremented");
    event.putObject("detail").put("version", version);
    return event;
  }
}
