package com.example.parcels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.parcels.parcel.ParcelCommandHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.AppSyncRequest;
import dev.tracepaper.runtime.Caller;
import dev.tracepaper.runtime.DynamoDbEventStore;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.testing.AppSyncEvents;
import dev.tracepaper.runtime.testing.MotoServer;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Hand-written, in the project of version 1 of the parcels model (ModelEvolutionTest copies it
 * in): stores, with version 1's code, the events that version 2's code must then read from the same
 * table of a moto_server both builds share.
 */
class EvolutionV1Test {

  static final String EVENTS = "parcels-events";

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final Caller COURIER = new Caller("courier-7", "courier-7", List.of("courier"));

  @Test
  void storesTheFirstModelsEvents() {
    DynamoDbClient dynamoDb = MOTO.dynamoDb();
    MOTO.createEventStoreTable(dynamoDb, EVENTS);
    ParcelCommandHandler handler =
        new ParcelCommandHandler(new DynamoDbEventStore(dynamoDb, EVENTS), Clock.systemUTC());

    // p1: two failed attempts; snapshotEvery is 2, so a snapshot of version 1's state is stored.
    assertVersion(1, send(handler, "registerParcel", register("p1", "Ada", 1200)));
    assertVersion(2, send(handler, "attemptDelivery", parcel("p1")));
    assertVersion(3, send(handler, "attemptDelivery", parcel("p1")));
    // p2: one failed attempt. p3: delivered.
    assertVersion(1, send(handler, "registerParcel", register("p2", "Grace", 800)));
    assertVersion(2, send(handler, "attemptDelivery", parcel("p2")));
    assertVersion(1, send(handler, "registerParcel", register("p3", "Edsger", 2500)));
    assertVersion(2, send(handler, "deliverParcel", parcel("p3")));
    // A delivered parcel is not delivered twice.
    assertEquals(
        "NOT_UNDERWAY",
        send(handler, "deliverParcel", parcel("p3")).path("error").path("type").asText());
  }

  private static ObjectNode register(String id, String recipient, long grams) {
    return parcel(id).put("recipient", recipient).put("weightGrams", grams);
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

  private static void assertVersion(long version, JsonNode answer) {
    assertEquals(version, answer.path("version").asLong(), answer.toString());
  }
}
