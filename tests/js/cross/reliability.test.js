// Retries, timeouts, cancellation and broken connections: the core decides, both packages
// follow, and the server sees the same requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../support/emulator.js';
import { sameOnBoth, outcome } from '../support/cross.js';

let emulator;
before(async () => (emulator = await startEmulator()));
after(() => emulator.stop());

const statuses = (requests) => requests.map((r) => `${r.method} ${r.path} ${r.status}`);

test('a 429 is retried after Retry-After, for any method', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client, emulator }) => {
    for (const method of ['GET', 'POST']) {
      await emulator.fault({ method, path: '/api/v1/accounts/*/conversations/1/messages', kind: 'status', status: 429, retry_after: '1', body: '', times: 1 });
    }
    const started = Date.now();
    const list = await client.listMessages({ conversation_id: 1 });
    const posted = await client.createMessage({ conversation_id: 1, content: 'after the rate limit' });
    return { count: list.payload.length, posted: posted.content, waited: Date.now() - started >= 2000 };
  });
  assert.deepEqual(result, { count: result.count, posted: 'after the rate limit', waited: true });
  assert.deepEqual(statuses(requests), [
    'GET /api/v1/accounts/1/conversations/1/messages 429',
    'GET /api/v1/accounts/1/conversations/1/messages 200',
    'POST /api/v1/accounts/1/conversations/1/messages 429',
    'POST /api/v1/accounts/1/conversations/1/messages 200',
  ]);
});

test('a 503 is retried for reads, not for a message post unless asked', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client, sdk, emulator }) => {
    for (const method of ['GET', 'POST']) {
      await emulator.fault({ method, path: '/api/v1/accounts/*/conversations/1/messages', kind: 'status', status: 503, body: '', times: 2 });
    }
    return {
      read: (await outcome(client.listMessages({ conversation_id: 1 }), sdk)).value?.payload.length > 0,
      post: (await outcome(client.createMessage({ conversation_id: 1, content: 'once' }), sdk)).error?.status,
      optIn: (await outcome(client.createMessage({ conversation_id: 1, content: 'twice' }, { retryNonIdempotent: true }), sdk)).value?.content,
    };
  });
  assert.deepEqual(result, { read: true, post: 503, optIn: 'twice' });
  assert.deepEqual(statuses(requests), [
    'GET /api/v1/accounts/1/conversations/1/messages 503',
    'GET /api/v1/accounts/1/conversations/1/messages 503',
    'GET /api/v1/accounts/1/conversations/1/messages 200',
    'POST /api/v1/accounts/1/conversations/1/messages 503',
    'POST /api/v1/accounts/1/conversations/1/messages 503',
    'POST /api/v1/accounts/1/conversations/1/messages 200',
  ]);
});

test('a dropped connection is retried for a read', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client, emulator }) => {
    await emulator.fault({ method: 'GET', path: '/api/v1/accounts/*/teams', kind: 'drop', times: 1 });
    return (await client.listTeams()).map((t) => t.name);
  });
  assert.ok(result.length >= 2);
  assert.deepEqual(statuses(requests), ['GET /api/v1/accounts/1/teams dropped', 'GET /api/v1/accounts/1/teams 200']);
});

test('a timeout ends the attempt; with retries left, the next attempt succeeds', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client, sdk, emulator }) => {
    await emulator.fault({ method: 'GET', path: '/api/v1/accounts/*/labels', kind: 'latency', ms: 600, times: 2 });
    const started = Date.now();
    const failed = await outcome(client.listLabels({}, { timeout: 100, maxRetries: 0 }), sdk);
    const quick = Date.now() - started < 500;
    const retried = await outcome(client.listLabels({}, { timeout: 100, maxRetries: 1 }), sdk);
    return { failed: failed.error, quick, retried: retried.value?.payload.length > 0 };
  });
  assert.equal(result.failed.code, 'TIMEOUT');
  assert.equal(result.failed.timeout, 100);
  assert.deepEqual([result.quick, result.retried], [true, true]);
  assert.deepEqual(statuses(requests), [
    'GET /api/v1/accounts/1/labels abandoned',
    'GET /api/v1/accounts/1/labels abandoned',
    'GET /api/v1/accounts/1/labels 200',
  ]);
});

test('an AbortSignal cancels the call in flight, and a call that was never started', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client, sdk, emulator }) => {
    await emulator.fault({ method: 'GET', path: '/api/v1/accounts/*/canned_responses', kind: 'latency', ms: 600, times: 1 });
    const started = Date.now();
    const inFlight = await outcome(client.listCannedResponses({}, { signal: AbortSignal.timeout(50) }), sdk);
    const quick = Date.now() - started < 500;
    const never = await outcome(client.listCannedResponses({}, { signal: AbortSignal.abort() }), sdk);
    return { inFlight: inFlight.error, never: never.error, quick };
  });
  assert.equal(result.inFlight.code, 'ABORTED');
  assert.equal(result.never.code, 'ABORTED');
  assert.equal(result.quick, true);
  assert.deepEqual(statuses(requests), ['GET /api/v1/accounts/1/canned_responses abandoned'], 'an aborted signal sends nothing');
});
