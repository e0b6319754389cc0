package dev.tracepaper.runtime.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tracepaper.runtime.automation.AwsEffects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A local HTTP server standing in for the endpoints automations call: it records each request and
 * answers a given status (200 until told otherwise). The model's URLs name real hosts; {@link
 * #effects} gives {@link AwsEffects} that send every HTTP request here instead, path and query
 * kept, the URL as the automation built it in the header {@value #ORIGINAL_URL}.
 */
public final class HttpStub implements AutoCloseable {

  /** The header that carries the URL a routed request was made for. */
  public static final String ORIGINAL_URL = "X-Original-Url";

  /**
   * A request the stub received.
   *
   * @param url the URL the automation called (the original, when routed here)
   * @param headers by lower-case name (sorted), each with its values in the order received
   */
  public record Request(String method, String url, Map<String, List<String>> headers, String body) {

    /** The first value of a header, by its name in any case. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private int status = 200;

  private HttpStub(HttpServer server) {
    this.server = server;
  }

  /** A stub on a free loopback port, answering 200. */
  public static HttpStub start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      HttpStub stub = new HttpStub(server);
      server.createContext("/", stub::answer);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the HTTP stub", e);
    }
  }

  /** The status every later request is answered with. */
  public synchronized HttpStub answer(int newStatus) {
    status = newStatus;
    return this;
  }

  /** The requests received so far, in order. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  public synchronized void clear() {
    requests.clear();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** {@code request} sent to this stub instead of its host: path, query, headers, body kept. */
  public HttpRequest route(HttpRequest request) {
    URI original = request.uri();
    String query = original.getRawQuery();
    URI here =
        URI.create(
            endpoint()
                + (original.getRawPath() == null || original.getRawPath().isEmpty()
                    ? "/"
                    : original.getRawPath())
                + (query == null ? "" : "?" + query));
    return HttpRequest.newBuilder(request, (name, value) -> true)
        .uri(here)
        .header(ORIGINAL_URL, original.toString())
        .build();
  }

  /** Effects on {@code moto}'s AWS services, with every HTTP request routed to this stub. */
  public AwsEffects effects(MotoServer moto) {
    return new AwsEffects(moto::configure, this::route);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      List<String> original = headers.get(ORIGINAL_URL.toLowerCase(Locale.ROOT));
      String url =
          original == null ? endpoint() + exchange.getRequestURI().toString() : original.get(0);
      int answer;
      synchronized (this) {
        requests.add(new Request(exchange.getRequestMethod(), url, headers, body));
        answer = status;
      }
      exchange.sendResponseHeaders(answer, -1);
    }
  }
}
