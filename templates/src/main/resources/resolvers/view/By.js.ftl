<#import "/lib/resolvers.ftl" as r>
<@r.header view.name + "." + relation.field + ": a page of the " + relation.target + " rows whose " + relation.targetField + " is this row's " + relation.sourceField + (relation.targetSortField?has_content)?then(", latest " + relation.targetSortField + " first", "")/>
import { util } from '@aws-appsync/utils';
<@r.liveGeneration relation.target/>

/** The other view's index over its field that holds this row's key, and this row's key field. */
const INDEX = ${jsString(relation.targetIndex)};
const TARGET_FIELD = ${jsString(relation.targetField)};
const SOURCE_KEY = ${jsString(relation.sourceField)};

export function request(ctx) {
<@r.checkCaller relation.check/>
  return readLive(ctx, {
    operation: 'Query',
    index: INDEX,
<@r.keyCondition "TARGET_FIELD" "ctx.source[SOURCE_KEY]"/>
<#if relation.targetSortField?has_content>
    // Sorted by ${relation.targetSortField}: latest first.
    scanIndexForward: false,
</#if>
    limit: pageLimit(ctx.arguments.limit),
    nextToken: ctx.arguments.nextToken ?? null,
    filter: liveRows(),
  });
}

export function response(ctx) {
<#if relation.check.filtersRows()>
  const found = page(ctx);
  if (readsEveryRow(ctx)) {
    return found;
  }
  return { items: found.items.filter((item) => mayRead(ctx, item)), nextToken: found.nextToken };
<#else>
  return page(ctx);
</#if>
}
<@r.pipeline/>

<@r.pageHelpers/>
<@r.commonHelpers/>
<@r.readChecks relation.check/>
