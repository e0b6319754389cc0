package dev.tracepaper.security;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.render.data.AutomationStackData;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.StackData;
import dev.tracepaper.security.SamTemplate.Intrinsic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How each automation of every example is wired in its generated template: its function reads its
 * own queue one message at a time, the queue moves what keeps failing to its own dead-letter queue,
 * and each trigger (rule, schedule, deployment) sends to that queue, with the model's pattern,
 * expression and time zone. IamPolicyTest checks what each may do.
 */
class AutomationInfrastructureTest {

  static List<String> examples() {
    return GeneratedExamples.names();
  }

  @Test
  void theExamplesHaveEveryTrigger() {
    List<String> triggers = new ArrayList<>();
    for (String example : examples()) {
      GeneratedExamples.project(example)
          .automationResources()
          .forEach(a -> triggers.add(a.trigger()));
    }
    assertThat(Set.copyOf(triggers)).containsExactly("event", "schedule", "deployment");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void eachAutomationReadsItsOwnQueueAndFailsIntoItsOwnDeadLetterQueue(String example) {
    ProjectData project = GeneratedExamples.project(example);
    Map<String, Map<String, Object>> resources = GeneratedExamples.template(example).resources();
    for (AutomationStackData a : project.automationResources()) {
      String what = example + " " + a.name();
      Map<String, Object> function = resources.get(a.functionLogicalId());
      assertWithMessage(what).that(function.get("Type")).isEqualTo("AWS::Serverless::Function");
      assertWithMessage(what)
          .that(Grants.path(function, "Metadata", "BuildMethod"))
          .isEqualTo("makefile");
      assertWithMessage(what)
          .that(Grants.path(function, "Properties", "Handler"))
          .isEqualTo(
              project.basePackage() + ".automations." + a.name() + "Automation::handleRequest");
      assertWithMessage(what).that(Grants.path(function, "Properties", "Timeout")).isEqualTo("60");
      assertWithMessage(what)
          .that(Grants.path(function, "Properties", "Environment", "Variables"))
          .isEqualTo(
              Map.of(
                  "EVENT_STORE_TABLE", new Intrinsic("Ref", "EventStoreTable"),
                  "AUTOMATION_QUEUE_URL", new Intrinsic("Ref", a.queueLogicalId())));

      Map<String, Object> queue = resources.get(a.queueLogicalId());
      // Six times the function's timeout; five receives, then the dead-letter queue.
      assertWithMessage(what)
          .that(Grants.path(queue, "Properties", "VisibilityTimeout"))
          .isEqualTo("360");
      assertWithMessage(what)
          .that(Grants.path(queue, "Properties", "RedrivePolicy"))
          .isEqualTo(
              Map.of(
                  "deadLetterTargetArn",
                  new Intrinsic("GetAtt", a.deadLetterQueueLogicalId() + ".Arn"),
                  "maxReceiveCount",
                  "5"));
      Map<String, Object> mapping = resources.get(a.queueMappingLogicalId());
      assertWithMessage(what)
          .that(mapping.get("Properties"))
          .isEqualTo(
              Map.of(
                  "FunctionName",
                  new Intrinsic("Ref", a.functionLogicalId() + ".Alias"),
                  "EventSourceArn",
                  new Intrinsic("GetAtt", a.queueLogicalId() + ".Arn"),
                  "BatchSize",
                  "1",
                  "FunctionResponseTypes",
                  List.of("ReportBatchItemFailures"),
                  "ScalingConfig",
                  Map.of("MaximumConcurrency", "2")));
      Map<String, Object> alarm = resources.get(a.deadLetterQueueLogicalId() + "DepthAlarm");
      assertWithMessage(what)
          .that(Grants.path(alarm, "Properties", "Dimensions", 0, "Value"))
          .isEqualTo(new Intrinsic("GetAtt", a.deadLetterQueueLogicalId() + ".QueueName"));
      assertWithMessage(what).that(Grants.path(alarm, "Properties", "Threshold")).isEqualTo("0");
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  @SuppressWarnings("unchecked")
  void eachTriggerSendsToItsAutomationsQueue(String example) {
    ProjectData project = GeneratedExamples.project(example);
    Map<String, Map<String, Object>> resources = GeneratedExamples.template(example).resources();
    Map<String, Map<String, Object>> root =
        SamTemplate.parse(GeneratedExamples.render(example, "template.yaml")).resources();
    for (AutomationStackData a : project.automationResources()) {
      String what = example + " " + a.name();
      Intrinsic queue = new Intrinsic("GetAtt", a.queueLogicalId() + ".Arn");
      Intrinsic deadLetters = new Intrinsic("GetAtt", a.deadLetterQueueLogicalId() + ".Arn");
      List<String> triggers =
          resources.keySet().stream()
              .filter(id -> id.startsWith(a.name() + "Automation"))
              .filter(id -> id.matches(".*(Rule|Schedule|SchedulerRole|Deployment|QueuePolicy)"))
              .sorted()
              .toList();
      switch (a.trigger()) {
        case "event" -> {
          assertWithMessage(what)
              .that(triggers)
              .containsExactly(a.queuePolicyLogicalId(), a.ruleLogicalId());
          Map<String, Object> rule = resources.get(a.ruleLogicalId());
          assertWithMessage(what)
              .that(Grants.path(rule, "Properties", "EventPattern"))
              .isEqualTo(
                  Map.of(
                      "source", List.of(a.triggerSource()),
                      "detail-type", List.of(a.triggerType())));
          assertWithMessage(what)
              .that(Grants.path(rule, "Properties", "EventBusName"))
              .isEqualTo(new Intrinsic("Ref", "EventBus"));
          Map<String, Object> target =
              (Map<String, Object>) Grants.path(rule, "Properties", "Targets", 0);
          assertWithMessage(what).that(target.get("Arn")).isEqualTo(queue);
          assertWithMessage(what)
              .that(Grants.path(target, "DeadLetterConfig", "Arn"))
              .isEqualTo(deadLetters);
        }
        case "schedule" -> {
          assertWithMessage(what)
              .that(triggers)
              .containsExactly(a.scheduleLogicalId(), a.schedulerRoleLogicalId());
          Map<String, Object> schedule = resources.get(a.scheduleLogicalId());
          assertWithMessage(what)
              .that(Grants.path(schedule, "Properties", "ScheduleExpression"))
              .isEqualTo(a.scheduleExpression());
          assertWithMessage(what)
              .that(Grants.path(schedule, "Properties", "ScheduleExpressionTimezone"))
              .isEqualTo(a.scheduleTimezone());
          assertWithMessage(what)
              .that(Grants.path(schedule, "Properties", "FlexibleTimeWindow"))
              .isEqualTo(Map.of("Mode", "OFF"));
          Map<String, Object> target =
              (Map<String, Object>) Grants.path(schedule, "Properties", "Target");
          assertWithMessage(what).that(target.get("Arn")).isEqualTo(queue);
          assertWithMessage(what)
              .that(target.get("RoleArn"))
              .isEqualTo(new Intrinsic("GetAtt", a.schedulerRoleLogicalId() + ".Arn"));
          assertWithMessage(what)
              .that(target.get("Input"))
              .isEqualTo("{\"schedule\":\"<aws.scheduler.scheduled-time>\"}");
          assertWithMessage(what)
              .that(Grants.path(target, "DeadLetterConfig", "Arn"))
              .isEqualTo(deadLetters);
          // The scheduler, for this account only, assumes the role that may send to the queue.
          assertWithMessage(what)
              .that(
                  Grants.path(
                      resources.get(a.schedulerRoleLogicalId()),
                      "Properties",
                      "AssumeRolePolicyDocument",
                      "Statement"))
              .isEqualTo(
                  List.of(
                      Map.of(
                          "Effect",
                          "Allow",
                          "Principal",
                          Map.of("Service", "scheduler.amazonaws.com"),
                          "Action",
                          "sts:AssumeRole",
                          "Condition",
                          Map.of(
                              "StringEquals",
                              Map.of(
                                  "aws:SourceAccount", new Intrinsic("Ref", "AWS::AccountId"))))));
        }
        default -> {
          assertWithMessage(what).that(triggers).containsExactly(a.deploymentLogicalId());
          Map<String, Object> deployment = root.get(a.deploymentLogicalId());
          assertWithMessage(what)
              .that(deployment.get("Type"))
              .isEqualTo("AWS::CloudFormation::CustomResource");
          assertWithMessage(what)
              .that(deployment.get("Properties"))
              .isEqualTo(
                  Map.of(
                      "ServiceToken",
                      new Intrinsic("Ref", a.functionLogicalId() + ".Alias"),
                      "ServiceTimeout",
                      "300",
                      "CodeVersion",
                      new Intrinsic("Ref", a.functionLogicalId() + ".Version"),
                      "ModelFingerprint",
                      a.fingerprint()));
          assertWithMessage(what).that(a.fingerprint()).matches("[0-9a-f]{16}");
          // After the rest of the app, and once the queue has its reader.
          List<String> waits = new ArrayList<>(List.of("GraphQLSchema"));
          project.stacks().nested().stream().map(StackData::logicalId).forEach(waits::add);
          waits.add(a.queueMappingLogicalId());
          assertWithMessage(what).that(deployment.get("DependsOn")).isEqualTo(waits);
        }
      }
    }
  }

  /** The library's grants, written out: what a reviewer of its template reads. */
  @Test
  void theLibrarysAutomationsReachExactlyTheirSenderSecretAndObjects() {
    Map<String, Set<String>> grants = Grants.of(GeneratedExamples.template("library"));
    String here = "arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:";
    assertThat(grants.get("WelcomeMemberAutomationFunction"))
        .containsAtLeast(
            "ses:SendEmail on " + here.formatted("ses") + "identity/desk@library.example",
            "ses:SendEmail on " + here.formatted("ses") + "identity/library.example");
    assertThat(grants.get("ReportLostBookToSupplierAutomationFunction"))
        .contains(
            "secretsmanager:GetSecretValue on "
                + here.formatted("secretsmanager")
                + "secret:library/supplier-token-??????");
    assertThat(grants.get("WeeklyLoanReportAutomationFunction"))
        .contains("s3:PutObject on arn:${AWS::Partition}:s3:::library-reports/weekly/*");
    for (String function :
        List.of(
            "WelcomeMemberAutomationFunction",
            "ReportLostBookToSupplierAutomationFunction",
            "WeeklyLoanReportAutomationFunction")) {
      assertWithMessage(function)
          .that(grants.get(function).stream().filter(g -> g.startsWith("dynamodb:")).toList())
          .containsExactly(
              "dynamodb:GetItem on EventStoreTable.Arn if ForAllValues:StringLike"
                  + " dynamodb:LeadingKeys [automation#"
                  + function.replace("AutomationFunction", "")
                  + "#*]",
              "dynamodb:UpdateItem on EventStoreTable.Arn if ForAllValues:StringLike"
                  + " dynamodb:LeadingKeys [automation#"
                  + function.replace("AutomationFunction", "")
                  + "#*]");
    }
  }
}
