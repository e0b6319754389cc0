package dev.tracepaper.render.data;

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
    String triggerAggregateClass)
    implements ModelElement {}
