package dev.tracepaper.tools;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A moto_server that outlives the builds of a test: the builds of two versions of a generated
 * project pass its endpoint to their tests ({@link #mavenProperty}), which then use its tables
 * instead of starting a server of their own (the runtime's {@code MotoServer}), as two deployments
 * of an application share AWS's tables.
 */
public final class SharedMoto implements AutoCloseable {

  private final Process process;
  private final int port;

  private SharedMoto(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts moto_server on a free loopback port; skips the test without it (fails under CI). */
  public static SharedMoto start(Path log) throws IOException, InterruptedException {
    ExternalTool.requireOrSkip("moto_server", "tests on a shared moto_server", "--help");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    SharedMoto moto = new SharedMoto(process, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("moto_server exited:\n" + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return moto;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    moto.close();
    throw new AssertionError("moto_server did not answer within 30 s:\n" + Files.readString(log));
  }

  /** The server's URL, for an AWS client or the AWS CLI ({@code AWS_ENDPOINT_URL}). */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * The environment in which the AWS CLI talks to this server: its endpoint, test credentials and a
   * region; a map the caller may add to.
   */
  public Map<String, String> awsCliEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ENDPOINT_URL", endpoint());
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_DEFAULT_REGION", "eu-west-1");
    return env;
  }

  /** The Maven option that points a generated project's tests at this server. */
  public String mavenProperty() {
    return "-Dtracepaper.moto.endpoint=http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
