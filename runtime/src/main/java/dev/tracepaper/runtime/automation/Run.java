package dev.tracepaper.runtime.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracepaper.runtime.AppSyncRequest;
import dev.tracepaper.runtime.Caller;
import dev.tracepaper.runtime.CommandId;
import dev.tracepaper.runtime.CommandResult;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.Log;
import dev.tracepaper.runtime.StoredEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

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

  /**
   * The declared secrets by name, as the model's {@code secrets.<name>} reads them: each value read
   * when first asked for ({@link #secret}), so a run reads only the secrets it uses.
   */
  public Map<String, String> secrets() {
    return new AbstractMap<>() {
      @Override
      public String get(Object name) {
        return secrets.containsKey(name) ? secret((String) name) : null;
      }

      @Override
      public boolean containsKey(Object name) {
        return secrets.containsKey(name);
      }

      @Override
      public Set<Map.Entry<String, String>> entrySet() {
        Map<String, String> all = new LinkedHashMap<>();
        secrets.keySet().forEach(name -> all.put(name, secret(name)));
        return Collections.unmodifiableMap(all).entrySet();
      }
    };
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
   * Sends the command {@code send} ({@code Aggregate.Command}, the API's mutation {@code
   * operation}) with {@code input}, inside the application: {@code handler} (the aggregate's
   * command handler) runs it as the request AppSync would send, by the caller {@code
   * automation:<name>} holding the role {@code role}, with {@link #commandId()} as its idempotency
   * key, correlated with the triggering event (or, without one, with this run). A refusal is thrown
   * and fails the run.
   */
  public void command(
      String send,
      String operation,
      String role,
      ObjectNode input,
      Function<AppSyncRequest, CommandResult> handler) {
    if (!due("command")) {
      return;
    }
    String commandId = commandId();
    String caller = "automation:" + automation;
    AppSyncRequest request =
        AppSyncRequest.internal(
            operation,
            input.deepCopy(),
            commandId,
            new Caller(caller, caller, role == null ? List.of() : List.of(role)),
            trigger
                .event()
                .map(StoredEvent::correlationId)
                .orElse(automation + ":" + trigger.id()));
    effects.command(
        new CommandCall(send, Optional.ofNullable(role), input, commandId),
        () -> handler.apply(request));
    performed("command", "send", send, "commandId", commandId);
  }

  /**
   * The values a template reads, given as name, value, name, value, ... in the model's order; a
   * value may be null (the template shows it empty).
   */
  public static Map<String, Object> with(Object... namesAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    pairs(namesAndValues, (name, value) -> values.put(name, value));
    return values;
  }

  /**
   * A command's input, given as field, value, field, value, ...: texts, numbers and booleans as
   * JSON values, JSON values as they are; a null value leaves its field out, as an absent input
   * field is.
   */
  public static ObjectNode input(Object... fieldsAndValues) {
    ObjectNode input = Json.object();
    pairs(
        fieldsAndValues,
        (field, value) -> {
          if (value != null) {
            input.set(field, json(value));
          }
        });
    return input;
  }

  private static void pairs(Object[] namesAndValues, BiConsumer<String, Object> each) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      each.accept((String) namesAndValues[i], namesAndValues[i + 1]);
    }
  }

  private static JsonNode json(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof Long || value instanceof Integer) {
      return LongNode.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double number) {
      return DoubleNode.valueOf(number);
    }
    if (value instanceof Boolean bool) {
      return BooleanNode.valueOf(bool);
    }
    return TextNode.valueOf(value instanceof Enum<?> constant ? constant.name() : value.toString());
  }

  /**
   * The idempotency key of the command being sent, {@code <automation>:<triggerId>:<step>}: the
   * same on every delivery of the trigger, so the command store answers a repeated command as it
   * did the first time. One longer than a command id may be ({@link CommandId#MAX_LENGTH}: a long
   * aggregate key) is {@code automation:<SHA-256 of it>}, as unique and as stable.
   */
  String commandId() {
    String id = automation + ":" + trigger.id() + ":" + step;
    return id.length() <= CommandId.MAX_LENGTH ? id : "automation:" + sha256(id);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
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
