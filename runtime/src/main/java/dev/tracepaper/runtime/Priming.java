package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Runs a function's own code once before Lambda takes its SnapStart snapshot, so that the snapshot
 * holds the classes a request loads (about 1,700: the SDK's request pipeline, marshallers, Jackson,
 * the generated code) and the first request after a restore does not load them.
 *
 * <p>Each handler the Lambda runtime creates registers what to run ({@link #beforeSnapshot}): a
 * synthetic command, trigger or stream record through the handler's own code, on clients whose HTTP
 * client answers from memory ({@link PrimingHttpClient}). Priming therefore reads and writes no
 * table and sends nothing to a bus, real or emulated, and needs no credentials. Registration goes
 * through {@code org.crac}, whose hooks Lambda runs before the snapshot ({@code beforeCheckpoint});
 * where there is no checkpoint (SnapStart off, tests, a plain JVM) nothing runs.
 *
 * <p>A priming that fails is logged and skipped: the function then starts as it would without it,
 * and the version is still published. The generated tests run each handler's priming, so such a
 * failure shows there first.
 */
public final class Priming {

  /**
   * The hooks, held here because a CRaC context holds its resources weakly: one per handler class,
   * however many instances a test creates.
   */
  private static final Map<Class<?>, Hook> HOOKS = new ConcurrentHashMap<>();

  private Priming() {}

  /**
   * Runs {@code prime} before the snapshot, once for {@code owner} (the handler class): the first
   * registration counts.
   */
  public static void beforeSnapshot(Class<?> owner, Runnable prime) {
    HOOKS.computeIfAbsent(
        owner,
        unused -> {
          Hook hook = new Hook(owner, prime);
          Core.getGlobalContext().register(hook);
          return hook;
        });
  }

  /** Runs the registered priming of {@code owner} now (tests, benchmarks): what the hook runs. */
  public static void prime(Class<?> owner) {
    Hook hook = HOOKS.get(owner);
    if (hook == null) {
      throw new IllegalStateException(owner.getName() + " registered no priming");
    }
    hook.run();
  }

  /** An event store on the priming DynamoDB client: empty, and every append succeeds. */
  public static EventStore eventStore() {
    return new DynamoDbEventStore(Stubs.DYNAMO_DB, "priming");
  }

  /** A DynamoDB client that answers from memory. */
  public static DynamoDbClient dynamoDb() {
    return Stubs.DYNAMO_DB;
  }

  /** An EventBridge client that answers from memory: every entry is taken. */
  public static EventBridgeClient eventBridge() {
    return Stubs.EVENT_BRIDGE;
  }

  /** The operations the priming clients answered, in order: what priming sent instead of AWS. */
  public static List<String> operations() {
    return Stubs.HTTP.operations();
  }

  /**
   * The mutation {@code operation} ({@link AppSyncRequest#operation()}) with {@code input}, as
   * AppSync sends it for a caller authenticated by {@code type} (a user-pool caller in {@code
   * groups}).
   */
  public static ObjectNode mutation(
      String operation, String input, AppSyncRequest.AuthType type, List<String> groups) {
    ObjectNode event = Json.object();
    event.putObject("arguments").set("input", Json.parse(input));
    event.set("info", AppSyncRequest.info(operation));
    switch (type) {
      case AMAZON_COGNITO_USER_POOLS -> {
        ObjectNode identity = event.putObject("identity");
        identity.put("sub", "priming").put("username", "priming");
        groups.forEach(identity.putArray("groups")::add);
      }
      case AWS_IAM ->
          event
              .putObject("identity")
              .put("userArn", "arn:aws:iam::000000000000:user/priming")
              .put("username", "priming");
      case API_KEY -> event.putNull("identity");
    }
    return event;
  }

  /**
   * The EventBridge event that delivers a {@code type} event of {@code aggregate} with {@code
   * payload} to a policy, as the publisher sends it.
   */
  public static ObjectNode busEvent(String source, String aggregate, String type, String payload) {
    StoredEvent event =
        new StoredEvent(
            aggregate,
            "priming",
            1,
            type,
            1,
            (ObjectNode) Json.parse(payload),
            Instant.EPOCH,
            null,
            "priming",
            "priming",
            source);
    ObjectNode busEvent = Json.object();
    busEvent.put("source", source);
    busEvent.put("detail-type", type);
    busEvent.set("detail", event.toJson());
    return busEvent;
  }

  /**
   * A DynamoDB stream event of one inserted event item that no model has (its aggregate is {@code
   * Priming}): the stream's parsing runs, and no projection handles it.
   */
  static ObjectNode streamEvent() {
    ObjectNode streamEvent = Json.object();
    ObjectNode record = streamEvent.putArray("Records").addObject();
    record.put("eventName", "INSERT");
    ObjectNode dynamodb = record.putObject("dynamodb");
    dynamodb.put("SequenceNumber", "1");
    ObjectNode image = dynamodb.putObject("NewImage");
    StoredEvent event =
        new StoredEvent(
            "Priming",
            "priming",
            1,
            "Primed",
            1,
            Json.object(),
            Instant.EPOCH,
            null,
            "priming",
            "priming",
            "priming.Priming");
    // An event item holds strings and numbers only.
    EventItems.eventItem(event)
        .forEach(
            (name, value) ->
                image
                    .putObject(name)
                    .put(
                        value.s() != null ? "S" : "N",
                        Objects.requireNonNullElse(value.s(), value.n())));
    return streamEvent;
  }

  /**
   * The publisher's priming: a stream record through a publisher on the priming EventBridge client,
   * which marshals and sends one PutEvents request. It publishes the record as stored: the
   * synthetic event belongs to no aggregate of the model.
   */
  static void publisher() {
    invoke(new PublisherHandler(eventBridge(), "priming"), streamEvent());
  }

  /**
   * The projector's priming: a stream record through the model's projections (none handles its
   * event) on stores of the priming DynamoDB client, which reads the running rebuilds; then a read
   * of a row of the first view.
   */
  static void projector(List<Projection> projections) {
    Clock clock = Clock.systemUTC();
    DynamoDbViewStore views =
        new DynamoDbViewStore(dynamoDb(), variable -> "priming", "priming", clock);
    invoke(
        new ProjectorHandler(
            views, eventStore(), new RebuildLedger(dynamoDb(), "priming", clock), projections),
        streamEvent());
    if (!projections.isEmpty()) {
      views.read(projections.get(0), "priming");
    }
    if (projections.stream().anyMatch(p -> p.notification().isPresent())) {
      ChangePublisher.prime();
    }
  }

  /**
   * Runs {@code handler} on {@code event} as the Lambda runtime would, and answers its output. A
   * {@link CommandError} (a policy's flow that found nothing) is an answer too: the path ran.
   */
  public static String invoke(RequestStreamHandler handler, JsonNode event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
    } catch (CommandError e) {
      return e.code();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The priming clients: built on first use, by the first priming. */
  private static final class Stubs {
    static final PrimingHttpClient HTTP = new PrimingHttpClient();
    static final StaticCredentialsProvider CREDENTIALS =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));
    static final DynamoDbClient DYNAMO_DB =
        DynamoDbClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .httpClient(HTTP)
            .overrideConfiguration(AwsClients.timeouts())
            .build();
    static final EventBridgeClient EVENT_BRIDGE =
        EventBridgeClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .httpClient(HTTP)
            .overrideConfiguration(AwsClients.timeouts())
            .build();
  }

  /** The CRaC resource of one handler class. */
  private static final class Hook implements Resource {
    private final Class<?> owner;
    private final Runnable prime;

    Hook(Class<?> owner, Runnable prime) {
      this.owner = owner;
      this.prime = prime;
    }

    void run() {
      // A synthetic command is no command: counted, it would add a success per published version.
      Metrics.silently(prime);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
      try {
        run();
      } catch (RuntimeException e) {
        Log.write(
            Log.Level.WARN,
            "priming " + owner.getName() + " failed, the snapshot is taken without it",
            e);
      }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {}
  }
}
