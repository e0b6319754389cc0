<#import "/lib/resolvers.ftl" as r>
<@r.header view.name + "." + relation.field + ": the " + relation.target + " row this row's " + relation.sourceField + " names, or null"/>
import { runtime, util } from '@aws-appsync/utils';
<@r.liveGeneration relation.target/>

/** This row's field holding the other row's key, and the other view's key field. */
const SOURCE_FIELD = ${jsString(relation.sourceField)};
const TARGET_KEY = ${jsString(relation.targetField)};

export function request(ctx) {
<@r.checkCaller relation.check/>
  const value = ctx.source[SOURCE_FIELD];
  if (value === undefined || value === null) {
    // Nothing to look up: the functions are skipped, no request is made, and the response
    // handler gets this as ctx.prev.result: no row. (Not null itself: runtime.earlyReturn(null)
    // fails with a runtime error, aws-appsync-community issue 280.)
    runtime.earlyReturn({ answer: null });
  }
  const key = {};
  key[TARGET_KEY] = value;
  return readLive(ctx, { operation: 'GetItem', key: util.dynamodb.toMapValues(key) });
}

export function response(ctx) {
<#if relation.check.filtersRows()>
  const found = row(ctx);
  return found && (readsEveryRow(ctx) || mayRead(ctx, found)) ? found : null;
<#else>
  return row(ctx);
</#if>
}
<@r.pipeline/>

<@r.rowHelpers/>
<@r.commonHelpers/>
<@r.readChecks relation.check/>
