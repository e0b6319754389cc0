<#import "/lib/resolvers.ftl" as r>
<#assign target = project.views?filter(v -> v.name == relation.target)?first>
<@r.header view.name + "." + relation.field + ": a page of the " + relation.target + " rows whose keys this row's " + relation.sourceField + " lists, in its order"/>
import { runtime, util } from '@aws-appsync/utils';
<@r.liveGeneration relation.target/>

/** This row's list of the other rows' keys, and the other view's key field. */
const SOURCE_FIELD = ${jsString(relation.sourceField)};
const TARGET_KEY = ${jsString(relation.targetField)};

/**
 * The other view's two tables, by generation. A BatchGetItem names its table, unlike the other
 * reads (their data source's table is implied): the names are the view tables' prefix (the root
 * stack's name and a dot: the API's environment variable VIEW_TABLE_PREFIX) and these suffixes.
 */
const TABLES = {
<#list target.generations as generation>
  ${generation.colour}: ${jsString(generation.tableSuffix)},
</#list>
};

/**
 * A page of the list: at most `limit` keys from the position nextToken gives (a BatchGetItem takes
 * at most 100, the largest limit), each key once, none empty. No key, no request: every function
 * is skipped and the page is empty.
 */
export function request(ctx) {
  const keys = pageKeys(ctx);
  if (keys.length === 0) {
    runtime.earlyReturn({ answer: null });
  }
  const prefix = ctx.env.VIEW_TABLE_PREFIX;
  const requests = {};
  for (const [generation, suffix] of Object.entries(TABLES)) {
    const tables = {};
    tables[prefix + suffix] = {
      keys: keys.map((key) => keyOf(key)),
      consistentRead: false,
    };
    requests[generation] = { operation: 'BatchGetItem', tables };
  }
  return readLiveByGeneration(ctx, requests);
}

/**
 * The rows in the list's order, each once; keys without a row (none, a tombstone, expired) are
 * left out. DynamoDB may leave keys unprocessed (throttling, a 16 MB answer): the page then ends
 * before the first of them and its nextToken starts there, so no row is skipped.
 */
export function response(ctx) {
  const page = pageOf(ctx);
  const answer = ctx.prev.result.answer;
  const found = {};
  const unprocessed = {};
  if (answer) {
    for (const rows of Object.values(answer.data ?? {})) {
      for (const row of rows) {
        if (row && isLive(row)) {
          found[entry(row[TARGET_KEY])] = row;
        }
      }
    }
    for (const keys of Object.values(answer.unprocessedKeys ?? {})) {
      for (const key of keys) {
        unprocessed[entry(key[TARGET_KEY])] = true;
      }
    }
  }
  const items = [];
  const shown = {};
  let next = page.end < page.list.length ? '' + page.end : null;
  let stopped = false;
  page.list.slice(page.start, page.end).forEach((key, offset) => {
    if (stopped || !isKey(key) || shown[entry(key)]) {
      return;
    }
    if (unprocessed[entry(key)]) {
      stopped = true;
      next = '' + (page.start + offset);
      return;
    }
    shown[entry(key)] = true;
    if (found[entry(key)]) {
      items.push(withoutInternals(found[entry(key)]));
    }
  });
  return { items, nextToken: next };
}

/** The distinct keys of the page, in the list's order. */
function pageKeys(ctx) {
  const page = pageOf(ctx);
  const keys = [];
  const seen = {};
  for (const key of page.list.slice(page.start, page.end)) {
    if (isKey(key) && !seen[entry(key)]) {
      seen[entry(key)] = true;
      keys.push(key);
    }
  }
  return keys;
}

/**
 * Where the page starts and ends in this row's list: nextToken is the position of the first key
 * of the page, as the previous page answered it.
 */
function pageOf(ctx) {
  const list = ctx.source[SOURCE_FIELD] ?? [];
  const token = ctx.arguments.nextToken;
  let start = 0;
  if (token !== undefined && token !== null) {
    const position = Number(token);
    // Only a position as this field writes one: a whole number, written plainly.
    if (!(position >= 0 && Math.floor(position) === position && '' + position === token)) {
      util.error('nextToken is not one this field answered', 'VALIDATION');
    }
    start = Math.min(position, list.length);
  }
  const end = Math.min(start + pageLimit(ctx.arguments.limit), list.length);
  return { list, start, end };
}

/** A key DynamoDB can look up: a text that is not empty. */
function isKey(key) {
  return typeof key === 'string' && key !== '';
}

/**
 * A key as the name of an entry in an object used as a map: never one of the names every object
 * has (a key `constructor` would otherwise find Object's own).
 */
function entry(key) {
  return '#' + key;
}

function keyOf(key) {
  const item = {};
  item[TARGET_KEY] = key;
  return util.dynamodb.toMapValues(item);
}

/**
 * Hands the requests to the pipeline, one per generation: the function of the live generation
 * runs its own, which names that generation's table.
 */
function readLiveByGeneration(ctx, requests) {
  ctx.stash.view = VIEW;
  ctx.stash.requests = requests;
  return {};
}

<@r.limitHelper/>
<@r.rowHelpers/>
<@r.commonHelpers/>
