package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracepaper.runtime.testing.MotoServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
      for (var config :
          List.of(
              AwsClients.dynamoDb().serviceClientConfiguration().overrideConfiguration(),
              AwsClients.eventBridge().serviceClientConfiguration().overrideConfiguration())) {
        assertEquals(Optional.of(AwsClients.ATTEMPT_TIMEOUT), config.apiCallAttemptTimeout());
        assertEquals(Optional.of(AwsClients.CALL_TIMEOUT), config.apiCallTimeout());
      }
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

  /**
   * A command makes at most three calls in sequence (load, append, the idempotency record): even
   * when each takes its whole call timeout, the command answers before Lambda's timeout and
   * AppSync's limit (30 s each) cut it off without an answer.
   */
  @Test
  void threeCallsFitInsideTheFunctionAndAppSyncLimits() {
    Duration limit = Duration.ofSeconds(30);
    assertTrue(AwsClients.CALL_TIMEOUT.multipliedBy(3).compareTo(limit) < 0);
    assertTrue(AwsClients.ATTEMPT_TIMEOUT.compareTo(AwsClients.CALL_TIMEOUT) < 0);
  }

  /**
   * An endpoint that takes the connection and never answers: without timeouts the SDK would wait 30
   * s per attempt (the URLConnection client's read timeout); with them the call fails within the
   * call timeout.
   */
  @Test
  void aCallToAnEndpointThatNeverAnswersGivesUpWithinTheCallTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DynamoDbClient client =
            DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(AwsClients.timeouts())
                .build()) {
      long started = System.nanoTime();

      assertThrows(SdkClientException.class, client::listTables);

      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(
          took.compareTo(AwsClients.CALL_TIMEOUT.plusSeconds(2)) < 0, "gave up after " + took);
    }
  }
}
