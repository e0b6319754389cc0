package dev.tracepaper.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The local server, on 127.0.0.1 only: {@code POST /graphql} (the model's API), its schema at
 * {@code /schema.graphql}, the playground at {@code /}, and for it {@code GET /model}, {@code
 * /events} and {@code /views}, which the deployed API does not have. Requests are served one at a
 * time, as the running model changes under a lock.
 */
public final class RunServer implements AutoCloseable {

  private static final int MAX_REQUEST_BYTES = 1 << 20;

  private final HttpServer server;
  private final ExecutorService executor;
  private final ModelHost host;

  private RunServer(HttpServer server, ExecutorService executor, ModelHost host) {
    this.server = server;
    this.executor = executor;
    this.host = host;
  }

  /**
   * Serves {@code host}'s model on {@code port} (0: any free port).
   *
   * @throws java.net.BindException when the port is taken
   */
  static RunServer start(ModelHost host, int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    RunServer run = new RunServer(server, executor, host);
    server.createContext("/", run::handle);
    server.start();
    return run;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/graphql") && method.equals("POST")) {
        graphql(exchange);
      } else if (method.equals("GET") && (path.equals("/") || path.equals("/index.html"))) {
        send(exchange, 200, "text/html; charset=utf-8", playground());
      } else if (method.equals("GET") && path.equals("/schema.graphql")) {
        String schema;
        synchronized (host.lock()) {
          schema = host.running().api().schema();
        }
        send(exchange, 200, "text/plain; charset=utf-8", schema.getBytes(StandardCharsets.UTF_8));
      } else if (method.equals("GET") && path.equals("/model")) {
        json(exchange, 200, Playground.model(host));
      } else if (method.equals("GET") && path.equals("/events")) {
        json(exchange, 200, Playground.events(host));
      } else if (method.equals("GET") && path.equals("/views")) {
        json(exchange, 200, Playground.views(host));
      } else if (path.equals("/graphql")) {
        exchange.getResponseHeaders().add("Allow", "POST");
        json(exchange, 405, error("MethodNotAllowed", "Send GraphQL requests with POST"));
      } else {
        json(exchange, 404, error("NotFound", "Nothing is served at " + path));
      }
    } catch (RuntimeException e) {
      // One broken request must not stop the server; the console says what broke.
      System.err.println("tracepaper run: internal error answering a request: " + e);
    }
  }

  private void graphql(HttpExchange exchange) throws IOException {
    Optional<Identity> who =
        Identity.of(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
    byte[] body = read(exchange.getRequestBody());
    if (body == null) {
      json(exchange, 413, error("BadRequestException", "The request is larger than 1 MB"));
      return;
    }
    JsonNode request;
    try {
      request = EventLog.JSON.readTree(body);
    } catch (JacksonException e) {
      json(exchange, 400, error("MalformedHttpRequestException", "The body is not JSON"));
      return;
    }
    if (!request.path("query").isString()) {
      json(exchange, 400, error("MalformedHttpRequestException", "The body has no query"));
      return;
    }
    synchronized (host.lock()) {
      ModelHost.Running running = host.running();
      if (who.isEmpty() || (who.get() == Identity.API_KEY && !running.project().api().apiKey())) {
        json(
            exchange,
            401,
            error("UnauthorizedException", "Valid authorization header not provided."));
        return;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> variables =
          request.path("variables").isObject()
              ? EventLog.JSON.convertValue(request.get("variables"), Map.class)
              : Map.of();
      String operation =
          request.path("operationName").isString() ? request.get("operationName").asString() : null;
      Map<String, Object> answer =
          running.api().execute(request.get("query").asString(), variables, operation, who.get());
      json(exchange, 200, answer);
    }
  }

  private static byte[] read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
    return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
  }

  private static Map<String, Object> error(String type, String message) {
    return Map.of("errors", List.of(Map.of("errorType", type, "message", message)));
  }

  private static void json(HttpExchange exchange, int status, Object body) throws IOException {
    send(
        exchange, status, "application/json; charset=utf-8", EventLog.JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] playground() {
    try (InputStream in = RunServer.class.getResourceAsStream("playground.html")) {
      if (in == null) {
        throw new IllegalStateException("playground.html is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
