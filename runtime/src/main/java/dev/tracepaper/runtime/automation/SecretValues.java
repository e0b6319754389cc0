package dev.tracepaper.runtime.automation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/**
 * Secrets read at run time, kept for {@link #KEPT} per container: a busy automation does not call
 * the service on every run, and a rotated secret is picked up within minutes. Each service's client
 * is built on first use (an automation may declare secrets of one kind only).
 */
final class SecretValues {

  static final Duration KEPT = Duration.ofMinutes(5);

  private record Kept(String value, long readAt) {}

  private final Consumer<AwsClientBuilder<?, ?>> clients;
  private final Map<SecretRef, Kept> kept = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;
  private SecretsManagerClient secretsManager;
  private SsmClient ssm;

  SecretValues(Consumer<AwsClientBuilder<?, ?>> clients) {
    this(clients, System::nanoTime);
  }

  /** With {@code nanoTime} as the time that secrets are kept by (tests pass time on). */
  SecretValues(Consumer<AwsClientBuilder<?, ?>> clients, LongSupplier nanoTime) {
    this.clients = clients;
    this.nanoTime = nanoTime;
  }

  String value(SecretRef secret) {
    long now = nanoTime.getAsLong();
    Kept value = kept.get(secret);
    if (value == null || now - value.readAt() > KEPT.toNanos()) {
      value = new Kept(read(secret), now);
      kept.put(secret, value);
    }
    return value.value();
  }

  private String read(SecretRef secret) {
    return switch (secret.source()) {
      case SECRETS_MANAGER ->
          secretsManager().getSecretValue(request -> request.secretId(secret.id())).secretString();
      case PARAMETER_STORE ->
          ssm()
              .getParameter(request -> request.name(secret.id()).withDecryption(true))
              .parameter()
              .value();
    };
  }

  private synchronized SecretsManagerClient secretsManager() {
    if (secretsManager == null) {
      SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
      clients.accept(builder);
      secretsManager = builder.build();
    }
    return secretsManager;
  }

  private synchronized SsmClient ssm() {
    if (ssm == null) {
      SsmClientBuilder builder = SsmClient.builder();
      clients.accept(builder);
      ssm = builder.build();
    }
    return ssm;
  }
}
