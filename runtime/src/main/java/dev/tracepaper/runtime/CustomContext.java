package dev.tracepaper.runtime;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * What hand-written code ({@code custom: true}) is given when it is created: the function's
 * settings (its environment variables), the clock the generated code decides with, a logger, and
 * AWS clients. Generated handlers pass {@link #fromEnvironment()}; a unit test passes {@link
 * #of(Map, Clock)} with fixed settings and clock, and {@link #withClient} for fake clients, so that
 * hand-written code never reads {@code System.getenv}, {@code Instant.now()} or a static client.
 *
 * <p>Immutable: the {@code with...} methods return a new context.
 */
public final class CustomContext {

  private final Map<String, String> settings;
  private final Clock clock;
  private final Map<Class<?>, Object> fakes;
  private final Map<Class<?>, Object> built = new ConcurrentHashMap<>();

  private CustomContext(Map<String, String> settings, Clock clock, Map<Class<?>, Object> fakes) {
    this.settings = Map.copyOf(settings);
    this.clock = clock;
    this.fakes = Map.copyOf(fakes);
  }

  /** The context of a deployed function: its environment variables and the system's UTC clock. */
  public static CustomContext fromEnvironment() {
    return new CustomContext(System.getenv(), Clock.systemUTC(), Map.of());
  }

  /** A context with the given settings and clock (tests, tools). */
  public static CustomContext of(Map<String, String> settings, Clock clock) {
    return new CustomContext(settings, clock, Map.of());
  }

  /** This context with another clock. */
  public CustomContext withClock(Clock clock) {
    return new CustomContext(settings, clock, fakes);
  }

  /**
   * This context with {@code client} answering {@link #client} for {@code type}: a fake or a client
   * on a local emulator, in tests.
   */
  public <C extends SdkClient> CustomContext withClient(Class<C> type, C client) {
    Map<Class<?>, Object> more = new HashMap<>(fakes);
    more.put(type, client);
    return new CustomContext(settings, clock, more);
  }

  /**
   * The clock of the generated code: the time a command or event is decided at. Tests fix it; a
   * command retried under contention sees the same instant through its metadata.
   */
  public Clock clock() {
    return clock;
  }

  /** A setting (an environment variable of the function), if it is set and not blank. */
  public Optional<String> setting(String name) {
    return Optional.ofNullable(settings.get(name)).filter(value -> !value.isBlank());
  }

  /**
   * A setting the code cannot run without. A missing one is a deployment error, named in the
   * exception, so that the first invocation says which variable to add (docs/extending.md).
   */
  public String requiredSetting(String name) {
    return setting(name)
        .orElseThrow(
            () -> new IllegalStateException("environment variable " + name + " is not set"));
  }

  /**
   * A logger named after {@code owner}: its lines are the runtime's JSON log lines ({@link Log}),
   * with the invocation's request id and command, in the function's log group.
   */
  public System.Logger logger(Class<?> owner) {
    return Log.logger(owner.getName());
  }

  /**
   * The client of an AWS service, built once per context from {@code builder} with the settings
   * every generated client uses: the function's region, the SDK's standard endpoint and credential
   * settings, and the JDK's URLConnection HTTP client (the fastest cold start). A fake given by
   * {@link #withClient} is returned instead. The service's SDK module must be a dependency of the
   * project (extensions/pom.xml); exclude its Apache and Netty HTTP clients there, as the generated
   * pom does.
   *
   * <p>Example: {@code S3Client s3 = context.client(S3Client.class, S3Client::builder);}
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient>
      C client(Class<C> type, Supplier<B> builder) {
    Object fake = fakes.get(type);
    if (fake != null) {
      return type.cast(fake);
    }
    return type.cast(
        built.computeIfAbsent(
            type,
            unused ->
                builder
                    .get()
                    .region(AwsClients.region())
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build()));
  }
}
