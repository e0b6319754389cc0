// Runs the generated command resolver (argument 1) under node against the contract of
// docs/generated-infrastructure.md. Exits non-zero with a message on the first failure.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';

const { request, response } = await import(pathToFileURL(process.argv[2]).href);

function thrown(run) {
  try {
    run();
  } catch (e) {
    assert.ok(e && e.appsyncError, 'expected util.error, got ' + e);
    return e.appsyncError;
  }
  assert.fail('expected util.error to be called');
}

const ctx = {
  arguments: { input: { isbn: '9780441013593' }, commandId: 'c1' },
  identity: { username: 'ada', groups: ['librarian'], claims: { 'cognito:username': 'ada' } },
  info: { fieldName: 'lendBook', parentTypeName: 'Mutation', variables: {} },
  request: { headers: { Authorization: 'secret', 'x-api-key': 'key', 'x-correlation-id': 'k1' } },
};

const invoke = request(ctx);
assert.equal(invoke.operation, 'Invoke');
assert.deepEqual(invoke.payload.arguments, ctx.arguments);
assert.deepEqual(invoke.payload.identity, ctx.identity);
assert.equal(invoke.payload.info.fieldName, 'lendBook');
assert.deepEqual(invoke.payload.request.headers, { 'x-correlation-id': 'k1' });
assert.deepEqual(request({ ...ctx, identity: null, request: {} }).payload.request.headers, {});

const result = { id: '9780441013593', version: 2, events: ['BookLent'] };
assert.deepEqual(response({ ...ctx, result }), result);

const fields = [{ field: 'isbn', message: 'must match Isbn' }];
const validation = thrown(() =>
  response({ ...ctx, result: { error: { type: 'VALIDATION', message: 'Invalid input', fields } } }),
);
assert.equal(validation.errorType, 'VALIDATION');
assert.equal(validation.message, 'Invalid input');
assert.equal(validation.data, null);
assert.deepEqual(validation.errorInfo, { fields });

const rule = thrown(() =>
  response({ ...ctx, result: { error: { type: 'NO_COPIES_LEFT', message: 'No copies' } } }),
);
assert.equal(rule.errorType, 'NO_COPIES_LEFT');
assert.deepEqual(rule.errorInfo, { fields: [] });

const crash = thrown(() =>
  response({ ...ctx, error: { message: 'java.lang.IllegalStateException: at Foo.bar' } }),
);
assert.equal(crash.errorType, 'INTERNAL_ERROR');
assert.ok(!crash.message.includes('java'), 'internals leaked: ' + crash.message);

// A system failure in the handler: the invocation fails, AppSync gets no result.
const failed = thrown(() =>
  response({
    ...ctx,
    result: null,
    error: {
      type: 'Lambda:Unhandled',
      message: 'INTERNAL_ERROR: the command failed unexpectedly; the cause is logged under AWSRequestId r1',
    },
  }),
);
assert.equal(failed.errorType, 'INTERNAL_ERROR');
assert.equal(failed.message, 'The command could not be run');
assert.deepEqual(failed.errorInfo, undefined);

process.stdout.write('ok\n');
