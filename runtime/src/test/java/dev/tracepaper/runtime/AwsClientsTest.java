package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracepaper.runtime.testing.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared clients honour the SDK's standard settings: region, endpoint and credentials from
 * system properties here (their environment variables in Lambda), so nothing in the code points at
 * a particular endpoint.
 */
class AwsClientsTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  @Test
  void buildsEachClientOnceFromTheStandardSettings() {
    System.setProperty("aws.region", "eu-west-1");
    System.setProperty("aws.endpointUrl", MOTO.endpoint().toString());
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    try {
      assertSame(AwsClients.dynamoDb(), AwsClients.dynamoDb());
      assertEquals("eu-west-1", AwsClients.dynamoDb().serviceClientConfiguration().region().id());
      MOTO.createEventStoreTable(AwsClients.dynamoDb(), "aws-clients-test");
      assertTrue(AwsClients.dynamoDb().listTables().tableNames().contains("aws-clients-test"));
      AwsClients.eventBridge().createEventBus(r -> r.name("aws-clients-test"));
      assertTrue(
          AwsClients.eventBridge()
              .listEventBuses(r -> r.namePrefix("aws-clients"))
              .eventBuses()
              .stream()
              .anyMatch(bus -> bus.name().equals("aws-clients-test")));
    } finally {
      System.clearProperty("aws.region");
      System.clearProperty("aws.endpointUrl");
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }
}
