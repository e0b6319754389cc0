package dev.tracepaper.runtime.testing;

import dev.tracepaper.runtime.CommandResult;
import dev.tracepaper.runtime.automation.CommandCall;
import dev.tracepaper.runtime.automation.Effects;
import dev.tracepaper.runtime.automation.Email;
import dev.tracepaper.runtime.automation.HttpCall;
import dev.tracepaper.runtime.automation.S3Put;
import dev.tracepaper.runtime.automation.SecretRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Effects performed for real on moto_server and the HTTP stub, each then read back from where it
 * went (the e-mail in SES, the object in S3, the request at the stub) and recorded as {@code
 * tracepaper test} shows it, so a test compares what reached the services with the model's
 * expectation. Commands are recorded and not sent, as in the preview.
 */
final class ObservedEffects implements Effects {

  private final MotoServer moto;
  private final HttpStub stub;
  private final Effects aws;
  private final RecordingEffects recorded = new RecordingEffects();

  ObservedEffects(MotoServer moto, HttpStub stub) {
    this.moto = moto;
    this.stub = stub;
    this.aws = stub.effects(moto);
  }

  List<Performed> performed() {
    return recorded.performed();
  }

  void clear() {
    recorded.clear();
  }

  @Override
  public void email(Email email) {
    int before = MotoServices.sentEmails(moto, email.subject()).size();
    aws.email(email);
    if (MotoServices.sentEmails(moto, email.subject()).size() != before + 1) {
      throw new AssertionFailedError(
          "SES on moto_server holds no new e-mail with the subject " + email.subject());
    }
    recorded.email(email);
  }

  @Override
  public void http(HttpCall call) {
    int before = stub.requests().size();
    HttpCall sent = sendable(call);
    aws.http(sent);
    List<HttpStub.Request> requests = stub.requests();
    if (requests.size() != before + 1) {
      throw new AssertionFailedError("the endpoint got no request for " + call.url());
    }
    HttpStub.Request received = requests.get(requests.size() - 1);
    if (!received.method().equals(call.method())
        || !received.url().equals(sent.url())
        || !received.body().equals(call.body().orElse(""))) {
      throw new AssertionFailedError(
          "the endpoint got "
              + received.method()
              + " "
              + received.url()
              + " with "
              + received.body()
              + ", not the request made");
    }
    recorded.http(call);
  }

  /**
   * The call as the stub can take it: a URL that is no URL here (a secret read as its placeholder,
   * {@code «secret hook»}, where a deployment reads a real one) goes to {@value #STAND_IN} with the
   * URL as its query, so that the request is still made, and recorded with the URL the model
   * expects.
   */
  private static HttpCall sendable(HttpCall call) {
    try {
      URI uri = new URI(call.url());
      if (uri.isAbsolute() && uri.getHost() != null) {
        return call;
      }
    } catch (URISyntaxException e) {
      // sent to the stand-in below
    }
    return new HttpCall(
        call.method(),
        STAND_IN + "?url=" + URLEncoder.encode(call.url(), StandardCharsets.UTF_8),
        call.headers(),
        call.body());
  }

  /** Where a call to a URL that is a secret's placeholder goes instead (and then to the stub). */
  static final String STAND_IN = "https://secret-url.invalid/";

  @Override
  public void s3Object(S3Put put) {
    aws.s3Object(put);
    String stored = MotoServices.Buckets.object(moto, put.bucket(), put.key());
    if (!stored.equals(put.contentType() + "\n" + put.content())) {
      throw new AssertionFailedError(
          "S3 on moto_server holds another object at " + put.bucket() + "/" + put.key());
    }
    recorded.s3Object(put);
  }

  @Override
  public String secret(SecretRef secret) {
    return aws.secret(secret);
  }

  @Override
  public CommandResult command(CommandCall call, Supplier<CommandResult> send) {
    return recorded.command(call, send);
  }
}
