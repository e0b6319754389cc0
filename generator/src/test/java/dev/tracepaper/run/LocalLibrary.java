package dev.tracepaper.run;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An example (the library unless a test names another) running locally for a test: its model copied
 * to a folder the test may edit, its events in another, served on a free port; requests over real
 * HTTP.
 */
final class LocalLibrary implements AutoCloseable {

  static final String LIBRARIAN = token("u-lib", "lena", List.of("librarian"));
  static final String MEMBER = token("u-mem", "max", List.of("member"));
  static final String NOBODY = token("u-none", "nora", List.of());

  final Path model;
  final Path data;
  final List<String> console = Collections.synchronizedList(new ArrayList<>());
  final LocalRun run;
  private final HttpClient http = HttpClient.newHttpClient();

  /** What the last start printed, also when it did not start. */
  private static final List<String> LAST = Collections.synchronizedList(new ArrayList<>());

  private LocalLibrary(Path model, Path data) throws Exception {
    this.model = model;
    this.data = data;
    LAST.clear();
    this.run =
        LocalRun.start(
            List.of(model),
            model,
            Optional.of(data),
            0,
            line -> {
              console.add(line);
              LAST.add(line);
            });
  }

  static List<String> lastConsole() {
    return List.copyOf(LAST);
  }

  /** The library copied to {@code folder}/model, with its data in {@code folder}/data. */
  static LocalLibrary start(Path folder) throws Exception {
    return start(folder, "library");
  }

  /**
   * The example {@code example} copied to {@code folder}/model, its data in {@code folder}/data;
   * {@code init} is the model {@code tracepaper init} writes.
   */
  static LocalLibrary start(Path folder, String example) throws Exception {
    Path model = folder.resolve("model");
    if (!Files.exists(model) && example.equals("init")) {
      // The model `tracepaper init` writes, which README's first screen runs.
      Files.createDirectories(model);
      try (var starter =
          dev.tracepaper.cli.InitCommand.class.getResourceAsStream("starter-model.yaml")) {
        Files.write(model.resolve("model.yaml"), starter.readAllBytes());
      }
    }
    if (!Files.exists(model)) {
      Files.createDirectories(model);
      try (var files = Files.list(TestPaths.examples().resolve(example))) {
        for (Path file : files.toList()) {
          Files.copy(file, model.resolve(file.getFileName()));
        }
      }
    }
    return new LocalLibrary(model, folder.resolve("data"));
  }

  /** POSTs {@code query} as the caller of {@code token} (none: no Authorization header). */
  HttpResponse<String> send(String query, String token) throws IOException, InterruptedException {
    String body = EventLog.JSON.writeValueAsString(java.util.Map.of("query", query));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(run.url() + "graphql"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8));
    if (token != null) {
      request.header("Authorization", token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  /** The answer to {@code query}: data and errors. */
  JsonNode graphql(String query, String token) throws IOException, InterruptedException {
    return EventLog.JSON.readTree(send(query, token).body());
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(run.url() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString(UTF_8));
    return EventLog.JSON.readTree(response.body());
  }

  static String registerDune(int copies) {
    return "mutation { registerBook(input: {isbn: \"9780441013593\", title: \"Dune\", copies: "
        + copies
        + "}) { id version events } }";
  }

  static final String DUNE =
      "{ getBookAvailability(isbn: \"9780441013593\") { isbn title available status } }";

  /** An unsigned token with these claims, as the playground makes one (its JavaScript). */
  static String token(String sub, String username, List<String> groups) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    var claims = EventLog.JSON.createObjectNode();
    claims.put("sub", sub);
    claims.put("cognito:username", username);
    var array = claims.putArray("cognito:groups");
    groups.forEach(array::add);
    String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
    return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + base64.encodeToString(
            EventLog.JSON.writeValueAsString(claims).getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  @Override
  public void close() {
    run.close();
  }
}
