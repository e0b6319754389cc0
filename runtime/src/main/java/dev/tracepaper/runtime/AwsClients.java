package dev.tracepaper.runtime;

import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
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
 *
 * <p>Timeouts: one HTTP attempt gets {@link #ATTEMPT_TIMEOUT}, a call with the SDK's retries {@link
 * #CALL_TIMEOUT}. The SDK sets neither (the URLConnection client waits 30 s for a read), so a call
 * that hangs would hold a command until Lambda's 30 s timeout or AppSync's 30 s limit cut it off
 * with no answer. A command makes at most three calls in sequence (load, append, and on the failure
 * path the idempotency record), 24 s at worst: it answers, even if with an error, inside both
 * limits. DynamoDB and EventBridge answer in milliseconds; 3 s is room for a cold connection.
 */
public final class AwsClients {

  /** The longest one HTTP attempt of an AWS call may take. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

  /** The longest an AWS call may take, its retries included. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

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

  /**
   * Gives {@code builder} what every client of the runtime has: the region, the URLConnection HTTP
   * client, the timeouts; for the clients built elsewhere (the automations', only those used).
   */
  public static void configure(AwsClientBuilder<?, ?> builder) {
    builder.region(region());
    builder.overrideConfiguration(timeouts());
    if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClientBuilder(UrlConnectionHttpClient.builder());
    }
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

  /** The timeouts every client of the runtime gets. */
  static ClientOverrideConfiguration timeouts() {
    return ClientOverrideConfiguration.builder()
        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
        .apiCallTimeout(CALL_TIMEOUT)
        .build();
  }

  // Holder classes: the JVM initializes each on first use, once, thread-safely.

  private static final class DynamoDb {
    static final DynamoDbClient CLIENT =
        DynamoDbClient.builder()
            .region(region())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(timeouts())
            .build();
  }

  private static final class EventBridge {
    static final EventBridgeClient CLIENT =
        EventBridgeClient.builder()
            .region(region())
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(timeouts())
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
