<#import "/lib/resolvers.ftl" as r>
<@r.header "Query." + query.field + ": a page of " + view.name + " rows, in table order"/>
import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return {
    operation: 'Scan',
    limit: pageLimit(ctx.arguments.limit),
    nextToken: ctx.arguments.nextToken ?? null,
    filter: liveRows(),
  };
}

export function response(ctx) {
  return page(ctx);
}

<@r.pageHelpers/>
<@r.commonHelpers/>
