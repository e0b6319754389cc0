package com.example.parcels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.parcels.parcel.ParcelAggregate;
import com.example.parcels.parcel.ParcelCommandHandler;
import com.example.parcels.parcel.ParcelState;
import com.example.parcels.types.ParcelStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.AppSyncRequest;
import dev.tracepaper.runtime.Caller;
import dev.tracepaper.runtime.DynamoDbEventStore;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.DynamoDbViewStore;
import dev.tracepaper.runtime.Loaded;
import dev.tracepaper.runtime.Projection;
import dev.tracepaper.runtime.ProjectorHandler;
import dev.tracepaper.runtime.RebuildHandler;
import dev.tracepaper.runtime.RebuildLedger;
import dev.tracepaper.runtime.ViewColour;
import dev.tracepaper.runtime.testing.AppSyncEvents;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.StreamDelivery;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Hand-written, in the project of version 2 of the parcels model (ModelEvolutionTest copies it in
 * after regenerating): version 2's code against the events version 1's code stored
 * (EvolutionV1Test), in the same table of the shared moto_server.
 */
class EvolutionV2Test {

  static final String EVENTS = "parcels-events";

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final Caller COURIER = new Caller("courier-7", "courier-7", List.of("courier"));

  @Test
  void readsWhatTheFirstModelStored() {
    DynamoDbClient dynamoDb = MOTO.dynamoDb();
    DynamoDbEventStore store = new DynamoDbEventStore(dynamoDb, EVENTS);
    ParcelCommandHandler handler = new ParcelCommandHandler(store, Clock.systemUTC());

    // Old aggregates load: version 1's ParcelRegistered is upcast (recipient → addressee, grams →
    // kilograms), and p1's snapshot, written with version 1's rules, is passed over: the new rule
    // makes two failed attempts a return.
    ParcelState p1 = store.load(ParcelAggregate.TYPE, "p1").state();
    assertEquals("Ada", p1.addressee());
    assertEquals(1.2, p1.weightKg(), 1e-9);
    assertEquals(2L, p1.attempts());
    assertEquals(ParcelStatus.RETURNING, p1.status());
    assertEquals(
        "NOT_UNDERWAY",
        send(handler, "deliverParcel", parcel("p1")).path("error").path("type").asText());

    // Commands work on old aggregates: p2's second failure (a new event) sends it back, and the
    // command writes a snapshot of the current rules although snapshotEvery was not reached anew.
    assertEquals(
        3L, send(handler, "reportFailedDelivery", parcel("p2").put("reason", "Nobody home"))
            .path("version").asLong());
    Loaded<ParcelState> p2 = store.load(ParcelAggregate.TYPE, "p2");
    assertEquals(ParcelStatus.RETURNING, p2.state().status());
    assertFalse(p2.staleSnapshot(), "p2's snapshot is of the current model");
    assertTrue(
        snapshotFingerprints(dynamoDb, "Parcel#p2").contains(ParcelAggregate.TYPE.stateFingerprint()),
        "a fresh snapshot of p2");

    // New parcels take version 2's input.
    ObjectNode p4 = parcel("p4").put("addressee", "Barbara").put("weightKg", 0.4);
    assertEquals(1L, send(handler, "registerParcel", p4).path("version").asLong());
    assertEquals("Edsger", store.load(ParcelAggregate.TYPE, "p3").state().addressee());

    // The new view fills from the stored events, old and new, by a rebuild that runs in short
    // steps while parcels are registered and the live projector follows them, one of its steps
    // killed half-way and taken up from its last save.
    Map<String, String> expected =
        new TreeMap<>(
            Map.of("p1", "RETURNING Ada", "p2", "RETURNING Grace", "p3", "DELIVERED Edsger",
                "p4", "REGISTERED Barbara"));
    JsonNode rebuilt = rebuildWhileParcelsArrive(dynamoDb, handler, "ReturningParcels", expected);
    assertEquals("green", rebuilt.path("live").asText(), rebuilt.toString());
    assertTrue(expected.size() > 6, "parcels registered during the rebuild: " + expected);
    assertEquals(expected, rows(dynamoDb, "ReturningParcels", ViewColour.GREEN));
    assertEquals(Map.of(), rows(dynamoDb, "ReturningParcels", ViewColour.BLUE), "emptied");
  }

