<#import "/lib/resolvers.ftl" as r>
<@r.header "Query." + query.field + ": the " + view.name + " row with this " + query.argument + ", or null"/>
import { util } from '@aws-appsync/utils';

/** The key field: the table's partition key and the query's argument. */
const KEY = ${jsString(query.argument)};

export function request(ctx) {
  const key = {};
  key[KEY] = ctx.arguments[KEY];
  return { operation: 'GetItem', key: util.dynamodb.toMapValues(key) };
}

export function response(ctx) {
  return row(ctx);
}
<@r.rowHelpers/>
<@r.commonHelpers/>
