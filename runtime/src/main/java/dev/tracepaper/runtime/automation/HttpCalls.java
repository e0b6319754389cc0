package dev.tracepaper.runtime.automation;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * HTTP calls of automations, through the JDK's client (no dependency). A status outside 200–299
 * fails the run; the failure names the status, the method and the URL without its query, never a
 * header or the body, which may hold secrets.
 */
final class HttpCalls {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  private final UnaryOperator<HttpRequest> requests;

  HttpCalls(UnaryOperator<HttpRequest> requests) {
    this.requests = requests;
  }

  void send(HttpCall call) {
    String what = call.method() + " " + call.urlWithoutQuery();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(call, what))
            .timeout(REQUEST_TIMEOUT)
            .method(
                call.method(),
                call.body()
                    .map(body -> HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .orElse(HttpRequest.BodyPublishers.noBody()));
    call.headers().forEach(header -> request.header(header.name(), header.value()));
    int status;
    try {
      status =
          client
              .send(requests.apply(request.build()), HttpResponse.BodyHandlers.discarding())
              .statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("HTTP " + what + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("HTTP " + what + " was interrupted", e);
    }
    if (status < 200 || status > 299) {
      throw new IllegalStateException("HTTP " + what + " answered " + status);
    }
  }

  /**
   * The call's URL; an invalid one fails without the JDK's message, which would repeat the whole
   * URL, query (and so perhaps a secret) included.
   */
  private static URI uri(HttpCall call, String what) {
    try {
      return new URI(call.url());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "HTTP "
              + what
              + ": not a valid URL ("
              + e.getReason()
              + " at index "
              + e.getIndex()
              + ")");
    }
  }
}
