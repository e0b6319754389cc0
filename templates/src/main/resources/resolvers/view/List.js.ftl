<#import "/lib/resolvers.ftl" as r>
<@r.header "Query." + query.field + ": a page of " + view.name + " rows, in table order"/>
import { util } from '@aws-appsync/utils';
<@r.liveGeneration view.name/>

export function request(ctx) {
  return readLive(ctx, {
    operation: 'Scan',
    limit: pageLimit(ctx.arguments.limit),
    nextToken: ctx.arguments.nextToken ?? null,
    filter: liveRows(),
  });
}

export function response(ctx) {
  return page(ctx);
}
<@r.pipeline/>

<@r.pageHelpers/>
<@r.commonHelpers/>
