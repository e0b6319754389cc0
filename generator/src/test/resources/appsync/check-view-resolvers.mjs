// Runs the generated read-side resolvers under node against the contract of
// docs/generated-infrastructure.md ("Read side"). Argument 1: a JSON file listing the resolvers,
// each {file, kind, ...constants it must use}. Exits non-zero with a message on the first failure.
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

function checkRow(resolver, ctx) {
  assert.deepEqual(resolver.response({ ...ctx, result: stored }), shown);
  assert.deepEqual(resolver.response({ ...ctx, result: { a: 'y' } }), { a: 'y' });
  assert.equal(resolver.response({ ...ctx, result: null }), null);
  const tombstone = { a: 'x', _deleted: true, _versions: {} };
  assert.equal(resolver.response({ ...ctx, result: tombstone }), null, 'a tombstone is no row');
  const expired = { ...stored, _expiresAt: NOW - 1 };
  assert.equal(resolver.response({ ...ctx, result: expired }), null, 'an expired row is no row');
  checkError(resolver, ctx);
}

/** DynamoDB's message names the table (its ARN): the caller gets a fixed one, the type is kept. */
function checkError(resolver, ctx) {
  const arn = 'arn:aws:dynamodb:eu-west-1:123456789012:table/shop-open-order';
  const error = {
    message: 'User is not authorized to perform dynamodb:Query on resource ' + arn,
    type: 'DynamoDB:AccessDeniedException',
  };
  const logged = [];
  const consoleError = console.error;
  console.error = (...parts) => logged.push(parts.join(' '));
  try {
    const failed = thrown(() => resolver.response({ ...ctx, error, result: null }));
    assert.equal(failed.errorType, error.type);
    assert.equal(failed.message, 'The view could not be read');
    assert.ok(!JSON.stringify(failed).includes('arn:'), 'the error shows the ARN: ' + JSON.stringify(failed));
  } finally {
    console.error = consoleError;
  }
  assert.ok(logged.some((line) => line.includes(arn)), 'the log keeps DynamoDB\'s message');
}

function checkPaging(resolver, ctx, expected) {
  const first = resolver.request(ctx);
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

  const next = resolver.request({ ...ctx, arguments: { ...ctx.arguments, limit: 100, nextToken: 't1' } });
  assert.equal(next.limit, 100);
  assert.equal(next.nextToken, 't1');
  for (const limit of [0, -1, 101]) {
    const refused = thrown(() =>
      resolver.request({ ...ctx, arguments: { ...ctx.arguments, limit } }),
    );
    assert.equal(refused.errorType, 'VALIDATION', 'limit ' + limit);
  }

  const result = { items: [stored, { a: 'z', _versions: {} }], nextToken: 't2', scannedCount: 5 };
  assert.deepEqual(resolver.response({ ...ctx, result }), {
    items: [shown, { a: 'z' }],
    nextToken: 't2',
  });
  assert.deepEqual(resolver.response({ ...ctx, result: { items: [] } }), {
    items: [],
    nextToken: null,
  });
  checkError(resolver, ctx);
}

function keyCondition(field, value) {
  return {
    expression: '#field = :value',
    expressionNames: { '#field': field },
    expressionValues: { ':value': { S: value } },
  };
}

const checks = {
  GET(resolver, r) {
    const ctx = { arguments: { [r.key]: 'k1' }, source: null };
    assert.deepEqual(resolver.request(ctx), {
      operation: 'GetItem',
      key: { [r.key]: { S: 'k1' } },
    });
    checkRow(resolver, ctx);
  },
  LIST(resolver) {
    const ctx = { arguments: {}, source: null };
    checkPaging(resolver, ctx, { operation: 'Scan' });
    assert.equal(resolver.request(ctx).index, undefined);
  },
  INDEX(resolver, r) {
    const ctx = { arguments: { [r.field]: 'v1' }, source: null };
    checkPaging(resolver, ctx, {
      operation: 'Query',
      index: r.index,
      query: keyCondition(r.field, 'v1'),
      scanIndexForward: r.newestFirst ? false : undefined,
    });
  },
  REF(resolver, r) {
    const ctx = { arguments: {}, source: { [r.sourceField]: 'p1', other: 'o' } };
    assert.deepEqual(resolver.request(ctx), {
      operation: 'GetItem',
      key: { [r.targetKey]: { S: 'p1' } },
    });
    for (const missing of [{}, { [r.sourceField]: null }]) {
      assert.equal(earlyReturned(() => resolver.request({ ...ctx, source: missing })), null);
    }
    checkRow(resolver, ctx);
  },
  BY(resolver, r) {
    const ctx = { arguments: {}, source: { [r.sourceKey]: 'k1', other: 'o' } };
    checkPaging(resolver, ctx, {
      operation: 'Query',
      index: r.index,
      query: keyCondition(r.targetField, 'k1'),
      scanIndexForward: r.newestFirst ? false : undefined,
    });
  },
};

for (const r of resolvers) {
  const resolver = await import(pathToFileURL(r.file).href);
  try {
    checks[r.kind](resolver, r);
  } catch (e) {
    process.stderr.write(r.file + ' (' + r.kind + '):\n');
    throw e;
  }
}
process.stdout.write('ok ' + resolvers.length + '\n');
