package dev.tracepaper.render.build;

import dev.tracepaper.automation.Activities;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.AutomationStackData;
import dev.tracepaper.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The infrastructure of each automation of the model ({@link AutomationStackData}). */
final class AutomationStackBuilder {

  /** The start of an ARN in this stack's partition, region and account, for a {@code !Sub}. */
  private static final String HERE = "arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:";

  private final ModelIndex index;
  private final JavaNames names;
  private final String fingerprint;

  private AutomationStackBuilder(ModelIndex index, JavaNames names) {
    this.index = index;
    this.names = names;
    this.fingerprint = fingerprint(index.model().sources());
  }

  /** Every automation of the model, in model order. */
  static List<AutomationStackData> of(ModelIndex index, JavaNames names) {
    AutomationStackBuilder builder = new AutomationStackBuilder(index, names);
    return index.model().automations().stream().map(builder::automation).toList();
  }

  private AutomationStackData automation(Automation automation) {
    String id = AwsNames.automationId(automation.name());
    String trigger = "deployment";
    String source = "";
    String type = "";
    String expression = "";
    String timezone = "";
    if (automation.trigger() instanceof Automation.OnEvent on) {
      Event event = index.event(on.event()).orElseThrow();
      Aggregate aggregate = index.aggregate(event.aggregate()).orElseThrow();
      trigger = "event";
      source =
          AwsNames.eventSource(
              index.model().app().orElseThrow().name().value(),
              aggregate.subdomain().map(Located::value).orElse(""),
              aggregate.name());
      type = event.name();
    } else if (automation.trigger() instanceof Automation.OnSchedule schedule) {
      trigger = "schedule";
      expression = schedule.expression().value();
      timezone = schedule.timezone().map(Located::value).orElse("UTC");
    }
    List<Automation.Activity> activities = Activities.all(automation);
    List<Command> commands =
        activities.stream()
            .filter(Automation.SendCommand.class::isInstance)
            .map(a -> ((Automation.SendCommand) a).resolve(index.model()).orElseThrow())
            .toList();
    return new AutomationStackData(
        automation.name(),
        trigger,
        // The class AutomationCode generates.
        AutomationCode.handler(names, automation.name()).qualified() + "::handleRequest",
        id + "Function",
        id + "Queue",
        id + "DeadLetterQueue",
        id + "QueueMapping",
        id + "Rule",
        id + "QueuePolicy",
        id + "Schedule",
        id + "SchedulerRole",
        id + "Deployment",
        source,
        type,
        expression,
        timezone,
        trigger.equals("deployment") ? fingerprint : "",
        emailIdentities(activities),
        objects(activities),
        secrets(automation, Automation.SecretSource.SECRETS_MANAGER),
        secrets(automation, Automation.SecretSource.PARAMETER_STORE),
        !commands.isEmpty(),
        commands.stream()
            .anyMatch(c -> !index.aggregate(c.aggregate()).orElseThrow().unique().isEmpty()),
        !Activities.templates(automation).isEmpty());
  }

  /**
   * SES authorises a send from an address on the identity it was verified as: the address itself,
   * or its domain. Both are granted, so either verification works. A sender with a display name
   * ({@code Library desk <desk@library.example>}) is verified as its address.
   */
  private static List<String> emailIdentities(List<Automation.Activity> activities) {
    Set<String> identities = new LinkedHashSet<>();
    for (Automation.Activity activity : activities) {
      if (activity instanceof Automation.Email email) {
        String from = address(email.from().value());
        identities.add(from);
        identities.add(from.substring(from.lastIndexOf('@') + 1));
      }
    }
    return identities.stream().map(i -> HERE.formatted("ses") + "identity/" + literal(i)).toList();
  }

  /** The address of {@code Name <address>}, or the text itself. */
  static String address(String from) {
    int open = from.lastIndexOf('<');
    int close = from.lastIndexOf('>');
    return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
  }

  private static List<String> objects(List<Automation.Activity> activities) {
    Set<String> objects = new LinkedHashSet<>();
    for (Automation.Activity activity : activities) {
      if (activity instanceof Automation.S3Object object) {
        KeyPrefix prefix = KeyPrefix.of(object.key().text());
        objects.add(
            "arn:${AWS::Partition}:s3:::"
                + literal(object.bucket().value() + "/" + prefix.text())
                + (prefix.whole() ? "" : "*"));
      }
    }
    return List.copyOf(objects);
  }

  /**
   * A secret by its name gets Secrets Manager's six random characters after a hyphen; by its ARN,
   * the ARN as given (complete) and with them (partial). A parameter by its name, with or without
   * the leading slash, or by its ARN.
   */
  private static List<String> secrets(Automation automation, Automation.SecretSource source) {
    Set<String> arns = new LinkedHashSet<>();
    for (Automation.Secret secret : automation.secrets()) {
      if (secret.source() != source) {
        continue;
      }
      String id = literal(secret.id().value());
      boolean arn = id.startsWith("arn:");
      if (source == Automation.SecretSource.SECRETS_MANAGER) {
        if (arn) {
          arns.add(id);
        }
        arns.add((arn ? id : HERE.formatted("secretsmanager") + "secret:" + id) + "-??????");
      } else {
        arns.add(arn ? id : HERE.formatted("ssm") + "parameter/" + id.replaceFirst("^/", ""));
      }
    }
    return List.copyOf(arns);
  }

  /** Model text inside a {@code !Sub}: its {@code ${} is no reference. */
  private static String literal(String text) {
    return text.replace("${", "${!");
  }

  /**
   * A digest of the model's files, independent of where they are and in which order they were read:
   * a deployment of a changed model runs the deployment automations again.
   */
  private static String fingerprint(List<SourceFile> sources) {
    try {
      List<String> files = new ArrayList<>();
      for (SourceFile source : sources) {
        files.add(HexFormat.of().formatHex(sha256(source.text())));
      }
      files.sort(null);
      return HexFormat.of().formatHex(sha256(String.join("\n", files)), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static byte[] sha256(String text) throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
  }
}
