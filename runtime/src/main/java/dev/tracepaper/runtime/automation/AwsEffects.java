package dev.tracepaper.runtime.automation;

import dev.tracepaper.runtime.AwsClients;
import java.net.http.HttpRequest;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;

/**
 * The side effects of a deployed automation: e-mail through SES, HTTP through the JDK's client, S3
 * objects, secrets from Secrets Manager or Parameter Store. Each service's client is built on first
 * use, so a function builds only those its automation uses, and its SDK module need only be on the
 * class path of a project whose automations use it (the runtime declares them optional).
 */
public final class AwsEffects implements Effects {

  private final Consumer<AwsClientBuilder<?, ?>> clients;
  private final UnaryOperator<HttpRequest> requests;
  private SesMail mail;
  private S3Objects objects;
  private SecretValues secrets;
  private HttpCalls http;

  /** With the runtime's clients ({@link AwsClients#configure}) and HTTP requests as they are. */
  public AwsEffects() {
    this(AwsClients::configure, UnaryOperator.identity());
  }

  /**
   * @param clients configures each AWS client's builder (region, endpoint, credentials, HTTP
   *     client)
   * @param requests applied to each HTTP request before it is sent (tests route it to a local stub)
   */
  public AwsEffects(Consumer<AwsClientBuilder<?, ?>> clients, UnaryOperator<HttpRequest> requests) {
    this.clients = clients;
    this.requests = requests;
  }

  @Override
  public void email(Email email) {
    mail().send(email);
  }

  @Override
  public void http(HttpCall call) {
    http().send(call);
  }

  @Override
  public void s3Object(S3Put put) {
    objects().put(put);
  }

  @Override
  public String secret(SecretRef secret) {
    return secrets().value(secret);
  }

  // Each service is created on first use: its class, and the SDK module it needs, load only then.

  private synchronized SesMail mail() {
    if (mail == null) {
      mail = new SesMail(clients);
    }
    return mail;
  }

  private synchronized S3Objects objects() {
    if (objects == null) {
      objects = new S3Objects(clients);
    }
    return objects;
  }

  private synchronized SecretValues secrets() {
    if (secrets == null) {
      secrets = new SecretValues(clients);
    }
    return secrets;
  }

  private synchronized HttpCalls http() {
    if (http == null) {
      http = new HttpCalls(requests);
    }
    return http;
  }
}
