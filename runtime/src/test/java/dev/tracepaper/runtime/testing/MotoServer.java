package dev.tracepaper.runtime.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * JUnit extension that runs the tests of a class against a real {@code moto_server} (a local AWS
 * API emulator) on a free loopback port. One server serves the whole test run; it is stopped when
 * the run ends. Tests isolate themselves by using their own table, bus and queue names.
 *
 * <p>Without {@code moto_server} on the PATH the tests are skipped with a message, except under
 * {@code CI=true}, where a missing emulator fails them.
 *
 * <p>With the system property {@value #ENDPOINT_PROPERTY} set (e.g. {@code
 * -Dtracepaper.moto.endpoint= http://127.0.0.1:5000} on Maven's command line), the tests use the
 * server already running there instead, and leave it running: so that the builds of two versions of
 * a project share one server's tables, as two deployments share AWS's.
 */
public final class MotoServer implements ExecutionCondition, BeforeAllCallback {

  static final Region REGION = Region.US_EAST_1;

  /** The endpoint of a server started elsewhere, to use instead of starting one. */
  public static final String ENDPOINT_PROPERTY = "tracepaper.moto.endpoint";

  private static final String EXECUTABLE = "moto_server";
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private static final String MISSING =
      EXECUTABLE + " is not on the PATH (pip install 'moto[server]')";

  private Running server;

  /** Skips the tests, with the reason, when there is no emulator and this is not CI. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Running.shared().isEmpty() && Running.onPath(EXECUTABLE).isEmpty() && !underCi()) {
      return ConditionEvaluationResult.disabled(MISSING + "; integration tests skipped");
    }
    return ConditionEvaluationResult.enabled(EXECUTABLE + " is available or required");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(MotoServer.class))
            .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  /** A server for a program outside JUnit (the benchmarks); {@link #stop()} it when done. */
  public static MotoServer startStandalone() {
    MotoServer moto = new MotoServer();
    moto.server = Running.start();
    return moto;
  }

  public void stop() {
    server.close();
  }

  public URI endpoint() {
    return server.endpoint();
  }

  public DynamoDbClient dynamoDb(ExecutionInterceptor... interceptors) {
    return local(DynamoDbClient.builder())
        .overrideConfiguration(config -> config.executionInterceptors(List.of(interceptors)))
        .build();
  }

  public DynamoDbStreamsClient dynamoDbStreams() {
    return local(DynamoDbStreamsClient.builder()).build();
  }

  public EventBridgeClient eventBridge() {
    return local(EventBridgeClient.builder()).build();
  }

  public SqsClient sqs() {
    return local(SqsClient.builder()).build();
  }

  /**
   * Points any client's builder at this server (endpoint, region, test credentials, the shared HTTP
   * client): for the clients of services the runtime names only optionally (e.g. {@code new
   * AwsEffects(moto::configure, ...)}). S3's clients also get path-style addressing, which a server
   * on an IP address needs; set by name, so that this class needs no S3 module.
   */
  public void configure(AwsClientBuilder<?, ?> builder) {
    builder
        .endpointOverride(server.endpoint())
        .region(REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
      sync.httpClient(server.http());
    }
    try {
      Class<?> s3 = Class.forName("software.amazon.awssdk.services.s3.S3BaseClientBuilder");
      if (s3.isInstance(builder)) {
        s3.getMethod("forcePathStyle", Boolean.class).invoke(builder, true);
      }
    } catch (ClassNotFoundException noS3) {
      // A project without S3 has no S3 clients to configure.
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot set S3's path-style addressing", e);
    }
  }

  /** Creates an event-store table as the generated SAM template does: pk, sk, stream NEW_IMAGE. */
  public void createEventStoreTable(DynamoDbClient dynamoDb, String table) {
    dynamoDb.createTable(
        request ->
            request
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build(),
                    AttributeDefinition.builder()
                        .attributeName("sk")
                        .attributeType(ScalarAttributeType.N)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B local(B builder) {
    return builder
        .endpointOverride(server.endpoint())
        .region(REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClient(server.http());
  }

  private static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * The server process and the HTTP client every test client shares (see {@link
   * OneRequestAtATime}); closed by JUnit when the root context (the test run) ends.
   */
  private record Running(Process process, URI endpoint, SdkHttpClient http)
      implements AutoCloseable {

    static Optional<URI> shared() {
      String endpoint = System.getProperty(ENDPOINT_PROPERTY, "");
      return endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.strip()));
    }

    static Running start() {
      Optional<URI> shared = shared();
      if (shared.isPresent()) {
        return new Running(null, shared.get(), new OneRequestAtATime());
      }
      Optional<Path> executable = onPath(EXECUTABLE);
      if (executable.isEmpty()) {
        throw new IllegalStateException(MISSING + "; under CI=true integration tests must run");
      }
      try {
        int port = freePort();
        Path log = Files.createTempFile("moto_server", ".log");
        log.toFile().deleteOnExit();
        Process process =
            new ProcessBuilder(
                    executable.get().toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Running running =
            new Running(process, URI.create("http://127.0.0.1:" + port), new OneRequestAtATime());
        running.awaitListening(port, log);
        return running;
      } catch (IOException e) {
        throw new IllegalStateException("cannot start " + EXECUTABLE, e);
      }
    }

    private void awaitListening(int port, Path log) throws IOException {
      long deadline = System.nanoTime() + STARTUP.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(EXECUTABLE + " exited:\n" + Files.readString(log));
        }
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
          return;
        } catch (IOException notYet) {
          sleep(100);
        }
      }
      close();
      throw new IllegalStateException(EXECUTABLE + " did not answer within " + STARTUP);
    }

    @Override
    public void close() {
      http.close();
      if (process == null) {
        return;
      }
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

    private static Optional<Path> onPath(String name) {
      String path = System.getenv("PATH");
      if (path == null) {
        return Optional.empty();
      }
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      }
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
