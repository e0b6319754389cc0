package dev.tracepaper.render.data;

import java.util.List;

/**
 * A policy: a Lambda function that reads the queue an EventBridge rule sends its trigger to, and
 * runs its flow on its aggregate.
 *
 * @param name the model name ({@code WithdrawWhenLost})
 * @param handlerClass the Lambda handler's simple name ({@code WithdrawWhenLostHandler})
 * @param handler the handler string of the Lambda function
 * @param functionLogicalId the function's logical id
 * @param ruleLogicalId the EventBridge rule's logical id
 * @param deadLetterQueueLogicalId the dead-letter queue's logical id
 * @param queueLogicalId the logical id of the queue between the rule and the function ({@code
 *     WithdrawWhenLostPolicyQueue})
 * @param queueMappingLogicalId the logical id of the event source mapping from that queue to the
 *     function ({@code WithdrawWhenLostPolicyQueueMapping})
 * @param queuePolicyLogicalId the logical id of the queue policy that lets the rule send to the
 *     queue and the dead-letter queue ({@code WithdrawWhenLostPolicyQueuePolicy})
 * @param triggerSource the EventBridge source of the triggering event ({@code
 *     library.Lending.Membership})
 * @param triggerType the triggering event's name (the detail-type)
 * @param triggerAggregate the aggregate of the triggering event ({@code Membership})
 * @param triggerQualifiedClass the triggering event's record, fully qualified
 * @param flow its behaviour
 * @param element how generated file headers name it
 * @param triggerAggregateClass the runtime's description of the triggering event's aggregate, fully
 *     qualified: it upcasts the event delivered by the bus
 * @param runs for an event of a command's {@code on}, the command it runs (whose flow is {@code
 *     flow}); empty for a policy
 * @param input for an event of a command's {@code on}, the Java expression of the command's input
 *     built from {@code event} and {@code metadata}, laid out after {@code return} at four spaces;
 *     empty for a policy
 * @param inputLocals the statements before it: {@code user}, {@code now} and {@code today} when a
 *     mapping reads them
 * @param imports for an event of a command's {@code on}, every class its handler imports, sorted
 *     (the input names more than a policy's handler does); empty for a policy
 * @param primingWhen the triggering event priming delivers, as JSON: the first case's (for a
 *     command, its first case with this {@code on}); empty when there is none or hand-written code
 *     takes part
 */
public record PolicyData(
    String name,
    String handlerClass,
    String handler,
    String functionLogicalId,
    String ruleLogicalId,
    String deadLetterQueueLogicalId,
    String queueLogicalId,
    String queueMappingLogicalId,
    String queuePolicyLogicalId,
    String triggerSource,
    String triggerType,
    String triggerAggregate,
    String triggerQualifiedClass,
    FlowData flow,
    String element,
    String triggerAggregateClass,
    String runs,
    String input,
    List<String> inputLocals,
    List<String> imports,
    String primingWhen)
    implements ModelElement {

  public PolicyData {
    inputLocals = List.copyOf(inputLocals);
    imports = List.copyOf(imports);
  }
}
