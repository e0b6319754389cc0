package dev.tracepaper.render.data;

/**
 * A policy: a Lambda triggered by an EventBridge rule, running its flow on its aggregate.
 *
 * @param name the model name ({@code WithdrawWhenLost})
 * @param handlerClass the Lambda handler's simple name ({@code WithdrawWhenLostHandler})
 * @param handler the handler string of the Lambda function
 * @param functionLogicalId the function's logical id
 * @param ruleLogicalId the EventBridge rule's logical id
 * @param deadLetterQueueLogicalId the dead-letter queue's logical id
 * @param permissionLogicalId the logical id of the permission that lets the rule invoke the
 *     function ({@code WithdrawWhenLostPolicyPermission})
 * @param deadLetterQueuePolicyLogicalId the logical id of the queue policy that lets the rule send
 *     to the dead-letter queue ({@code WithdrawWhenLostPolicyDeadLetterQueuePolicy})
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
    String permissionLogicalId,
    String deadLetterQueuePolicyLogicalId,
    String triggerSource,
    String triggerType,
    String triggerAggregate,
    String triggerQualifiedClass,
    FlowData flow,
    String element,
    String triggerAggregateClass)
    implements ModelElement {}
