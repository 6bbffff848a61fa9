// The `fetch` client option (proxies, instrumentation, msw/nock-style doubles): both packages
// send every request through it, abort it on a timeout, and report its failures the same way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startEmulator } from '../support/emulator.js';
import { sameOnBoth, outcome, packages } from '../support/cross.js';

let emulator;
before(async () => (emulator = await startEmulator()));
after(() => emulator.stop());

test('every request goes through the given fetch, unchanged', async () => {
  const seen = [];
  const recording = async (url, init) => {
    seen.push({ url: url.replace(emulator.base_url, ''), method: init.method, redirect: init.redirect, headers: Object.fromEntries(new Headers(init.headers)) });
    return fetch(url, init);
  };
  const { result } = await sameOnBoth(
    emulator,
    async ({ client }) => {
      const counts = await client.getConversationCounts({ status: 'open' });
      const label = await client.createLabel({ title: 'proxied' });
      return { counts, label, seen: seen.splice(0) };
    },
    { clientOptions: { fetch: recording } },
  );
  assert.deepEqual(
    result.seen.map((s) => `${s.method} ${s.url} ${s.redirect}`),
    ['GET /api/v1/accounts/1/conversations/meta?status=open manual', 'POST /api/v1/accounts/1/labels manual'],
  );
  assert.equal(result.seen[0].headers.api_access_token, emulator.tokens.admin);
  assert.equal(result.label.title, 'proxied');
});

test('a timeout aborts the fetch in flight', async () => {
  const signals = [];
  const slow = (url, init) => {
    signals.push(init.signal);
    return new Promise((resolve, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)));
  };
  const { result } = await sameOnBoth(
    emulator,
    async ({ client, sdk }) => {
      const error = (await outcome(client.listAgents({}, { timeout: 50, maxRetries: 1 }), sdk)).error;
      await new Promise((resolve) => setImmediate(resolve));
      return { error, aborted: signals.splice(0).map((s) => s.aborted) };
    },
    { clientOptions: { fetch: slow } },
  );
  assert.equal(result.error.code, 'TIMEOUT');
  assert.deepEqual(result.aborted, [true, true]);
});

test('a fetch that fails is a transport error, retried only for reads', async () => {
  let calls = 0;
  const down = async () => {
    calls += 1;
    throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND proxy.internal') });
  };
  const { result } = await sameOnBoth(
    emulator,
    async ({ client, sdk }) => {
      calls = 0;
      const read = (await outcome(client.listAgents({}, { maxRetries: 1 }), sdk)).error;
      const readCalls = calls;
      const post = (await outcome(client.createLabel({ title: 'x' }, { maxRetries: 1 }), sdk)).error;
      return { read, post, readCalls, postCalls: calls - readCalls };
    },
    { clientOptions: { fetch: down } },
  );
  assert.deepEqual([result.readCalls, result.postCalls], [2, 1]);
  assert.deepEqual(
    { code: result.read.code, phase: result.read.phase, message: result.read.message },
    { code: 'TRANSPORT', phase: 'after_send', message: 'transport error on GET /api/v1/accounts/{account_id}/agents: fetch failed (getaddrinfo ENOTFOUND proxy.internal)' },
  );
});

test('a refused connection: a transport error from both; only the native stack can tell it was refused', async () => {
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const errors = {};
  for (const [name, sdk] of Object.entries(packages)) {
    const client = new sdk.LiveAgentClient({ baseUrl: `http://127.0.0.1:${port}`, token: 't', accountId: 1, maxRetries: 0 });
    errors[name] = (await outcome(client.listAgents(), sdk)).error;
  }
  const common = ({ message, phase, ...rest }) => rest;
  assert.deepEqual(common(errors.napi), common(errors.wasm));
  assert.equal(errors.napi.code, 'TRANSPORT');
  // reqwest knows nothing was sent (so even a POST may be retried); fetch cannot tell.
  assert.deepEqual([errors.napi.phase, errors.wasm.phase], ['connect', 'after_send']);
});
