package dev.tracepaper.automation;

import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Expression;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an automation does outside its application, derived from its activities rather than written
 * beside them: a list kept by hand would drift from what the activities do, and a review or {@code
 * tracepaper diff} must see the activities' real targets (docs/model-reference.md, Decisions). Each
 * effect reads as the model writes it: its expressions as written.
 *
 * @param kind {@code email}, {@code http}, {@code s3Object}, {@code command} or {@code secret}
 * @param target what it reaches: the recipients, the method and URL, the bucket and key, the
 *     command, the secret's store and name
 */
public record SideEffects(List<Effect> effects) {

  /** One side effect and where its activity stands. */
  public record Effect(String kind, String target, SourceLocation location) {
    @Override
    public String toString() {
      return kind + " " + target;
    }
  }

  public SideEffects {
    effects = List.copyOf(effects);
  }

  public static SideEffects of(Automation automation) {
    List<Effect> effects = new ArrayList<>();
    for (Automation.Secret secret : automation.secrets()) {
      effects.add(
          new Effect(
              "secret",
              "%s from %s `%s`"
                  .formatted(
                      secret.name(),
                      secret.source() == Automation.SecretSource.SECRETS_MANAGER
                          ? "Secrets Manager"
                          : "Parameter Store",
                      secret.id().value()),
              secret.location()));
    }
    collect(automation.activities(), automation, effects);
    return new SideEffects(effects);
  }

  private static void collect(
      List<Automation.Activity> activities, Automation automation, List<Effect> effects) {
    for (Automation.Activity activity : activities) {
      if (activity instanceof Automation.ForEach loop) {
        collect(loop.activities(), automation, effects);
      } else if (activity instanceof Automation.Email email) {
        effects.add(
            new Effect(
                "email",
                "from %s to %s".formatted(email.from().value(), written(email.to())),
                email.location()));
      } else if (activity instanceof Automation.Http http) {
        effects.add(
            new Effect(
                "http",
                http.method().value().toUpperCase(java.util.Locale.ROOT) + " " + http.url().text(),
                http.location()));
      } else if (activity instanceof Automation.S3Object s3) {
        effects.add(
            new Effect(
                "s3Object",
                "bucket %s, key %s".formatted(s3.bucket().value(), s3.key().text()),
                s3.location()));
      } else if (activity instanceof Automation.SendCommand send) {
        effects.add(
            new Effect(
                "command",
                send.command().value() + automation.role().map(r -> " as " + r.value()).orElse(""),
                send.location()));
      }
    }
  }

  private static String written(List<Expression> expressions) {
    return expressions.stream().map(Expression::text).collect(Collectors.joining(", "));
  }
}
