<#import "/lib/resolvers.ftl" as r>
<#assign prefix = relation.prefixArgument?has_content>
<@r.header view.name + "." + relation.field + ": a page of the " + relation.target + " rows whose " + relation.targetField + " is this row's " + relation.sourceField + prefix?then(" and whose " + relation.targetSortField + " begins with " + relation.prefixArgument, "") + r.orderPhrase(relation.targetSortField, relation.targetAscending)/>
import { util } from '@aws-appsync/utils';
<@r.liveGeneration relation.target/>

/** The other view's index over its field that holds this row's key, and this row's key field. */
const INDEX = ${jsString(relation.targetIndex)};
const TARGET_FIELD = ${jsString(relation.targetField)};
const SOURCE_KEY = ${jsString(relation.sourceField)};
<#if prefix>

/** The index's sort field, and the argument giving the text it begins with. */
const SORT_FIELD = ${jsString(relation.targetSortField)};
const PREFIX = ${jsString(relation.prefixArgument)};
</#if>

export function request(ctx) {
<@r.checkCaller relation.check/>
  return readLive(ctx, {
    operation: 'Query',
    index: INDEX,
<#if prefix>
    query: keyCondition(ctx.source[SOURCE_KEY], ctx.arguments[PREFIX]),
<#else>
<@r.keyCondition "TARGET_FIELD" "ctx.source[SOURCE_KEY]"/>
</#if>
<#if relation.targetSortField?has_content>
<#if relation.targetAscending>
    // Sorted by ${relation.targetSortField}: in ascending order.
    scanIndexForward: true,
<#else>
    // Sorted by ${relation.targetSortField}: latest first.
    scanIndexForward: false,
</#if>
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
<#if prefix>
<@r.prefixKeyCondition "TARGET_FIELD"/>
</#if>
<@r.pipeline/>

<@r.pageHelpers/>
<@r.commonHelpers/>
<@r.readChecks relation.check/>
