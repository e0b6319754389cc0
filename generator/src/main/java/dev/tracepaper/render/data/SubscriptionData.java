package dev.tracepaper.render.data;

/**
 * How a view that notifies ({@code notify: true}) reaches its subscribers: after the projector
 * wrote a row, it calls the view's internal mutation, whose subscription AppSync then fires.
 *
 * @param enabled whether the view notifies; the names below are given either way
 * @param mutation the internal mutation ({@code publishBookAvailabilityChanged}), IAM only
 * @param changeType the type the mutation returns and subscribers receive ({@code
 *     BookAvailabilityChange}: the key, whether the row was deleted, and the row)
 * @param subscription the subscription field ({@code onBookAvailabilityChanged})
 * @param directives the subscription's auth directives: every caller some query of the view admits
 *     ({@code ""} for the default mode)
 * @param resolverLogicalId the mutation's resolver
 * @param dataSourceLogicalId the mutation's {@code NONE} data source
 * @param resolverFile the resolver's code, relative to the project (shared by every view)
 * @param document the GraphQL request the projector sends: the mutation, with every stored field of
 *     the row selected (subscribers receive only what it selects)
 * @param keyed whether the subscription is keyed ({@code key: String!}): the view's {@code get}
 *     query decides by its key and the caller alone, and the subscription's resolver decides each
 *     subscriber the same way, once, with the key subscribed to
 * @param keyArgument the {@code get} query's argument (the view's key field), which the keyed
 *     resolver's check reads as {@code args.<keyArgument>}
 * @param check what the keyed resolver checks of a subscriber: the {@code get} query's check
 * @param subscribeResolverLogicalId the keyed subscription's resolver ({@code ""} when not keyed)
 * @param subscribeResolverFile that resolver's code, relative to the project ({@code ""} when not
 *     keyed)
 */
public record SubscriptionData(
    boolean enabled,
    String mutation,
    String changeType,
    String subscription,
    String directives,
    String resolverLogicalId,
    String dataSourceLogicalId,
    String resolverFile,
    String document,
    boolean keyed,
    String keyArgument,
    ReadCheckData check,
    String subscribeResolverLogicalId,
    String subscribeResolverFile) {}
