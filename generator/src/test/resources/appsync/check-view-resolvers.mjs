// Runs the generated read-side resolvers under node against the contract of
// docs/generated-infrastructure.md ("Read side"): each resolver alone, and through its whole
// pipeline with the functions that read the live generation and each generation's table.
// Argument 1: a JSON file listing the resolvers, each {file, kind, view, functions: {generation,
// blue, green}, ...constants it must use}. Exits non-zero with a message on the first failure.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { NOW } from '@aws-appsync/utils';

const resolvers = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function thrown(run) {
  try {
    run();
  } catch (e) {
    assert.ok(e && e.appsyncError, 'expected util.error, got ' + JSON.stringify(e));
    return e.appsyncError;
  }
  assert.fail('expected util.error to be called');
}

function earlyReturned(run) {
  try {
    run();
  } catch (e) {
    assert.ok(e && 'earlyReturn' in e, 'expected runtime.earlyReturn, got ' + JSON.stringify(e));
    return e.earlyReturn;
  }
  assert.fail('expected runtime.earlyReturn to be called');
}

const stored = { a: 'x', n: 3, list: ['p'], _versions: { 'Book#1': 2 }, _expiresAt: NOW + 60 };
const shown = { a: 'x', n: 3, list: ['p'] };

/**
 * Runs the resolver's request handler as AppSync runs a pipeline resolver's: returns the request
 * it stashed for the functions, after checking what it returns to the first function and the
 * view it names.
 */
function stashed(resolver, r, ctx) {
  const stash = {};
  assert.deepEqual(resolver.request({ ...ctx, stash }), {}, 'what goes to the first function');
  assert.equal(stash.view, r.view, 'the view whose live generation is read');
  return stash.request;
}

/** The resolver's response handler on what the live generation's table answered. */
function answer(resolver, ctx, result) {
  return resolver.response({ ...ctx, stash: {}, prev: { result: { answer: result } } });
}

function checkRow(resolver, ctx) {
  assert.deepEqual(answer(resolver, ctx, stored), shown);
  assert.deepEqual(answer(resolver, ctx, { a: 'y' }), { a: 'y' });
  assert.equal(answer(resolver, ctx, null), null);
  const tombstone = { a: 'x', _deleted: true, _versions: {} };
  assert.equal(answer(resolver, ctx, tombstone), null, 'a tombstone is no row');
  const expired = { ...stored, _expiresAt: NOW - 1 };
  assert.equal(answer(resolver, ctx, expired), null, 'an expired row is no row');
}

/** DynamoDB's message names the table (its ARN): the caller gets a fixed one, the type is kept. */
function checkError(fn, ctx) {
  const arn = 'arn:aws:dynamodb:eu-west-1:123456789012:table/shop-open-order';
  const error = {
    message: 'User is not authorized to perform dynamodb:Query on resource ' + arn,
    type: 'DynamoDB:AccessDeniedException',
  };
  const logged = [];
  const consoleError = console.error;
  console.error = (...parts) => logged.push(parts.join(' '));
  try {
    const failed = thrown(() => fn.response({ ...ctx, error, result: null }));
    assert.equal(failed.errorType, error.type);
    assert.equal(failed.message, 'The view could not be read');
    assert.ok(!JSON.stringify(failed).includes('arn:'), 'the error shows the ARN: ' + JSON.stringify(failed));
  } finally {
    console.error = consoleError;
  }
  assert.ok(logged.some((line) => line.includes(arn)), 'the log keeps DynamoDB\'s message');
}

