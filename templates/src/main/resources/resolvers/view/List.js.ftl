<#import "/lib/resolvers.ftl" as r>
<@r.header query.parentType + "." + query.field + ": a page of " + view.name + " rows, in table order"/>
import { util } from '@aws-appsync/utils';
<@r.liveGeneration view.name/>

export function request(ctx) {
<@r.checkCaller query.check/>
  return readLive(ctx, {
    operation: 'Scan',
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
