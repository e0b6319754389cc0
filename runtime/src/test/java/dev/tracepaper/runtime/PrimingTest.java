package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Priming before the SnapStart snapshot ({@link Priming}), in JVMs of their own started as Lambda
 * starts a function ({@link PrimingProbe}): the handler's hooks run through {@code org.crac}, the
 * request path's classes are loaded afterwards, and nothing reaches the endpoint the function's
 * real clients use (a socket here that counts connections: the real clients would connect to it).
 */
class PrimingTest {

  private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

  private static ServerSocket endpoint;
  private static final AtomicInteger CONNECTIONS = new AtomicInteger();

  @BeforeAll
  static void listen() throws IOException {
    endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread counter =
        new Thread(
            () -> {
              while (!endpoint.isClosed()) {
                try (Socket connection = endpoint.accept()) {
                  CONNECTIONS.incrementAndGet();
                  connection.shutdownOutput();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    counter.setDaemon(true);
    counter.start();
  }

  @AfterAll
  static void close() throws IOException {
    endpoint.close();
  }

  @Test
  void aCommandHandlerPrimesTheCommandPathWithoutTouchingTheEventStore() throws Exception {
    Probe baseline = probe("command", false);
    Probe primed = probe("command", true);

    assertEquals(List.of(), baseline.operations());
    assertEquals(List.of("Query", "TransactWriteItems"), primed.operations());
    // Classes a command loads, and the handler's construction does not.
    for (String type :
        List.of(
            "dev.tracepaper.runtime.AppSyncRequest",
            "dev.tracepaper.runtime.NewEvents",
            "dev.tracepaper.runtime.Responses",
            "software.amazon.awssdk.services.dynamodb.model.QueryResponse",
            "software.amazon.awssdk.services.dynamodb.transform.TransactWriteItemsRequestMarshaller")) {
      assertTrue(primed.loaded().contains(type), type + " is loaded by priming");
      assertFalse(baseline.loaded().contains(type), type + " is not loaded without priming");
    }
    assertTrue(
        primed.loaded().size() > baseline.loaded().size() + 1000,
        "priming loads the request path: "
            + baseline.loaded().size()
            + " classes without, "
            + primed.loaded().size()
            + " with");
    assertEquals(0, CONNECTIONS.get(), "connections to the function's endpoint");
  }

  @Test
  void thePublisherMarshalsAPutEventsRequestWithoutSendingIt() throws Exception {
    Probe primed = probe("publisher", true);

    assertEquals(List.of("PutEvents"), primed.operations());
    assertTrue(
        primed
            .loaded()
            .contains(
                "software.amazon.awssdk.services.eventbridge.transform.PutEventsRequestMarshaller"));
    assertEquals(0, CONNECTIONS.get(), "connections to the function's endpoint");
  }

  @Test
  void theProjectorReadsRebuildsAndARowWithoutTouchingATable() throws Exception {
    Probe primed = probe("projector", true);

    assertTrue(primed.operations().contains("GetItem"), primed.operations().toString());
    assertTrue(primed.loaded().contains("dev.tracepaper.runtime.StateResolver"));
    assertEquals(0, CONNECTIONS.get(), "connections to the function's endpoint");
  }

  /** A priming that fails is reported; the snapshot is taken all the same. */
  @Test
  void aFailedPrimingDoesNotFailTheSnapshot() throws Exception {
    Probe primed = probe("failing", true);

    assertEquals(List.of(), primed.operations());
    assertTrue(
        primed.stdout().contains("priming dev.tracepaper.runtime.PrimingProbe failed"),
        primed.stdout());
  }

  /** What a probe JVM printed: its classes loaded up to the end, and the operations primed. */
  /** What a probe JVM printed: the classes it loaded, the operations primed, its log (stdout). */
  private record Probe(Set<String> loaded, List<String> operations, String stdout) {}

  private static Probe probe(String kind, boolean checkpoint) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xshare:off",
                "-Xlog:class+load=info:stdout",
                "-Dorg.crac.Core.Compat=dev.tracepaper.runtime.crac",
                "-cp",
                System.getProperty("java.class.path"),
                PrimingProbe.class.getName(),
                kind));
    if (checkpoint) {
      command.add("checkpoint");
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + endpoint.getLocalPort());
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("EVENT_STORE_TABLE", "events");
    env.put("EVENT_BUS_NAME", "bus");
    env.put("DEAD_LETTER_QUEUE_URL", "http://127.0.0.1:1/queue/parked");
    env.put("VIEW_TABLE_PREFIX", "app.");
    env.put("VIEW_BOOKKEEPING_TABLE", "bookkeeping");
    Path errors = Files.createTempFile("priming-probe", ".err");
    builder.redirectError(errors.toFile());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe ends");
    String stderr = Files.readString(errors);
    Files.delete(errors);
    assertEquals(0, process.exitValue(), stderr);
    Set<String> loaded = new HashSet<>();
    List<String> operations = null;
    for (String line : out.split("\n")) {
      Matcher m = LOADED.matcher(line);
      if (m.find()) {
        loaded.add(m.group(1));
      } else if (line.startsWith("primed")) {
        String list = line.substring("primed".length()).trim();
        operations = list.isEmpty() ? List.of() : List.of(list.split(","));
      }
    }
    assertTrue(operations != null, out);
    return new Probe(loaded, operations, out);
  }
}