function checkPaging(resolver, r, ctx, expected) {
  const first = stashed(resolver, r, ctx);
  for (const [name, value] of Object.entries(expected)) {
    assert.deepEqual(first[name], value, name);
  }
  assert.equal(first.limit, 20, 'default limit');
  assert.equal(first.nextToken, null);
  const filter = first.filter;
  assert.match(filter.expression, /attribute_not_exists\(#deleted\) OR #deleted <> :deleted/);
  assert.match(filter.expression, /attribute_not_exists\(#expiresAt\) OR #expiresAt > :now/);
  assert.deepEqual(filter.expressionNames, { '#deleted': '_deleted', '#expiresAt': '_expiresAt' });
  assert.deepEqual(filter.expressionValues, { ':deleted': { BOOL: true }, ':now': { N: String(NOW) } });

  const next = stashed(resolver, r, { ...ctx, arguments: { ...ctx.arguments, limit: 100, nextToken: 't1' } });
  assert.equal(next.limit, 100);
  assert.equal(next.nextToken, 't1');
  for (const limit of [0, -1, 101]) {
    const refused = thrown(() =>
      resolver.request({ ...ctx, stash: {}, arguments: { ...ctx.arguments, limit } }),
    );
    assert.equal(refused.errorType, 'VALIDATION', 'limit ' + limit);
  }

  const result = { items: [stored, { a: 'z', _versions: {} }], nextToken: 't2', scannedCount: 5 };
  assert.deepEqual(answer(resolver, ctx, result), {
    items: [shown, { a: 'z' }],
    nextToken: 't2',
  });
  assert.deepEqual(answer(resolver, ctx, { items: [] }), {
    items: [],
    nextToken: null,
  });
}

/**
 * Runs a pipeline as AppSync does: the resolver's request handler (an early return skips every
 * function), each function's request handler (an early return skips its data source and its
 * response handler, its value becoming the next one's ctx.prev.result), the data source, the
 * function's response handler, then the resolver's response handler with the last result as
 * ctx.prev.result. `tables` answers a request by the data source's name and records it.
 */
function runPipeline(resolver, functions, ctx, tables) {
  const stash = {};
  let prev;
  try {
    prev = resolver.request({ ...ctx, stash });
  } catch (e) {
    if (!(e && 'earlyReturn' in e)) throw e;
    return resolver.response({ ...ctx, stash, prev: { result: e.earlyReturn } });
  }
  for (const [source, fn] of functions) {
    const fctx = { ...ctx, stash, prev: { result: prev } };
    let request;
    try {
      request = fn.request(fctx);
    } catch (e) {
      if (!(e && 'earlyReturn' in e)) throw e;
      prev = e.earlyReturn;
      continue;
    }
    prev = fn.response({ ...fctx, result: tables(source, request) });
  }
  return resolver.response({ ...ctx, stash, prev: { result: prev } });
}

/** The pointer item, as the bookkeeping table holds it for the view, or none. */
function pointer(live) {
  return live === undefined ? null : live === null ? {} : { live };
}

/**
 * The generation function reads the view's item consistently, and only its `live`; the colour
 * functions run the stashed request on their table only when theirs is live. Checked through the
 * whole pipeline for each state of the pointer: no item, an item without `live`, blue, green and
 * a value of no generation.
 */
function checkGenerations(resolver, r, fns, ctx, rows, expectedFor) {
  const expectedRequest = expectedFor ? null : stashed(resolver, r, ctx);
  const requestOf = expectedFor ?? (() => expectedRequest);
  const cases = [
    [undefined, 'blue'],
    [null, 'blue'],
    ['blue', 'blue'],
    ['green', 'green'],
    ['purple', 'blue'],
  ];
  for (const [live, generation] of cases) {
    const requests = { pointer: [], blue: [], green: [] };
    const answers = { blue: rows('blue'), green: rows('green') };
    const tables = (source, request) => {
      requests[source].push(request);
      return source === 'pointer' ? pointer(live) : answers[source];
    };
    const result = runPipeline(
      resolver,
      [['pointer', fns.generation], ['blue', fns.blue], ['green', fns.green]],
      ctx,
      tables,
    );
    const what = 'live ' + JSON.stringify(live);
    assert.deepEqual(requests.pointer, [{
      operation: 'GetItem',
      key: { pk: { S: 'rebuild' }, sk: { S: r.view } },
      consistentRead: true,
      projection: { expression: '#live', expressionNames: { '#live': 'live' } },
    }], what + ': the pointer read');
    const other = generation === 'blue' ? 'green' : 'blue';
    assert.deepEqual(requests[generation], [requestOf(generation)], what + ': the live table gets the request');
    assert.deepEqual(requests[other], [], what + ': the other table gets none');
    assert.deepEqual(result, answer(resolver, ctx, answers[generation]), what + ': the answer');
  }
  // A function whose generation is not live passes the answer it was given on, without a request.
  const previous = { answer: { items: [], nextToken: 'from blue' } };
  for (const [fn, live] of [[fns.blue, 'green'], [fns.green, 'blue']]) {
    const fctx = { ...ctx, stash: { live, view: r.view, request: requestOf(live) }, prev: { result: previous } };
    assert.equal(earlyReturned(() => fn.request(fctx)), previous, 'passed on when ' + live + ' is live');
  }
  // A failure of any read fails the field with the fixed message, before the resolver shapes it.
  for (const fn of [fns.generation, fns.blue, fns.green]) {
    checkError(fn, { ...ctx, stash: { live: 'blue', view: r.view }, prev: { result: null } });
  }
}

/** An index with a sort key is read in the order the model asks (ascending: forward). */
function order(r) {
  return r.sorted ? r.ascending : undefined;
}

function keyCondition(field, value) {
  return {
    expression: '#field = :value',
    expressionNames: { '#field': field },
    expressionValues: { ':value': { S: value } },
  };
}

/**
 * A table's answer to a GetItem: each generation its own row, so a wrong table shows (and, in a
 * second run, none: GetItem answers null for no row, which must pass through the pipeline).
 */
const rowOf = (generation) => ({ a: generation, _versions: {} });
/** A table's answer to a Scan or Query: a page of its own. */
const pageOf = (generation) => ({ items: [{ a: generation }], nextToken: generation });

const checks = {
  GET(resolver, r, fns) {
    const ctx = { arguments: { [r.key]: 'k1' }, source: null };
    assert.deepEqual(stashed(resolver, r, ctx), {
      operation: 'GetItem',
      key: { [r.key]: { S: 'k1' } },
    });
    checkRow(resolver, ctx);
    checkGenerations(resolver, r, fns, ctx, rowOf);
    checkGenerations(resolver, r, fns, ctx, () => null);
  },
  LIST(resolver, r, fns) {
    const ctx = { arguments: {}, source: null };
    checkPaging(resolver, r, ctx, { operation: 'Scan' });
    assert.equal(stashed(resolver, r, ctx).index, undefined);
    checkGenerations(resolver, r, fns, ctx, pageOf);
  },
  INDEX(resolver, r, fns) {
    const ctx = { arguments: { [r.field]: 'v1' }, source: null };
    checkPaging(resolver, r, ctx, {
      operation: 'Query',
      index: r.index,
      query: keyCondition(r.field, 'v1'),
      scanIndexForward: order(r),
    });
    checkGenerations(resolver, r, fns, ctx, pageOf);
    if (r.prefix) {
      // The rows whose sort field begins with the prefix; an empty or absent one matches all.
      const prefixed = { arguments: { [r.field]: 'v1', [r.prefix]: 'docs/' }, source: null };
      assert.deepEqual(stashed(resolver, r, prefixed).query, {
        expression: '#field = :value AND begins_with(#sort, :prefix)',
        expressionNames: { '#field': r.field, '#sort': r.sortField },
        expressionValues: { ':value': { S: 'v1' }, ':prefix': { S: 'docs/' } },
      });
      for (const none of ['', null]) {
        const all = { arguments: { [r.field]: 'v1', [r.prefix]: none }, source: null };
        assert.deepEqual(stashed(resolver, r, all).query, keyCondition(r.field, 'v1'), 'prefix ' + none);
      }
      checkGenerations(resolver, r, fns, prefixed, pageOf);
    }
  },
  REF(resolver, r, fns) {
    const ctx = { arguments: {}, source: { [r.sourceField]: 'p1', other: 'o' } };
    assert.deepEqual(stashed(resolver, r, ctx), {
      operation: 'GetItem',
      key: { [r.targetKey]: { S: 'p1' } },
    });
    for (const missing of [{}, { [r.sourceField]: null }]) {
      const stash = {};
      assert.deepEqual(
        earlyReturned(() => resolver.request({ ...ctx, stash, source: missing })),
        { answer: null },
        'no row',
      );
      assert.deepEqual(stash, {}, 'nothing for the functions');
      // The whole pipeline: no function runs, no table is read, the field is null.
      const read = [];
      const result = runPipeline(
        resolver,
        [['pointer', fns.generation], ['blue', fns.blue], ['green', fns.green]],
        { ...ctx, source: missing },
        (source) => read.push(source),
      );
      assert.equal(result, null);
      assert.deepEqual(read, [], 'no request without a key');
    }
    checkRow(resolver, ctx);
    checkGenerations(resolver, r, fns, ctx, rowOf);
    checkGenerations(resolver, r, fns, ctx, () => null);
  },
  REFS(resolver, r, fns) {
    const env = { VIEW_TABLE_PREFIX: 'app.' };
    const list = ['k1', '', 'k2', 'k1', null, 'k3'];
    const ctx = { arguments: {}, source: { [r.sourceField]: list, other: 'o' }, env };
    const table = (generation) => 'app.' + r.tables[generation];
    const keys = (...values) => values.map((v) => ({ [r.targetKey]: { S: v } }));
    const batch = (generation, ...values) => ({
      operation: 'BatchGetItem',
      tables: { [table(generation)]: { keys: keys(...values), consistentRead: false } },
    });
    // The request names each generation's table; each key once, none empty or null.
    const stash = {};
    assert.deepEqual(resolver.request({ ...ctx, stash }), {});
    assert.equal(stash.view, r.view);
    assert.deepEqual(stash.requests, { blue: batch('blue', 'k1', 'k2', 'k3'), green: batch('green', 'k1', 'k2', 'k3') });
    // Pages of the list: limit keys from the position nextToken names.
    const paged = {};
    resolver.request({ ...ctx, stash: paged, arguments: { limit: 3, nextToken: '1' } });
    assert.deepEqual(paged.requests.blue, batch('blue', 'k2', 'k1'));
    for (const limit of [0, -1, 101]) {
      assert.equal(thrown(() => resolver.request({ ...ctx, stash: {}, arguments: { limit } })).errorType, 'VALIDATION');
    }
    for (const nextToken of ['x', '-1', '01', '1.5', '']) {
      assert.equal(
        thrown(() => resolver.request({ ...ctx, stash: {}, arguments: { nextToken } })).errorType,
        'VALIDATION',
        'nextToken ' + JSON.stringify(nextToken),
      );
    }
    // The answer in the list's order, rows without a key's row or dead left out.
    const row = (key, extra) => ({ [r.targetKey]: key, ...extra });
    const data = (rows, unprocessed) => ({
      data: { [table('blue')]: rows },
      unprocessedKeys: { [table('blue')]: (unprocessed ?? []).map((k) => ({ [r.targetKey]: k })) },
    });
    const answerOf = (result, args) => resolver.response({ ...ctx, arguments: args ?? {}, stash: {}, prev: { result: { answer: result } } });
    assert.deepEqual(
      answerOf(data([row('k3', { _versions: {} }), null, row('k1', { a: 'x', _expiresAt: NOW + 60 })])),
      { items: [row('k1', { a: 'x' }), row('k3')], nextToken: null },
    );
    assert.deepEqual(
      answerOf(data([row('k1', { _deleted: true }), row('k3', { _expiresAt: NOW - 1 })])),
      { items: [], nextToken: null },
      'tombstones and expired rows are no rows',
    );
    assert.deepEqual(answerOf(data([row('k1'), row('k2')]), { limit: 3 }), {
      items: [row('k1'), row('k2')],
      nextToken: '3',
    });
    // Keys that are names every object has are keys like any other.
    const odd = { ...ctx, source: { [r.sourceField]: ['constructor', 'toString', '__proto__'] } };
    const oddStash = {};
    resolver.request({ ...odd, stash: oddStash });
    assert.deepEqual(oddStash.requests.blue, batch('blue', 'constructor', 'toString', '__proto__'));
    assert.deepEqual(
      resolver.response({ ...odd, stash: {}, prev: { result: { answer: data([row('toString')]) } } }),
      { items: [row('toString')], nextToken: null },
    );
    // Unprocessed keys end the page before the first of them; the next page starts there.
    assert.deepEqual(answerOf(data([row('k1')], ['k2', 'k3'])), { items: [row('k1')], nextToken: '2' });
    assert.deepEqual(answerOf(data([], ['k1', 'k2', 'k3'])), { items: [], nextToken: '0' });
    // No key: no request, no function, an empty page (and the next one when keys follow).
    for (const [source, args, expected] of [
      [{}, {}, null],
      [{ [r.sourceField]: null }, {}, null],
      [{ [r.sourceField]: [] }, {}, null],
      [{ [r.sourceField]: ['', null, 'k9'] }, { limit: 2 }, '2'],
      [{ [r.sourceField]: ['k1'] }, { nextToken: '7' }, null],
    ]) {
      const read = [];
      const result = runPipeline(
        resolver,
        [['pointer', fns.generation], ['blue', fns.blue], ['green', fns.green]],
        { ...ctx, source, arguments: args },
        (s) => read.push(s),
      );
      assert.deepEqual(result, { items: [], nextToken: expected }, JSON.stringify(source));
      assert.deepEqual(read, [], 'no request without a key');
    }
    checkGenerations(resolver, r, fns, ctx, (generation) => ({
      data: { [table(generation)]: [row('k1', { a: generation })] },
      unprocessedKeys: {},
    }), (generation) => batch(generation, 'k1', 'k2', 'k3'));
  },
  BY(resolver, r, fns) {
    const ctx = { arguments: {}, source: { [r.sourceKey]: 'k1', other: 'o' } };
    checkPaging(resolver, r, ctx, {
      operation: 'Query',
      index: r.index,
      query: keyCondition(r.targetField, 'k1'),
      scanIndexForward: order(r),
    });
    checkGenerations(resolver, r, fns, ctx, pageOf);
    if (r.prefix) {
      const prefixed = { ...ctx, arguments: { [r.prefix]: 'Fix' } };
      assert.deepEqual(stashed(resolver, r, prefixed).query, {
        expression: '#field = :value AND begins_with(#sort, :prefix)',
        expressionNames: { '#field': r.targetField, '#sort': r.sortField },
        expressionValues: { ':value': { S: 'k1' }, ':prefix': { S: 'Fix' } },
      });
      const all = { ...ctx, arguments: { [r.prefix]: '' } };
      assert.deepEqual(stashed(resolver, r, all).query, keyCondition(r.targetField, 'k1'));
    }
  },
};

for (const r of resolvers) {
  const resolver = await import(pathToFileURL(r.file).href);
  const fns = {
    generation: await import(pathToFileURL(r.functions.generation).href),
    blue: await import(pathToFileURL(r.functions.blue).href),
    green: await import(pathToFileURL(r.functions.green).href),
  };
  try {
    checks[r.kind](resolver, r, fns);
  } catch (e) {
    process.stderr.write(r.file + ' (' + r.kind + '):\n');
    throw e;
  }
}
process.stdout.write('ok ' + resolvers.length + '\n');
