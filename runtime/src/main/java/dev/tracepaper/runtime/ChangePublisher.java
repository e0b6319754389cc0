package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Tells a view's subscribers that a row changed: after the projector wrote the row, it calls the
 * view's internal mutation ({@code publishBookAvailabilityChanged}, IAM only) on the AppSync API,
 * whose subscription ({@code onBookAvailabilityChanged}) then pushes the change to every client
 * that subscribed. The request is signed with SigV4 by the SDK's own signer, with the function's
 * credentials.
 *
 * <p>Publishing never holds the view back: the row is written first, and a publish that fails
 * (refused, unreachable, slower than {@link #TIMEOUT}) is logged and counted by the projector, not
 * retried: a subscription is a hint to read again, delivered at most once to whoever is connected
 * at that moment, so a client that must not miss a change reads the view after it (re)connects
 * (docs/generated-infrastructure.md, Subscriptions).
 *
 * <p>Only a projector with a view that notifies builds one ({@link #fromEnvironment()}), so the
 * other projectors load neither the signer nor a second HTTP client.
 */
public final class ChangePublisher {

  /** The environment variable holding the API's GraphQL URL. */
  public static final String URL_VARIABLE = "GRAPHQL_API_URL";

  /** The longest one publish may take: it delays the next event of the stream. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final URI endpoint;
  private final String region;
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final Clock clock;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  /**
   * @param endpoint the API's GraphQL URL ({@code
   *     https://….appsync-api.<region>.amazonaws.com/graphql})
   * @param region the region the request is signed for
   * @param clock the signing time's clock
   */
  public ChangePublisher(
      URI endpoint,
      String region,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      Clock clock) {
    this.endpoint = endpoint;
    this.region = region;
    this.http = http;
    this.credentials = credentials;
    this.clock = clock;
  }

  /** The publisher of a deployed projector: the API from {@value #URL_VARIABLE}. */
  public static ChangePublisher fromEnvironment() {
    return new ChangePublisher(
        URI.create(AwsClients.environment(URL_VARIABLE)),
        AwsClients.region().id(),
        UrlConnectionHttpClient.builder().connectionTimeout(TIMEOUT).socketTimeout(TIMEOUT).build(),
        DefaultCredentialsProvider.builder().build(),
        Clock.systemUTC());
  }

  /**
   * Publishes one written change of {@code view} with the view's mutation {@code document}, whose
   * variables are {@code key}, {@code deleted} and {@code row} (the row as JSON text, absent for a
   * deleted row).
   *
   * @throws PublishFailed when AppSync did not take it
   */
  public void publish(String document, RowChange change) {
    ObjectNode body = Json.object();
    body.put("query", document);
    ObjectNode variables = body.putObject("variables");
    variables.put("key", change.key());
    variables.put("deleted", change instanceof RowChange.Delete);
    if (change instanceof RowChange.Put put) {
      variables.put("row", Json.write(put.row()));
    } else {
      variables.putNull("row");
    }
    byte[] payload = Json.write(body).getBytes(StandardCharsets.UTF_8);
    SignedRequest signed = sign(payload);
    HttpExecuteResponse response;
    String answer;
    try {
      response =
          http.prepareRequest(
                  HttpExecuteRequest.builder()
                      .request(signed.request())
                      .contentStreamProvider(ContentStreamProvider.fromByteArray(payload))
                      .build())
              .call();
      answer = read(response);
    } catch (IOException | RuntimeException e) {
      throw new PublishFailed("AppSync could not be reached: " + e, e);
    }
    int status = response.httpResponse().statusCode();
    if (status != 200 || hasErrors(answer)) {
      throw new PublishFailed("AppSync answered " + status + ": " + abbreviate(answer), null);
    }
  }

  /** Whether a GraphQL answer lists errors (AppSync answers 200 with a refused field, too). */
  private static boolean hasErrors(String answer) {
    try {
      JsonNode errors = Json.parse(answer).path("errors");
      return !errors.isMissingNode() && !errors.isNull();
    } catch (RuntimeException e) {
      return true; // not GraphQL's answer at all
    }
  }

  /** The request of {@code payload}, signed for AppSync. */
  private SignedRequest sign(byte[] payload) {
    SdkHttpRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .putHeader("Content-Type", "application/json")
            .build();
    return signer.sign(
        r ->
            r.identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "appsync")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
  }

  /**
   * Loads and runs the signer once, before a SnapStart snapshot of a projector with a view that
   * notifies ({@link Priming#projector}), so the first publish after a restore does not: a request
   * is signed with made-up credentials and sent nowhere.
   */
  static void prime() {
    new ChangePublisher(
            URI.create("https://priming.invalid/graphql"),
            "us-east-1",
            null,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")),
            Clock.systemUTC())
        .sign("{}".getBytes(StandardCharsets.UTF_8));
  }

  private static String read(HttpExecuteResponse response) throws IOException {
    if (response.responseBody().isEmpty()) {
      return "";
    }
    try (InputStream in = response.responseBody().get()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** An answer in a log line: AppSync's errors are short, a proxy's page need not be. */
  private static String abbreviate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "…";
  }

  /** A change AppSync did not take: logged and counted, never retried. */
  public static final class PublishFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PublishFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
