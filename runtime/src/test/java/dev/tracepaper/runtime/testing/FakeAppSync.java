package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.tracepaper.runtime.ChangePublisher;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.Projection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * A local HTTP endpoint in place of the AppSync API, for the views that notify (no emulator runs
 * AppSync's GraphQL): it takes each publish the projector sends, answers it as AppSync would, and
 * remembers it with the row the view store held for its key at that moment, so a test can check
 * that the row was written before it was published, and what the subscribers would have received.
 */
public final class FakeAppSync implements AutoCloseable {

  /**
   * One publish as received.
   *
   * @param authorization the request's {@code Authorization} header
   * @param body the GraphQL request: {@code query} and {@code variables}
   * @param stored the view's row for the key when the publish arrived; empty when there was none
   */
  public record Publication(String authorization, JsonNode body, Optional<ObjectNode> stored) {

    public String key() {
      return body.path("variables").path("key").asText();
    }

    public boolean deleted() {
      return body.path("variables").path("deleted").asBoolean();
    }

    /** The row sent, its null fields left out (as the view store keeps a row). */
    public ObjectNode row() {
      JsonNode row = body.path("variables").path("row");
      return row.isTextual() ? withoutNulls((ObjectNode) Json.parse(row.asText())) : null;
    }
  }

  private final HttpServer server;
  private final List<Publication> received = new ArrayList<>();

  /** Starts the endpoint; {@code rows} reads the view's row by key as the publish arrives. */
  public FakeAppSync(java.util.function.Function<String, Optional<ObjectNode>> rows) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/graphql",
        exchange -> {
          JsonNode body =
              Json.parse(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          String key = body.path("variables").path("key").asText();
          synchronized (received) {
            received.add(
                new Publication(
                    exchange.getRequestHeaders().getFirst("Authorization"), body, rows.apply(key)));
          }
          ObjectNode data = Json.object();
          data.putObject("data").putObject("publish").put("key", key);
          byte[] answer = Json.write(data).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  /** A publisher to this endpoint, signing with test credentials. */
  public ChangePublisher publisher() {
    return new ChangePublisher(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql"),
        "us-east-1",
        UrlConnectionHttpClient.create(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
        Clock.systemUTC());
  }

  /** The publishes received so far, in order. */
  public List<Publication> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /**
   * Checks what {@code projection} published against the rows it holds now ({@code rows}): each
   * publish is the projection's mutation, signed, sent after its row was written (or deleted), and
   * the last one per key is the row as it is now, or a deletion of a row that is gone; every row
   * the view holds was published.
   */
  public void check(Projection projection, Map<String, ObjectNode> rows) {
    String document = projection.notification().orElseThrow();
    Map<String, Publication> last = new LinkedHashMap<>();
    for (Publication publication : received()) {
      String what = projection.view() + " published " + publication.key();
      if (!document.equals(publication.body().path("query").asText())) {
        throw new AssertionFailedError(
            what + " with another request", document, publication.body().path("query").asText());
      }
      if (publication.authorization() == null
          || !publication.authorization().startsWith("AWS4-HMAC-SHA256 Credential=test/")) {
        throw new AssertionFailedError(what + " unsigned: " + publication.authorization());
      }
      if (publication.deleted()) {
        if (publication.stored().isPresent()) {
          throw new AssertionFailedError(what + " as deleted before the row was deleted");
        }
      } else {
        ObjectNode stored =
            publication
                .stored()
                .orElseThrow(() -> new AssertionFailedError(what + " before the row was written"));
        Scenario.matches(
            what + " (the row as stored when it was published)", stored, publication.row());
      }
      last.put(publication.key(), publication);
    }
    for (Map.Entry<String, ObjectNode> row : rows.entrySet()) {
      Publication publication = last.get(row.getKey());
      if (publication == null || publication.deleted()) {
        throw new AssertionFailedError(
            projection.view() + " holds row " + row.getKey() + " but did not publish it last");
      }
      Scenario.matches(
          projection.view() + " row " + row.getKey() + " as last published",
          row.getValue(),
          publication.row());
    }
    last.forEach(
        (key, publication) -> {
          if (!rows.containsKey(key) && !publication.deleted()) {
            throw new AssertionFailedError(
                projection.view() + " no longer holds row " + key + " but did not publish that");
          }
        });
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static ObjectNode withoutNulls(ObjectNode row) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = row.properties().iterator();
        fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        fields.remove();
      } else if (field.getValue().isObject()) {
        withoutNulls((ObjectNode) field.getValue());
      }
    }
    return row;
  }
}
