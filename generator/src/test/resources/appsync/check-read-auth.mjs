// Runs the read-side resolvers of views whose auth depends on the data (docs/model-reference.md
// "Auth") under node, as different callers: a forged argument or a relation must never show a
// row the auth does not admit. Argument 1: the folder holding the resolvers of
// examples/projects (projects/) and of the test's own model (studio/). Exits non-zero with a
// message on the first failure.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = process.argv[2];
const load = async (project, file) =>
  import(pathToFileURL(join(root, project, 'src/main/resources/resolvers', file)).href);

// The callers: Cognito users (a sub, their groups), and an IAM caller (no sub).
const ada = { sub: 'u-ada', username: 'ada', groups: [] };
const bob = { sub: 'u-bob', username: 'bob', groups: ['w1:member'] };
const admin = { sub: 'u-root', username: 'root', groups: ['admin'] };
const iam = { accountId: '123456789012', userArn: 'arn:aws:iam::123456789012:role/ops' };

/** The request handler's outcome: 'read' when it hands a request on, else the error type. */
function requested(resolver, identity, args, source = null) {
  try {
    const stash = {};
    resolver.request({ arguments: args, identity, source, stash });
    assert.ok(stash.request, 'a request for the table');
    return 'read';
  } catch (e) {
    if (e && e.appsyncError) return e.appsyncError.errorType;
    throw e;
  }
}

/** The response handler on what the table answered. */
function answered(resolver, identity, args, answer, source = null) {
  return resolver.response({ arguments: args, identity, source, stash: {}, prev: { result: { answer } } });
}

const rowsOf = (...assignees) => ({
  items: assignees.map((a, i) => ({ taskId: 't' + i, assignee: a, _versions: {} })),
  nextToken: 'n1',
});
const shown = (page) => page.items.map((r) => r.assignee);

const checks = {
  // owner:assignee on an index over assignee: keyed by the caller, decided before any read.
  async byAssignee() {
    const q = await load('projects', 'Query.pendingTasksByAssignee.js');
    assert.equal(requested(q, ada, { assignee: 'u-ada' }), 'read', 'her own queue');
    assert.equal(requested(q, ada, { assignee: 'u-bob' }), 'Unauthorized', 'a forged assignee');
    assert.equal(requested(q, ada, { assignee: 'u-ADA' }), 'Unauthorized', 'ids compare exactly');
    assert.equal(requested(q, admin, { assignee: 'u-bob' }), 'read', 'an admin reads any queue');
    assert.equal(requested(q, iam, { assignee: 'u-bob' }), 'read', 'AppSync admitted IAM by a mode');
  },
  // The same on a get by the owner key.
  async getWorkload() {
    const q = await load('projects', 'Query.getWorkload.js');
    assert.equal(requested(q, ada, { assignee: 'u-ada' }), 'read');
    assert.equal(requested(q, ada, { assignee: 'u-bob' }), 'Unauthorized', 'a forged key');
    assert.equal(requested(q, admin, { assignee: 'u-bob' }), 'read');
  },
  // A list cannot be keyed by the caller: rows of others are left out of the page.
  async listWorkloads() {
    const q = await load('projects', 'Query.listWorkloads.js');
    assert.equal(requested(q, ada, {}), 'read');
    const page = rowsOf('u-bob', 'u-ada', 'u-carol');
    assert.deepEqual(shown(answered(q, ada, {}, page)), ['u-ada']);
    assert.equal(answered(q, ada, {}, page).nextToken, 'n1', 'paging goes on');
    assert.deepEqual(shown(answered(q, bob, {}, page)), ['u-bob']);
    assert.deepEqual(shown(answered(q, admin, {}, page)), ['u-bob', 'u-ada', 'u-carol']);
  },
  // A get by another key: the row decides; someone else's row reads as no row.
  async getPendingTask() {
    const q = await load('projects', 'Query.getPendingTask.js');
    const bobs = { taskId: 't1', assignee: 'u-bob', _versions: {} };
    assert.equal(answered(q, ada, { taskId: 't1' }, bobs), null, 'not hers: no row');
    assert.deepEqual(answered(q, bob, { taskId: 't1' }, bobs), { taskId: 't1', assignee: 'u-bob' });
    assert.deepEqual(answered(q, admin, { taskId: 't1' }, bobs), { taskId: 't1', assignee: 'u-bob' });
    const unassigned = { taskId: 't2', _versions: {} };
    assert.equal(answered(q, ada, { taskId: 't2' }, unassigned), null, 'no owner: nobody\'s');
  },
  // {when: "args.workspaceId + ':member' in user.roles"}: the argument decides, before any read.
  async byWorkspace() {
    const q = await load('projects', 'Query.pendingTasksByWorkspace.js');
    assert.equal(requested(q, bob, { workspaceId: 'w1' }), 'read', 'a member of w1');
    assert.equal(requested(q, bob, { workspaceId: 'w2' }), 'Unauthorized', 'a forged workspace');
    assert.equal(requested(q, ada, { workspaceId: 'w1' }), 'Unauthorized', 'not a member');
    assert.equal(requested(q, admin, { workspaceId: 'w2' }), 'read');
  },
  // A relation into PendingTask shows no more than PendingTask's own auth: the owner of a
  // workspace sees, through the overview, only the tasks assigned to them.
  async relation() {
    const r = await load('projects', 'WorkspaceOverview.openTasks.js');
    const source = { workspaceId: 'w1', owner: 'u-ada' };
    assert.equal(requested(r, ada, {}, source), 'read');
    const page = rowsOf('u-bob', 'u-ada');
    assert.deepEqual(shown(answered(r, ada, {}, page, source)), ['u-ada']);
    assert.deepEqual(shown(answered(r, admin, {}, page, source)), ['u-bob', 'u-ada']);
  },
  // The studio's form: the group is computed from the argument, its parts taken by index.
  async studioDrn() {
    const q = await load('studio', 'Query.getProject.js');
    const viewer = { sub: 'u-v', username: 'v', groups: ['D1:acme-viewer'] };
    assert.equal(requested(q, viewer, { drn: 'D1:acme:Shop' }), 'read');
    assert.equal(requested(q, viewer, { drn: 'D1:other:Shop' }), 'Unauthorized', 'another workspace');
    assert.equal(requested(q, viewer, { drn: 'D1' }), 'Unauthorized', 'too few parts: refused');
    assert.equal(requested(q, viewer, { drn: 'D1:acme-viewer' }), 'Unauthorized');
  },
  // A negated condition on a missing part fails closed instead of reading undefined as "not x".
  async failsClosed() {
    const q = await load('studio', 'Query.listProjects.js');
    const rows = { items: [{ drn: 'D1:acme:Shop' }, { drn: 'D1' }, { drn: 'D1:acme:Draft' }] };
    const user = { sub: 'u-v', username: 'v', groups: [] };
    assert.throws(() => answered(q, user, {}, rows), (e) => e.appsyncError.errorType === 'Unauthorized');
    const whole = { items: [{ drn: 'D1:acme:Shop' }, { drn: 'D1:acme:Draft' }] };
    assert.deepEqual(answered(q, user, {}, whole).items, [{ drn: 'D1:acme:Shop' }]);
  },
};

for (const [name, check] of Object.entries(checks)) {
  try {
    await check();
  } catch (e) {
    process.stderr.write(name + ':\n');
    throw e;
  }
}
process.stdout.write('ok ' + Object.keys(checks).length + '\n');
