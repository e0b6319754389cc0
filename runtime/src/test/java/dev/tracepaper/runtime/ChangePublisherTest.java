package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.tracepaper.runtime.testing.InMemoryViewStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The publisher of the views that notify, against a local HTTP server in place of AppSync (which no
 * emulator runs): the request it sends, its SigV4 signature, and how a projector uses it.
 */
class ChangePublisherTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:30:00Z"), ZoneOffset.UTC);
  private static final AwsSessionCredentials CREDENTIALS =
      AwsSessionCredentials.create("AKIDTEST", "secret-of-the-test", "session-token");
  private static final String REGION = "eu-west-1";
  private static final String DOCUMENT =
      "mutation PublishTotalsChanged($key: String!, $deleted: Boolean!, $row: AWSJSON) {"
          + " publishTotalsChanged(key: $key, deleted: $deleted, row: $row) { key deleted row { id"
          + " total } } }";

  /** One request as the server received it. */
  private record Received(
      String method, String path, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase());
      return values == null ? null : String.join(",", values);
    }
  }

  private final List<Received> received = new ArrayList<>();
  private HttpServer server;
  private int status = 200;
  private String answer = "{\"data\":{\"publishTotalsChanged\":{\"key\":\"c1\"}}}";

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/graphql",
        exchange -> {
          Map<String, List<String>> headers = new TreeMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
          byte[] body = exchange.getRequestBody().readAllBytes();
          synchronized (received) {
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    headers,
                    body));
          }
          byte[] out = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
  }

  private ChangePublisher publisher() {
    return new ChangePublisher(
        endpoint(),
        REGION,
        UrlConnectionHttpClient.create(),
        StaticCredentialsProvider.create(CREDENTIALS),
        CLOCK);
  }

  @Test
  void postsTheMutationWithTheRowAsVariables() {
    ObjectNode row = Json.object().put("id", "c1").put("total", 3);

    publisher().publish(DOCUMENT, new RowChange.Put("c1", row));

    assertEquals(1, received.size());
    Received request = received.get(0);
    assertEquals("POST", request.method());
    assertEquals("/graphql", request.path());
    assertEquals("application/json", request.header("content-type"));
    JsonNode body = Json.parse(new String(request.body(), StandardCharsets.UTF_8));
    assertEquals(DOCUMENT, body.path("query").asText());
    assertEquals("c1", body.path("variables").path("key").asText());
    assertEquals(false, body.path("variables").path("deleted").asBoolean(true));
    // AWSJSON is JSON text; AppSync hands the resolver the object it holds.
    assertEquals(row, Json.parse(body.path("variables").path("row").asText()));
  }

  @Test
  void aDeletedRowIsSentAsItsKeyWithoutARow() {
    publisher().publish(DOCUMENT, new RowChange.Delete("c1"));

    JsonNode variables =
        Json.parse(new String(received.get(0).body(), StandardCharsets.UTF_8)).path("variables");
    assertEquals("c1", variables.path("key").asText());
    assertTrue(variables.path("deleted").asBoolean(false));
    assertTrue(variables.path("row").isNull(), variables.toString());
  }

  @Test
  void signsTheRequestWithSigV4ForAppSync() {
    publisher().publish(DOCUMENT, new RowChange.Put("c1", Json.object().put("id", "c1")));

    Received request = received.get(0);
    String authorization = request.header("authorization");
    Matcher parts =
        Pattern.compile(
                "AWS4-HMAC-SHA256 Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})")
            .matcher(authorization);
    assertTrue(parts.matches(), authorization);
    assertEquals("AKIDTEST/20260301/eu-west-1/appsync/aws4_request", parts.group(1));
    List<String> signedHeaders = Arrays.asList(parts.group(2).split(";"));
    assertTrue(signedHeaders.containsAll(List.of("host", "x-amz-date")), signedHeaders.toString());
    assertTrue(signedHeaders.contains("x-amz-security-token"), signedHeaders.toString());
    assertEquals("20260301T123000Z", request.header("x-amz-date"));
    assertEquals("session-token", request.header("x-amz-security-token"));

    // The signature verifies: the same request as received, signed again with the same
    // credentials and clock, gives the same signature (a changed body or header would not).
    assertEquals(authorization, signAgain(request, signedHeaders));
    Received tampered =
        new Received(
            request.method(),
            request.path(),
            request.headers(),
            new String(request.body(), StandardCharsets.UTF_8)
                .replace("\"c1\"", "\"c2\"")
                .getBytes(StandardCharsets.UTF_8));
    assertTrue(!authorization.equals(signAgain(tampered, signedHeaders)), "the body is signed");
  }

  /** The Authorization header of {@code request} signed again from its signed headers and body. */
  private String signAgain(Received request, List<String> signedHeaders) {
    SdkHttpFullRequest.Builder unsigned =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method()))
            .uri(endpoint());
    for (String name : signedHeaders) {
      // The signer adds the date and the session token itself.
      if (!name.equals("host")
          && !name.equals("x-amz-date")
          && !name.equals("x-amz-security-token")) {
        unsigned.putHeader(name, request.header(name));
      }
    }
    return AwsV4HttpSigner.create()
        .sign(
            r ->
                r.identity(CREDENTIALS)
                    .request(unsigned.build())
                    .payload(ContentStreamProvider.fromByteArray(request.body()))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "appsync")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                    .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK))
        .request()
        .firstMatchingHeader("Authorization")
        .orElseThrow();
  }

  @Test
  void aRefusedOrFailedPublishIsAnError() {
    status = 401;
    answer = "{\"errors\":[{\"errorType\":\"UnauthorizedException\"}]}";
    ChangePublisher.PublishFailed refused =
        assertThrows(
            ChangePublisher.PublishFailed.class,
            () -> publisher().publish(DOCUMENT, new RowChange.Delete("c1")));
    assertTrue(refused.getMessage().contains("401"), refused.getMessage());

    // AppSync answers 200 when a field is refused or fails: the errors say so.
    status = 200;
    answer = "{\"data\":null,\"errors\":[{\"message\":\"Not Authorized\"}]}";
    assertThrows(
        ChangePublisher.PublishFailed.class,
        () -> publisher().publish(DOCUMENT, new RowChange.Delete("c1")));
  }

  @Test
  void theProjectorPublishesAWrittenRowAfterWritingIt() {
    InMemoryViewStore store = new InMemoryViewStore();
    ProjectorHandler projector =
        new ProjectorHandler(store, null, null, List.of(TOTALS), publisher());

    ObjectNode response = projector.project(streamEvent("c1"));

    assertEquals(0, response.path("batchItemFailures").size());
    assertEquals(1, received.size());
    JsonNode variables =
        Json.parse(new String(received.get(0).body(), StandardCharsets.UTF_8)).path("variables");
    assertEquals("c1", variables.path("key").asText());
    assertEquals(
        store.rows("Totals").get("c1").path("total").asInt(),
        Json.parse(variables.path("row").asText()).path("total").asInt());
  }

  @Test
  void aFailedPublishIsCountedAndHoldsNothingBack() {
    status = 500;
    answer = "{\"message\":\"Internal failure\"}";
    InMemoryViewStore store = new InMemoryViewStore();
    ProjectorHandler projector =
        new ProjectorHandler(store, null, null, List.of(TOTALS), publisher());

    List<JsonNode> lines =
        StandardOutput.of(
            () ->
                assertEquals(
                    0, projector.project(streamEvent("c1")).path("batchItemFailures").size()));

    assertTrue(store.rows("Totals").containsKey("c1"), "the row is written all the same");
    assertEquals(1, received.size(), "one attempt, not retried");
    JsonNode batch = StandardOutput.line(lines, "Projected a batch");
    assertEquals(1, batch.path("NotificationFailures").asInt(-1));
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.path("message").asText().startsWith("Publishing a changed row")
                        && l.path("view").asText().equals("Totals")
                        && l.path("key").asText().equals("c1")),
        lines.toString());
  }

  @Test
  void aProjectorWithoutAPublisherWritesAndSendsNothing() {
    InMemoryViewStore store = new InMemoryViewStore();
    new ProjectorHandler(store, List.of(TOTALS)).project(streamEvent("c1"));

    assertTrue(store.rows("Totals").containsKey("c1"));
    assertEquals(List.of(), received);
  }

  @Test
  void primingAProjectorThatNotifiesSignsButSendsNothing() {
    // No GRAPHQL_API_URL and no credentials here, as before a SnapStart snapshot: it must not
    // fail, and no request may leave.
    Priming.projector(List.of(TOTALS));

    assertEquals(List.of(), received);
  }

  private static ObjectNode streamEvent(String key) {
    ObjectNode streamEvent = Json.object();
    ArrayNode records = streamEvent.putArray("Records");
    ProjectorBatchTest.add(
        records,
        "100",
        "INSERT",
        EventItems.eventItem(ViewStoreContract.event(key, 1, "CounterCreated")));
    return streamEvent;
  }

  /** A view that notifies: one row per counter, its version as the total. */
  private static final Projection TOTALS =
      new Projection() {
        @Override
        public String view() {
          return "Totals";
        }

        @Override
        public String keyField() {
          return "id";
        }

        @Override
        public String tableVariable() {
          return "TOTALS_TABLE";
        }

        @Override
        public String tableSuffix() {
          return "totals";
        }

        @Override
        public long retentionDays() {
          return 0;
        }

        @Override
        public boolean handles(StoredEvent event) {
          return true;
        }

        @Override
        public List<RowChange> project(StoredEvent event, RowReader rows) {
          return List.of(
              new RowChange.Put(
                  event.key(), Json.object().put("id", event.key()).put("total", event.version())));
        }

        @Override
        public Optional<String> notification() {
          return Optional.of(DOCUMENT);
        }
      };
}