  /**
   * Runs a rebuild of {@code view} in steps of two checks of the time left, registering a parcel
   * (added to {@code expected}) and delivering the new stream records to the projector after each;
   * the third step is killed at its second check. Answers the run as it ended.
   */
  private static JsonNode rebuildWhileParcelsArrive(
      DynamoDbClient dynamoDb,
      ParcelCommandHandler handler,
      String view,
      Map<String, String> expected) {
    createTable(dynamoDb, "view-bookkeeping", "pk", "sk");
    for (var projection : ViewProjector.projections()) {
      for (ViewColour colour : ViewColour.values()) {
        createTable(dynamoDb, table(colour.of(projection)), "parcelId", null);
      }
    }
    DynamoDbViewStore views =
        new DynamoDbViewStore(
            dynamoDb, variable -> "view-" + variable, "view-bookkeeping", Clock.systemUTC());
    RebuildLedger ledger = new RebuildLedger(dynamoDb, "view-bookkeeping", Clock.systemUTC());
    ProjectorHandler projector =
        new ProjectorHandler(
            views, new DynamoDbEventStore(dynamoDb, EVENTS), ledger, ViewProjector.projections());
    StreamDelivery live =
        StreamDelivery.of(dynamoDb, MOTO.dynamoDbStreams(), EVENTS).fromNow();
    RebuildHandler rebuild =
        new RebuildHandler(
            dynamoDb,
            EVENTS,
            views,
            ledger,
            ViewProjector.projections(),
            Clock.systemUTC(),
            Duration.ZERO);
    JsonNode answer =
        rebuild.handle(Json.MAPPER.createObjectNode().put("view", view), checks(2, false));
    for (int step = 1; !answer.path("status").asText().equals("done"); step++) {
      assertEquals("", answer.path("error").asText(), answer.toString());
      assertTrue(step < 40, answer.toString());
      String parcel = "p" + (4 + step);
      send(handler, "registerParcel", parcel(parcel).put("addressee", "A" + step).put("weightKg", 1));
      expected.put(parcel, "REGISTERED A" + step);
      assertEquals(0, live.deliverNew(projector).path("batchItemFailures").size());
      ObjectNode next =
          Json.MAPPER.createObjectNode()
              .put("view", view)
              .put("action", "continue")
              .put("run", answer.path("run").asText());
      if (step == 3) {
        assertThrows(IllegalStateException.class, () -> rebuild.handle(next, checks(2, true)));
        answer = rebuild.handle(next.put("action", "status"), () -> true);
      } else {
        answer = rebuild.handle(next, checks(2, false));
      }
    }
    return answer;
  }

  /** The time left of a step: {@code checks} checks, then out of time, or killed if {@code kill}. */
  private static BooleanSupplier checks(int checks, boolean kill) {
    AtomicInteger left = new AtomicInteger(checks);
    return () -> {
      if (left.decrementAndGet() > 0) {
        return true;
      }
      if (kill) {
        throw new IllegalStateException("the step is killed");
      }
      return false;
    };
  }

  private static String table(Projection table) {
    return "view-" + table.tableVariable();
  }

  /** The rows of {@code view}'s table of {@code colour}: key → status and addressee. */
  private static Map<String, String> rows(DynamoDbClient dynamoDb, String view, ViewColour colour) {
    Projection projection =
        ViewProjector.projections().stream()
            .filter(p -> p.view().equals(view))
            .findFirst()
            .orElseThrow();
    Map<String, String> rows = new TreeMap<>();
    dynamoDb.scan(s -> s.tableName(table(colour.of(projection)))).items().stream()
        .filter(item -> !item.containsKey("_deleted"))
        .forEach(
            item ->
                rows.put(
                    item.get("parcelId").s(),
                    item.get("status").s() + " " + item.get("addressee").s()));
    return rows;
  }

  private static void createTable(DynamoDbClient dynamoDb, String table, String hash, String range) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    List<KeySchemaElement> keys = new ArrayList<>();
    attributes.add(attribute(hash));
    keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
    if (range != null) {
      attributes.add(attribute(range));
      keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
    }
    dynamoDb.createTable(
        request ->
            request
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keys));
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static List<String> snapshotFingerprints(DynamoDbClient dynamoDb, String stream) {
    return dynamoDb
        .query(
            q ->
                q.tableName(EVENTS)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(stream))))
        .items()
        .stream()
        .filter(item -> item.containsKey("snapshot"))
        .map(item -> item.getOrDefault("stateFingerprint", AttributeValue.fromS("")).s())
        .toList();
  }

  private static ObjectNode parcel(String id) {
    return Json.MAPPER.createObjectNode().put("parcelId", id);
  }

  private static JsonNode send(ParcelCommandHandler handler, String mutation, ObjectNode input) {
    return AppSyncEvents.invoke(
        handler,
        AppSyncEvents.mutation(
            mutation, input, null, COURIER, AppSyncRequest.AuthType.AMAZON_COGNITO_USER_POOLS));
  }
}
