package dev.tracepaper.security;

import dev.tracepaper.automation.Activities;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.naming.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each automation's function, scheduler role and queue policy may do, from the model as
 * docs/generated-infrastructure.md (Automations) states it: its ledger items, its own queue, the
 * SES identities of its senders, its secrets and parameters, its objects, and the event store as a
 * policy has it when it sends commands, and its objects under the fixed start of their keys ({@link
 * #OBJECTS}).
 */
final class AutomationGrants {

  private static final String HERE = "arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:";

  /**
   * What each S3 key of the models tested fixes of the object's name: its literal start and {@code
   * *}, or the whole key. Written out, not computed, so that the generator's reading of a key is
   * checked; a new key in a model needs its line here.
   */
  private static final Map<String, String> OBJECTS =
      Map.of(
          "'weekly/' + week + '.txt'", "weekly/*",
          "'notes/latest.txt'", "notes/latest.txt",
          "string(today) + '.txt'", "*");

  private AutomationGrants() {}

  /** Adds the automations' grants of {@code model} to {@code grants}. */
  static void add(ModelIndex model, Map<String, Set<String>> grants) {
    for (Automation automation : model.model().automations()) {
      String id = Case.pascal(automation.name()) + "Automation";
      String function = id + "Function";
      String queue = id + "Queue.Arn";
      String deadLetters = id + "DeadLetterQueue.Arn";
      grant(grants, function, Grants.XRAY_WRITE, "*");
      grant(
          grants,
          function,
          List.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
          "EventStoreTable.Arn if ForAllValues:StringLike dynamodb:LeadingKeys [automation#"
              + automation.name()
              + "#*]");
      List<String> queueActions =
          new ArrayList<>(
              List.of(
                  "sqs:ReceiveMessage",
                  "sqs:DeleteMessage",
                  "sqs:GetQueueAttributes",
                  "sqs:ChangeMessageVisibility"));
      if (automation.trigger() instanceof Automation.AfterDeployment) {
        queueActions.add("sqs:SendMessage");
      }
      grant(grants, function, queueActions, queue);
      for (Automation.Activity activity : Activities.all(automation)) {
        if (activity instanceof Automation.Email email) {
          // SES verifies an address (or its domain), never a display name: `Desk <a@b.example>`.
          String from = email.from().value().replaceAll("^.*<([^>]+)>\\s*$", "$1");
          for (String identity : List.of(from, from.substring(from.indexOf('@') + 1))) {
            grant(
                grants,
                function,
                List.of("ses:SendEmail"),
                HERE.formatted("ses") + "identity/" + identity);
          }
        } else if (activity instanceof Automation.SendCommand send) {
          Command command = send.resolve(model.model()).orElseThrow();
          List<String> store =
              new ArrayList<>(List.of("dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem"));
          if (!model.aggregate(command.aggregate()).orElseThrow().unique().isEmpty()) {
            store.add("dynamodb:DeleteItem");
          }
          grant(grants, function, store, "EventStoreTable.Arn");
        } else if (activity instanceof Automation.S3Object object) {
          String key = object.key().text();
          if (!OBJECTS.containsKey(key)) {
            throw new AssertionError("the object name key " + key + " fixes: add it to OBJECTS");
          }
          grant(
              grants,
              function,
              List.of("s3:PutObject"),
              "arn:${AWS::Partition}:s3:::" + object.bucket().value() + "/" + OBJECTS.get(key));
        }
      }
      for (Automation.Secret secret : automation.secrets()) {
        String name = secret.id().value();
        if (secret.source() == Automation.SecretSource.PARAMETER_STORE) {
          grant(
              grants,
              function,
              List.of("ssm:GetParameter"),
              HERE.formatted("ssm") + "parameter/" + name.replaceFirst("^/", ""));
        } else if (name.startsWith("arn:")) {
          grant(grants, function, List.of("secretsmanager:GetSecretValue"), name);
          grant(grants, function, List.of("secretsmanager:GetSecretValue"), name + "-??????");
        } else {
          grant(
              grants,
              function,
              List.of("secretsmanager:GetSecretValue"),
              HERE.formatted("secretsmanager") + "secret:" + name + "-??????");
        }
      }
      if (automation.trigger() instanceof Automation.OnEvent) {
        for (String target : List.of(queue, deadLetters)) {
          grant(
              grants,
              id + "QueuePolicy",
              List.of("sqs:SendMessage"),
              target + " if ArnEquals aws:SourceArn [" + id + "Rule.Arn]");
        }
      } else if (automation.trigger() instanceof Automation.OnSchedule) {
        grant(grants, id + "SchedulerRole", List.of("sqs:SendMessage"), queue);
        grant(grants, id + "SchedulerRole", List.of("sqs:SendMessage"), deadLetters);
      }
    }
  }

  private static void grant(
      Map<String, Set<String>> grants, String principal, List<String> actions, String resource) {
    Set<String> set = grants.computeIfAbsent(principal, k -> new TreeSet<>());
    actions.forEach(action -> set.add(action + " on " + resource));
  }
}
