package dev.tracepaper.engine;

import dev.cel.common.values.CelValue;
import dev.cel.common.values.NullValue;
import dev.tracepaper.automation.Templates;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Let;
import dev.tracepaper.model.ModelIndex;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Works out what an automation would do, without doing it: its activities run in order with the
 * trigger's event, the time and its variables, and each side effect comes back as what it would
 * send (an e-mail's recipients, subject and rendered body; an HTTP request; an S3 object; a command
 * and its input). Secrets are never read: {@code secrets.x} is the placeholder {@code «secret x»}.
 */
final class AutomationRunner {

  private final ModelIndex index;
  private final Evaluator evaluator;

  AutomationRunner(ModelIndex index, Evaluator evaluator) {
    this.index = index;
    this.evaluator = evaluator;
  }

  /** The placeholder a preview shows for a secret's value. */
  static String placeholder(String secret) {
    return "«secret " + secret + "»";
  }

  /**
   * What {@code automation} would do, run by an event with {@code payload} as a test gives it
   * (numbers and booleans left out read as 0 and false), or by its schedule or a deployment.
   */
  List<Performed> preview(Automation automation, Optional<ObjectNode> payload, Instant now) {
    Optional<ObjectNode> event = Optional.empty();
    if (automation.trigger() instanceof Automation.OnEvent on && payload.isPresent()) {
      Event type = index.event(on.event()).orElseThrow();
      ObjectNode fields = payload.get().deepCopy();
      YamlJson.completeNumbers(fields, type.fields());
      CelValues values = evaluator.values();
      event = Optional.of(values.canonical(values.types().event(type), fields));
    }
    return run(automation, event, now);
  }

  /** {@code event} is the triggering event's payload, stored form, for an automation it runs. */
  List<Performed> run(Automation automation, Optional<ObjectNode> event, Instant now) {
    Map<String, Object> names = new LinkedHashMap<>();
    if (automation.trigger() instanceof Automation.OnEvent on && event.isPresent()) {
      Event type = index.event(on.event()).orElseThrow();
      CelValues values = evaluator.values();
      names.put("event", values.record(values.types().event(type), event.get()));
    }
    names.put("now", now);
    names.put("today", LocalDate.ofInstant(now, ZoneOffset.UTC));
    Map<String, String> secrets = new LinkedHashMap<>();
    automation.secrets().forEach(s -> secrets.put(s.name(), placeholder(s.name())));
    names.put("secrets", secrets);
    List<Performed> performed = new ArrayList<>();
    activities(automation, automation.activities(), names, performed);
    return performed;
  }

  /** Runs {@code activities} in order; false when a {@code stopIf} held. */
  private boolean activities(
      Automation automation,
      List<Automation.Activity> activities,
      Map<String, Object> names,
      List<Performed> performed) {
    for (Automation.Activity activity : activities) {
      if (activity instanceof Automation.Effect effect
          && effect.condition().isPresent()
          && !evaluator.test(effect.condition().get(), names)) {
        continue;
      }
      if (activity instanceof Automation.SetVariables set) {
        for (Let let : set.variables()) {
          names.put(let.name(), evaluator.eval(let.value(), names));
        }
      } else if (activity instanceof Automation.Stop stop) {
        if (evaluator.test(stop.condition(), names)) {
          return false;
        }
      } else if (activity instanceof Automation.ForEach loop) {
        Object items = evaluator.eval(loop.items(), names);
        for (Object item : items instanceof List<?> list ? list : List.of()) {
          Map<String, Object> inner = new LinkedHashMap<>(names);
          inner.put(loop.as().value(), item);
          if (!activities(automation, loop.activities(), inner, performed)) {
            return false;
          }
        }
      } else if (activity instanceof Automation.Effect effect) {
        performed.add(effect(automation, effect, names));
      }
    }
    return true;
  }

  private Performed effect(
      Automation automation, Automation.Effect effect, Map<String, Object> names) {
    ObjectNode details = CelValues.NODES.objectNode();
    if (effect instanceof Automation.Email email) {
      details.put("from", email.from().value());
      ArrayNode to = details.putArray("to");
      email.to().forEach(t -> to.add(text(evaluator.eval(t, names))));
      details.put("subject", text(evaluator.eval(email.subject(), names)));
      details.put("body", render(email.body(), names));
    } else if (effect instanceof Automation.Http http) {
      details.put("method", http.method().value().toUpperCase(Locale.ROOT));
      details.put("url", url(http, names));
      ObjectNode headers = details.putObject("headers");
      http.headers().forEach(h -> headers.put(h.name(), text(evaluator.eval(h.value(), names))));
      http.body().ifPresent(b -> details.put("body", render(b, names)));
    } else if (effect instanceof Automation.S3Object s3) {
      details.put("bucket", s3.bucket().value());
      details.put("key", text(evaluator.eval(s3.key(), names)));
      details.put("content", render(s3.content(), names));
    } else if (effect instanceof Automation.SendCommand send) {
      Command command = send.resolve(index.model()).orElseThrow();
      details.put("send", command.aggregate() + "." + command.name());
      ObjectNode with = details.putObject("with");
      for (Assignment.SetValue line : send.with()) {
        Field field = command.field(line.field()).orElseThrow();
        with.set(
            line.field(),
            evaluator.values().toJson(evaluator.eval(line.value(), names), field.type()));
      }
      automation.role().ifPresent(r -> details.put("as", r.value()));
    }
    return new Performed(effect.kind(), details, effect.location());
  }

  /** The URL with its query parameters, each value URL-encoded. */
  private String url(Automation.Http http, Map<String, Object> names) {
    StringBuilder url = new StringBuilder(text(evaluator.eval(http.url(), names)));
    char separator = url.indexOf("?") < 0 ? '?' : '&';
    for (Automation.NamedValue q : http.query()) {
      url.append(separator)
          .append(URLEncoder.encode(q.name(), StandardCharsets.UTF_8))
          .append('=')
          .append(
              URLEncoder.encode(text(evaluator.eval(q.value(), names)), StandardCharsets.UTF_8));
      separator = '&';
    }
    return url.toString();
  }

  private String render(Automation.Template template, Map<String, Object> names) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Let value : template.with()) {
      values.put(value.name(), plain(evaluator.eval(value.value(), names)));
    }
    try {
      return Templates.render(template.path().value(), template.text().orElseThrow(), values);
    } catch (com.samskivert.mustache.MustacheException e) {
      throw new TemplateFailed(template, e.getMessage());
    }
  }

  private static String text(Object value) {
    Object plain = plain(value);
    return plain == null ? "" : String.valueOf(plain);
  }

  /**
   * A CEL value as a template reads it: records as maps, lists, texts, numbers and booleans; dates
   * and times as ISO 8601 text.
   */
  static Object plain(Object value) {
    if (value == null || value instanceof NullValue) {
      return null;
    }
    if (value instanceof ModelRecord record) {
      Map<String, Object> map = new LinkedHashMap<>();
      record.value().forEach((k, v) -> map.put(k, plain(v)));
      return map;
    }
    if (value instanceof CelValue cel) {
      return plain(cel.value());
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      list.forEach(i -> items.add(plain(i)));
      return items;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return copy;
    }
    if (value instanceof Long || value instanceof Double || value instanceof Boolean) {
      return value;
    }
    return value.toString();
  }
}
