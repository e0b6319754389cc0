package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.CommandResult;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.automation.CommandCall;
import dev.tracepaper.runtime.automation.Effects;
import dev.tracepaper.runtime.automation.Email;
import dev.tracepaper.runtime.automation.HttpCall;
import dev.tracepaper.runtime.automation.S3Put;
import dev.tracepaper.runtime.automation.SecretRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Effects that send, call and write nothing: each side effect is recorded ({@link Performed}) as
 * {@code tracepaper test} previews it, and a secret reads as the preview's placeholder {@code
 * «secret <name>»}. A command is recorded and not sent, as the preview does ({@link
 * #RecordingEffects()}), or recorded and sent, so that the state it changes is there ({@link
 * #sendingCommands()}).
 */
public final class RecordingEffects implements Effects {

  private final List<Performed> performed = new ArrayList<>();
  private final boolean sendsCommands;

  /** Records every side effect, commands included, and performs none. */
  public RecordingEffects() {
    this(false);
  }

  private RecordingEffects(boolean sendsCommands) {
    this.sendsCommands = sendsCommands;
  }

  /** Records every side effect and performs none but the commands, which are sent. */
  public static RecordingEffects sendingCommands() {
    return new RecordingEffects(true);
  }

  /** The placeholder a secret reads as, as in the preview. */
  public static String placeholder(String secret) {
    return "«secret " + secret + "»";
  }

  /** The side effects so far, in order. */
  public synchronized List<Performed> performed() {
    return List.copyOf(performed);
  }

  public synchronized void clear() {
    performed.clear();
  }

  @Override
  public synchronized void email(Email email) {
    ObjectNode details = Json.object().put("from", email.from());
    ArrayNode to = details.putArray("to");
    email.to().forEach(to::add);
    details.put("subject", email.subject()).put("body", email.body());
    performed.add(new Performed("email", details));
  }

  @Override
  public synchronized void http(HttpCall call) {
    ObjectNode details = Json.object().put("method", call.method()).put("url", call.url());
    ObjectNode headers = details.putObject("headers");
    call.headers().forEach(header -> headers.put(header.name(), header.value()));
    call.body().ifPresent(body -> details.put("body", body));
    performed.add(new Performed("http", details));
  }

  @Override
  public synchronized void s3Object(S3Put put) {
    performed.add(
        new Performed(
            "s3Object",
            Json.object()
                .put("bucket", put.bucket())
                .put("key", put.key())
                .put("content", put.content())));
  }

  @Override
  public String secret(SecretRef secret) {
    return placeholder(secret.name());
  }

  @Override
  public CommandResult command(CommandCall call, Supplier<CommandResult> send) {
    ObjectNode details = Json.object().put("send", call.send());
    details.set("with", call.with().deepCopy());
    call.as().ifPresent(as -> details.put("as", as));
    synchronized (this) {
      performed.add(new Performed("command", details));
    }
    // A command not sent has no result; the run reads none.
    return sendsCommands ? send.get() : null;
  }
}
