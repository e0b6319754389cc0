<#import "/lib/resolvers.ftl" as r>
<@r.header query.parentType + "." + query.field + ": the " + view.name + " row with this " + query.argument + ", or null"/>
import { util } from '@aws-appsync/utils';
<@r.liveGeneration view.name/>

/** The key field: the table's partition key and the query's argument. */
const KEY = ${jsString(query.argument)};

export function request(ctx) {
<@r.checkCaller query.check/>
  const key = {};
  key[KEY] = ctx.arguments[KEY];
  return readLive(ctx, { operation: 'GetItem', key: util.dynamodb.toMapValues(key) });
}

export function response(ctx) {
<#if query.check.filtersRows()>
  const found = row(ctx);
  return found && (readsEveryRow(ctx) || mayRead(ctx, found)) ? found : null;
<#else>
  return row(ctx);
</#if>
}
<@r.pipeline/>

<@r.rowHelpers/>
<@r.commonHelpers/>
<@r.readChecks query.check/>
