<#import "/lib/resolvers.ftl" as r>
<#assign prefix = query.prefixArgument?has_content>
<@r.header query.parentType + "." + query.field + ": a page of the " + view.name + " rows with this " + query.argument + prefix?then(" whose " + query.sortField + " begins with " + query.prefixArgument, "") + r.orderPhrase(query.sortField, query.ascending)/>
import { util } from '@aws-appsync/utils';
<@r.liveGeneration view.name/>

/** The secondary index queried, and the field (the query's argument) it is partitioned by. */
const INDEX = ${jsString(query.indexName)};
const FIELD = ${jsString(query.argument)};
<#if prefix>

/** The index's sort field, and the argument giving the text it begins with. */
const SORT_FIELD = ${jsString(query.sortField)};
const PREFIX = ${jsString(query.prefixArgument)};
</#if>

export function request(ctx) {
<@r.checkCaller query.check/>
  return readLive(ctx, {
    operation: 'Query',
    index: INDEX,
<#if prefix>
    query: keyCondition(ctx.arguments[FIELD], ctx.arguments[PREFIX]),
<#else>
<@r.keyCondition "FIELD" "ctx.arguments[FIELD]"/>
</#if>
<#if query.sortField?has_content>
<#if query.ascending>
    // Sorted by ${query.sortField}: in ascending order.
    scanIndexForward: true,
<#else>
    // Sorted by ${query.sortField}: latest first.
    scanIndexForward: false,
</#if>
</#if>
    limit: pageLimit(ctx.arguments.limit),
    nextToken: ctx.arguments.nextToken ?? null,
    filter: liveRows(),
  });
}

export function response(ctx) {
<#if query.check.filtersRows()>
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
<@r.prefixKeyCondition "FIELD"/>
</#if>
<@r.pipeline/>

<@r.pageHelpers/>
<@r.commonHelpers/>
<@r.readChecks query.check/>
