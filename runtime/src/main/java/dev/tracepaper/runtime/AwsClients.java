package dev.tracepaper.runtime;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients of a Lambda function, each built once, on first use, into a static field: a
 * handler that touches one during initialization has it in its SnapStart snapshot, and a function
 * never builds a client it does not use.
 *
 * <p>Region: the system property {@code aws.region}, else {@code AWS_REGION} (always set in
 * Lambda), read directly so that the SDK does not search profile files. Endpoints: the SDK's
 * standard {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_DYNAMODB}, ... variables and their
 * {@code aws.endpointUrl...} system properties apply (a local emulator in tests). Credentials: the
 * SDK's default chain, which under SnapStart reads the container credentials that Lambda refreshes
 * after a restore.
 */
public final class AwsClients {

  private AwsClients() {}

  public static DynamoDbClient dynamoDb() {
    return DynamoDb.CLIENT;
  }

  public static EventBridgeClient eventBridge() {
    return EventBridge.CLIENT;
  }

  public static SqsClient sqs() {
    return Sqs.CLIENT;
  }

  /** The value of a required environment variable; a missing one is a deployment error. */
  public static String environment(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }

  static Region region() {
    String region = System.getProperty("aws.region");
    if (region == null || region.isBlank()) {
      region = environment("AWS_REGION");
    }
    return Region.of(region);
  }

  // Holder classes: the JVM initializes each on first use, once, thread-safely.

  private static final class DynamoDb {
    static final DynamoDbClient CLIENT =
        DynamoDbClient.builder()
            .region(region())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
  }

  private static final class EventBridge {
    static final EventBridgeClient CLIENT =
        EventBridgeClient.builder()
            .region(region())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
  }

  private static final class Sqs {
    static final SqsClient CLIENT =
        SqsClient.builder()
            .region(region())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
  }
}
