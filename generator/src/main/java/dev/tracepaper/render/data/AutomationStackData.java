package dev.tracepaper.render.data;

import java.util.List;

/**
 * The resources of one automation in the root stack (templates/lib/automation.ftl): its function
 * with its own role, its queue and dead-letter queue, and its trigger. Every trigger sends to the
 * queue, so runs are retried alike (docs/generated-infrastructure.md, Automations).
 *
 * <p>The ARNs are text for a {@code !Sub}: {@code ${AWS::Partition}}, {@code ${AWS::Region}} and
 * {@code ${AWS::AccountId}} are CloudFormation's, and a {@code ${} of the model is written {@code
 * ${!}, which {@code !Sub} reads as the literal text.
 *
 * @param name the model name ({@code WelcomeMember})
 * @param trigger {@code event}, {@code schedule} or {@code deployment}
 * @param handler the Lambda handler: {@code <base package>.automations.<Name>Automation} and
 *     {@code ::handleRequest}
 * @param functionLogicalId {@code <Name>AutomationFunction}; SAM names its role {@code
 *     <Name>AutomationFunctionRole}
 * @param queueLogicalId {@code <Name>AutomationQueue}, which every trigger sends to
 * @param deadLetterQueueLogicalId {@code <Name>AutomationDeadLetterQueue}
 * @param queueMappingLogicalId {@code <Name>AutomationQueueMapping}
 * @param ruleLogicalId {@code <Name>AutomationRule} (event)
 * @param queuePolicyLogicalId {@code <Name>AutomationQueuePolicy} (event): the rule may send
 * @param scheduleLogicalId {@code <Name>AutomationSchedule} (schedule)
 * @param schedulerRoleLogicalId {@code <Name>AutomationSchedulerRole} (schedule)
 * @param deploymentLogicalId {@code <Name>AutomationDeployment} (deployment): the custom resource
 * @param triggerSource the EventBridge source of the triggering event (event), else empty
 * @param triggerType the triggering event's name, the detail-type (event), else empty
 * @param scheduleExpression EventBridge Scheduler's expression (schedule), else empty
 * @param scheduleTimezone the schedule's IANA zone, {@code UTC} when the model gives none
 *     (schedule), else empty
 * @param fingerprint a digest of the model's files (deployment): a changed model runs it again even
 *     when the function's code is the same; else empty
 * @param emailIdentityArns the SES identities of its {@code from} addresses: each address and its
 *     domain (SES authorises a send on the identity it verified, either)
 * @param objectArns the S3 objects it may put: each bucket with the fixed start of its key and
 *     {@code *}, or the key itself when it is fixed text
 * @param secretArns the Secrets Manager secrets it reads
 * @param parameterArns the Parameter Store parameters it reads
 * @param sendsCommands whether it sends commands, in-process on the event store as a policy does
 * @param releasesClaims whether a command it sends may let a unique claim go (a conditional delete)
 * @param fillsTemplates whether it renders a template (the generated pom adds Mustache)
 */
public record AutomationStackData(
    String name,
    String trigger,
    String handler,
    String functionLogicalId,
    String queueLogicalId,
    String deadLetterQueueLogicalId,
    String queueMappingLogicalId,
    String ruleLogicalId,
    String queuePolicyLogicalId,
    String scheduleLogicalId,
    String schedulerRoleLogicalId,
    String deploymentLogicalId,
    String triggerSource,
    String triggerType,
    String scheduleExpression,
    String scheduleTimezone,
    String fingerprint,
    List<String> emailIdentityArns,
    List<String> objectArns,
    List<String> secretArns,
    List<String> parameterArns,
    boolean sendsCommands,
    boolean releasesClaims,
    boolean fillsTemplates) {

  public AutomationStackData {
    emailIdentityArns = List.copyOf(emailIdentityArns);
    objectArns = List.copyOf(objectArns);
    secretArns = List.copyOf(secretArns);
    parameterArns = List.copyOf(parameterArns);
  }

  /** The ledger's items of this automation in the event store: their partition keys. */
  public String ledgerKeys() {
    return "automation#" + name + "#*";
  }
}
