<#import "/lib/resolvers.ftl" as r>
<@r.header "Query." + query.field + ": a page of the " + view.name + " rows with this " + query.argument + (query.sortField?has_content)?then(", latest " + query.sortField + " first", "")/>
import { util } from '@aws-appsync/utils';
<@r.liveGeneration view.name/>

/** The secondary index queried, and the field (the query's argument) it is partitioned by. */
const INDEX = ${jsString(query.indexName)};
const FIELD = ${jsString(query.argument)};

export function request(ctx) {
<@r.checkCaller query.check/>
  return readLive(ctx, {
    operation: 'Query',
    index: INDEX,
<@r.keyCondition "FIELD" "ctx.arguments[FIELD]"/>
<#if query.sortField?has_content>
    // Sorted by ${query.sortField}: latest first.
    scanIndexForward: false,
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
<@r.pipeline/>

<@r.pageHelpers/>
<@r.commonHelpers/>
<@r.readChecks query.check/>
