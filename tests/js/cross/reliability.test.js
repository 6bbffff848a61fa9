// Retries, timeouts, cancellation and broken connections: the core decides, both packages
// follow, and the server sees the same requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../support/emulator.js';
import { sameOnBoth, outcome, errorData } from '../support/cross.js';

let emulator;
before(async () => (emulator = await startEmulator()));
after(() => emulator.stop());

const statuses = (requests) => requests.map((r) => `${r.method} ${r.path} ${r.status}`);

test('a 429 is retried after Retry-After, for any method', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client, emulator }) => {
    for (const method of ['GET', 'POST']) {
      await emulator.fault({ method, path: '/api/v1/accounts/*/conversations/1/messages', kind: 'status', status: 429, retry_after: '1', body: '', times: 1 });
    }
    // A lower bound on the monotonic clock: two waits of Retry-After (1 s) cannot take less.
    const started = performance.now();
    const list = await client.listMessages({ conversation_id: 1 });
    const posted = await client.createMessage({ conversation_id: 1, content: 'after the rate limit' });
    return { count: list.payload.length, posted: posted.content, waited: performance.now() - started >= 2000 };
  });
  assert.deepEqual(result, { count: result.count, posted: 'after the rate limit', waited: true });
  assert.deepEqual(statuses(requests), [
    'GET /api/v1/accounts/1/conversations/1/messages 429',
    'GET /api/v1/accounts/1/conversations/1/messages 200',
    'POST /api/v1/accounts/1/conversations/1/messages 429',
    'POST /api/v1/accounts/1/conversations/1/messages 200',
  ]);
});

test('a Retry-After past maxRetryDelay fails at once, with retryAfter; a deadline bounds the retries', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client, sdk, emulator }) => {
    await emulator.fault({ method: 'GET', path: '/api/v1/accounts/*/teams', kind: 'status', status: 429, retry_after: '60', body: '', times: 1 });
    const capped = await outcome(client.listTeams(), sdk);
    // Retry-After: 5 is under the default cap (10 s), but not under a 1 s deadline.
    await emulator.fault({ method: 'GET', path: '/api/v1/accounts/*/labels', kind: 'status', status: 429, retry_after: '5', body: '', times: 1 });
    const bounded = await outcome(client.listLabels({}, { deadline: 1000 }), sdk);
    return { capped: capped.error, bounded: bounded.error };
  });
  assert.deepEqual([result.capped.code, result.capped.status, result.capped.retryAfter], ['API', 429, 60]);
  assert.deepEqual([result.bounded.code, result.bounded.status, result.bounded.retryAfter], ['API', 429, 5]);
  assert.deepEqual(statuses(requests), ['GET /api/v1/accounts/1/teams 429', 'GET /api/v1/accounts/1/labels 429'], 'neither was retried');
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
    // The server would answer after a minute: only the timeout can end these attempts.
    await emulator.fault({ method: 'GET', path: '/api/v1/accounts/*/labels', kind: 'latency', ms: 60_000, times: 2 });
    const failed = await outcome(client.listLabels({}, { timeout: 100, maxRetries: 0 }), sdk);
    const retried = await outcome(client.listLabels({}, { timeout: 100, maxRetries: 1 }), sdk);
    return { failed: failed.error, retried: retried.value?.payload.length > 0 };
  });
  assert.equal(result.failed.code, 'TIMEOUT');
  assert.equal(result.failed.timeout, 100);
  assert.equal(result.failed.sent, true);
  assert.equal(result.retried, true);
  assert.deepEqual(statuses(requests), [
    'GET /api/v1/accounts/1/labels abandoned',
    'GET /api/v1/accounts/1/labels abandoned',
    'GET /api/v1/accounts/1/labels 200',
  ]);
});

test('a stalled body ends at the stall guard: TIMEOUT, stalled, and a read is retried', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client, sdk, emulator }) => {
    // Half the body, then nothing for two minutes, under a one-minute attempt timeout: only the
    // stall guard can end these attempts.
    await emulator.fault({ method: 'GET', path: '/api/v1/accounts/*/labels', kind: 'stall', ms: 120_000, times: 3 });
    const failed = await outcome(client.listLabels({}, { timeout: 60_000, stallTimeout: 200, maxRetries: 0 }), sdk);
    const retried = await outcome(client.listLabels({}, { timeout: 60_000, stallTimeout: 200, maxRetries: 2 }), sdk);
    return { failed: failed.error, retried: retried.value?.payload.length > 0 };
  });
  assert.equal(result.failed.code, 'TIMEOUT');
  assert.equal(result.failed.stalled, true);
  assert.equal(result.failed.sent, true);
  assert.equal(result.failed.timeout, 200);
  assert.match(result.failed.message, /stalled: no bytes for 200 ms/);
  assert.equal(result.retried, true);
  // Three stalled attempts (one call, then two of the next), then the answer.
  assert.equal(requests.length, 4);
});

/** Waits until the emulator has received `count` requests (counted, never timed). */
async function received(emulator, count) {
  while ((await emulator.requests()).length < count) await new Promise((resolve) => setImmediate(resolve));
}

test('an AbortSignal cancels the call in flight: ABORTED, sent, and the attempt is abandoned', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client, sdk, emulator }) => {
    // The emulator holds the answer far longer than the test lasts: only the abort ends the call.
    await emulator.fault({ method: 'GET', path: '/api/v1/accounts/*/canned_responses', kind: 'latency', ms: 120_000, times: 1 });
    const controller = new AbortController();
    const call = outcome(client.listCannedResponses({}, { signal: controller.signal }), sdk);
    await received(emulator, 1);
    controller.abort();
    return (await call).error;
  });
  assert.equal(result.code, 'ABORTED');
  assert.equal(result.sent, true);
  assert.deepEqual(statuses(requests), ['GET /api/v1/accounts/1/canned_responses abandoned']);
});

test('a signal aborted before the call starts sends nothing, over many calls', async () => {
  const CALLS = 400;
  const { result, requests } = await sameOnBoth(emulator, async ({ client, sdk }) => {
    const errors = [];
    for (let i = 0; i < CALLS; i++) {
      // Aborted before the call, and aborted in the same synchronous code right after it.
      const before = client.createMessage({ conversation_id: 1, content: `before ${i}` }, { signal: AbortSignal.abort() });
      const controller = new AbortController();
      const after = client.createMessage({ conversation_id: 1, content: `after ${i}` }, { signal: controller.signal });
      controller.abort();
      for (const settled of await Promise.allSettled([before, after])) {
        errors.push(settled.status === 'rejected' ? errorData(settled.reason, sdk) : { resolved: settled.value });
      }
    }
    const codes = new Map();
    for (const e of errors) codes.set(`${e.code} sent=${e.sent}`, (codes.get(`${e.code} sent=${e.sent}`) ?? 0) + 1);
    return { codes: Object.fromEntries(codes), message: errors[0].message };
  });
  assert.deepEqual(result.codes, { 'ABORTED sent=false': 2 * CALLS });
  assert.match(result.message, /before anything was sent/);
  assert.deepEqual(requests, [], 'an aborted signal sends nothing');
});
