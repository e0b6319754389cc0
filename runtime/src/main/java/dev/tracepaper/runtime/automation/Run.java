package dev.tracepaper.runtime.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.CommandResult;
import dev.tracepaper.runtime.Log;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One run of an automation for one trigger: what its activities see ({@link #now}, {@link #today},
 * {@link #secret}) and do (e-mails, HTTP calls, S3 objects, commands), in the model's order.
 *
 * <p>Each side effect is a numbered step. The {@link Ledger} holds how many steps of this trigger
 * are done: a run of a redelivered trigger skips those and performs the rest, recording each step
 * right after it is performed. A crash between performing a step and recording it repeats that one
 * step on the redelivery: at least once, never all again.
 */
public final class Run {

  private final String automation;
  private final Trigger trigger;
  private final Map<String, SecretRef> secrets = new LinkedHashMap<>();
  private final Map<String, String> secretValues = new HashMap<>();
  private final Ledger ledger;
  private final Effects effects;
  private final Clock clock;
  private int done = -1;
  private int step;

  Run(
      String automation,
      Trigger trigger,
      List<SecretRef> declared,
      Ledger ledger,
      Effects effects,
      Clock clock) {
    this.automation = automation;
    this.trigger = trigger;
    declared.forEach(secret -> secrets.put(secret.name(), secret));
    this.ledger = ledger;
    this.effects = effects;
    this.clock = clock;
  }

  public Trigger trigger() {
    return trigger;
  }

  /** The trigger's time: a redelivery sees the same {@code now}. */
  public Instant now() {
    return trigger.time();
  }

  /** The UTC date of {@link #now}. */
  public LocalDate today() {
    return LocalDate.ofInstant(now(), ZoneOffset.UTC);
  }

  /** The value of the declared secret {@code name}, read once per run. */
  public String secret(String name) {
    SecretRef secret = secrets.get(name);
    if (secret == null) {
      throw new IllegalArgumentException(
          "automation " + automation + " declares no secret " + name);
    }
    return secretValues.computeIfAbsent(name, n -> effects.secret(secret));
  }

  /** Sends an e-mail whose body is the template at {@code template} filled with {@code with}. */
  public void email(
      String from, List<String> to, String subject, String template, Map<String, Object> with) {
    if (!due("email")) {
      return;
    }
    String body = Templates.render(template, with);
    boolean html = Templates.Escaping.of(template) == Templates.Escaping.HTML;
    effects.email(new Email(from, to, subject, body, html));
    performed("email", "from", from, "recipients", Integer.toString(to.size()));
  }

  /**
   * Makes an HTTP request: {@code query} appended to {@code url}, each name and value URL-encoded;
   * the body is the template at {@code template} filled with {@code with}, or none when {@code
   * template} is null.
   */
  public void http(
      String method,
      String url,
      List<Param> query,
      List<Param> headers,
      String template,
      Map<String, Object> with) {
    if (!due("http")) {
      return;
    }
    Optional<String> body =
        template == null ? Optional.empty() : Optional.of(Templates.render(template, with));
    HttpCall call = new HttpCall(method.toUpperCase(Locale.ROOT), url(url, query), headers, body);
    effects.http(call);
    performed("http", "method", call.method(), "url", call.urlWithoutQuery());
  }

  /** Writes the template at {@code template}, filled with {@code with}, to an S3 object. */
  public void s3Object(String bucket, String key, String template, Map<String, Object> with) {
    if (!due("s3Object")) {
      return;
    }
    String content = Templates.render(template, with);
    effects.s3Object(new S3Put(bucket, key, content, contentType(template)));
    performed("s3Object", "bucket", bucket, "key", key);
  }

  /**
   * Sends the command {@code send} ({@code Aggregate.Command}) as the automation's caller, holding
   * the role {@code as} (or none): {@code result} runs it on the event store, with {@link
   * #commandId()} as its idempotency key. A refusal is thrown and fails the run.
   */
  public void command(String send, String as, JsonNode with, Supplier<CommandResult> result) {
    if (!due("command")) {
      return;
    }
    String commandId = commandId();
    effects.command(new CommandCall(send, Optional.ofNullable(as), with, commandId), result);
    performed("command", "send", send, "commandId", commandId);
  }

  /**
   * The idempotency key of the command being sent ({@code <automation>:<triggerId>:<step>}): the
   * same on every delivery of the trigger, so the command store answers a repeated command as it
   * did the first time.
   */
  public String commandId() {
    return automation + ":" + trigger.id() + ":" + step;
  }

  /** The URL with its query parameters, each name and value URL-encoded, in order. */
  static String url(String url, List<Param> query) {
    StringBuilder full = new StringBuilder(url);
    char separator = full.indexOf("?") < 0 ? '?' : '&';
    for (Param parameter : query) {
      full.append(separator)
          .append(URLEncoder.encode(parameter.name(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.value(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return full.toString();
  }

  /** An S3 object's {@code Content-Type}, by its template's extension. */
  static String contentType(String template) {
    String name = template.toLowerCase(Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".json")) {
      return "application/json";
    }
    return name.endsWith(".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8";
  }

  /** Numbers the next step; whether it is still to be done (the ledger is read once, here). */
  private boolean due(String activity) {
    step++;
    if (done < 0) {
      done = ledger.done(automation, trigger.id());
    }
    if (step <= done) {
      Log.info(
          "Automation step already done; skipped",
          "step",
          Integer.toString(step),
          "activity",
          activity);
      return false;
    }
    return true;
  }

  /** Records the step as done, then logs it (never a body, a header's or a secret's value). */
  private void performed(String activity, String... fields) {
    ledger.record(automation, trigger.id(), step, clock.instant());
    done = step;
    String[] line = new String[fields.length + 4];
    line[0] = "step";
    line[1] = Integer.toString(step);
    line[2] = "activity";
    line[3] = activity;
    System.arraycopy(fields, 0, line, 4, fields.length);
    Log.info("Automation step performed", line);
  }
}
