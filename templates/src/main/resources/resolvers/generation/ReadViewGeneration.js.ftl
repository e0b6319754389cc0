<#import "/lib/resolvers.ftl" as r>
<@r.functionHeader "Reads which generation of a view is live, blue or green, into ctx.stash.live"/>
import { util } from '@aws-appsync/utils';

/**
 * The view's item in the bookkeeping table (key "rebuild" and the view's name): a rebuild fills
 * the generation readers do not read, then sets the item's `live` to it in one write.
 */
const PARTITION = 'rebuild';
const BLUE = 'blue';
const GREEN = 'green';

/**
 * A strongly consistent read: right after a switch the rebuild empties the old generation, which
 * an eventually consistent read could still name for a moment.
 */
export function request(ctx) {
  return {
    operation: 'GetItem',
    key: util.dynamodb.toMapValues({ pk: PARTITION, sk: ctx.stash.view }),
    consistentRead: true,
    projection: { expression: '#live', expressionNames: { '#live': 'live' } },
  };
}

/**
 * Green only when the item says so: without the item, its `live`, or with another value, blue.
 * Returns an object, not null, for the read function that is not live to pass on
 * (runtime.earlyReturn(null) fails with a runtime error: aws-appsync-community issue 280).
 */
export function response(ctx) {
  failOnError(ctx);
  ctx.stash.live = ctx.result && ctx.result.live === GREEN ? GREEN : BLUE;
  return {};
}
<@r.failOnError/>
