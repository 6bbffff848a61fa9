// Webhooks in both packages (the real .node addon and the real wasm, in Node): every delivery
// the emulator sends for the API's actions verifies, signed with its receiver's secret, and
// parses strictly; every way of getting a delivery wrong is refused with the right kind; every
// event fixture parses strictly; both packages give the same answers to all of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { packages } from '../support/cross.js';
import { startEmulator } from '../support/emulator.js';
import { allDeliveries, eventFixtures, plainHeaders, receiver, CONTENT, EXPECTED } from '../support/webhooks.js';
import { expectedCases, parsedFixtures, verificationCases } from '../support/webhook-checks.js';

let emulator, hooks, deliveries;

before(async () => {
  emulator = await startEmulator();
  hooks = await receiver();
  deliveries = await allDeliveries(emulator, hooks);
}, { timeout: 120_000 });

after(() => {
  hooks?.close();
  emulator?.stop();
});

test('every delivery verifies in strict mode with its receiver secret, the same in both packages', async () => {
  const results = {};
  for (const [name, sdk] of Object.entries(packages)) {
    results[name] = [];
    for (const d of deliveries.filter((d) => d.secret)) {
      const now = Number(d.headers['x-chatwoot-timestamp']);
      const event = await sdk.verifyWebhook(d.body, d.headers, d.secret, { now, strict: true });
      assert.equal(event.event, d.name, `${d.path} ${d.name}`);
      results[name].push(event);
    }
  }
  assert.deepEqual(results.wasm, results.napi);
  const seen = new Set(deliveries.map((d) => `${d.path} ${d.name}`));
  for (const [path, name] of EXPECTED) assert.ok(seen.has(`${path} ${name}`), `${path} ${name}`);

  // Normalized as responses are: the message's ISO time and string type, the conversation's
  // integer message type, all in the SDK's conventions.
  const message = results.napi.find((e) => e.event === 'message_created' && e.content === CONTENT);
  assert.equal(typeof message.created_at, 'number');
  assert.equal(message.message_type, 'outgoing');
  assert.equal(message.conversation.messages[0].message_type, 'outgoing');
  assert.equal(message.sender.type, 'user');
  assert.equal(message.conversation.meta.sender.name, 'Hook Person');
  const typing = results.napi.find((e) => e.event === 'conversation_typing_on');
  assert.equal(typing.user.type, 'user');
  const updated = results.napi.find((e) => e.event === 'conversation_updated' && e.changed_attributes?.[0]?.assignee_id);
  assert.ok(updated, 'an assignment says what changed');
  for (const e of results.napi.filter((e) => e.event === 'conversation_status_changed')) assert.equal(e.changed_attributes, null);
});

test('the CloudEvents typing feed parses, unsigned', async () => {
  for (const sdk of Object.values(packages)) {
    const feed = deliveries.filter((d) => d.path === '/gateway');
    assert.ok(feed.length >= 2);
    for (const d of feed) {
      assert.equal(d.headers['x-chatwoot-signature'], undefined);
      const event = await sdk.parseWebhook(d.body, { strict: true });
      assert.match(event.type, /^ai\.cognigy\.live-agent\.conversation\.typing_o(n|ff)$/);
      assert.match(event.subject, /^conversation\.\d+$/);
      assert.equal(typeof event.time, 'number');
      assert.equal(event.event, undefined);
    }
  }
});

test('wrong secrets, tampered, re-serialized and parsed bodies, stale and missing timestamps are refused by kind', async () => {
  // Messages whose content has `<`, `>` or `&`, which Rails escapes and a round trip does not.
  const signed = deliveries.filter((d) => ['/account', '/bot'].includes(d.path) && d.name === 'message_created' && d.body.includes('\\u003c'));
  assert.ok(signed.length >= 3, `${signed.length} deliveries`);
  for (const [name, sdk] of Object.entries(packages)) {
    for (const d of signed) {
      const cases = await verificationCases(sdk, { body: new Uint8Array(d.body), headers: plainHeaders(d.headers), secret: d.secret });
      assert.deepEqual(cases, expectedCases('message_created'), `${name}: ${d.body.toString().slice(0, 80)}`);
    }
  }
});

test('bad arguments are BUILD errors, and the secret never shows', async () => {
  const d = deliveries.find((d) => d.path === '/bot');
  for (const sdk of Object.values(packages)) {
    const refusals = [
      sdk.verifyWebhook(d.body, d.headers, undefined),
      sdk.verifyWebhook(d.body, null, d.secret),
      sdk.verifyWebhook(d.body, d.headers, d.secret, { tolerance: -1 }),
      sdk.verifyWebhook(d.body, d.headers, d.secret, { tolerence: 10 }),
      sdk.verifyWebhookRequest({}, d.secret),
      sdk.parseWebhook(d.body, { strict: 'yes' }),
    ];
    for (const refused of refusals) {
      const e = await refused.then(() => null, (e) => e);
      assert.ok(e instanceof sdk.LiveAgentError, String(e));
      assert.equal(e.code, 'BUILD', e.message);
      assert.ok(!JSON.stringify({ ...e, message: e.message }).includes(d.secret));
    }
  }
});

test('every event fixture parses strictly in both packages, the same way', async () => {
  const fixtures = eventFixtures();
  assert.ok(fixtures.length >= 17, `only ${fixtures.length} event fixtures`);
  const napi = await parsedFixtures(packages.napi, fixtures);
  const wasm = await parsedFixtures(packages.wasm, fixtures);
  assert.deepEqual(wasm, napi);
  for (const [file, event] of napi) {
    assert.equal(event.error, undefined, `${file}: ${event.error}`);
    const stem = file.split('.')[0];
    const name = event.event ?? `cognigy_${event.type.split('.').at(-1)}`;
    assert.equal(name, stem, file);
  }
  // An event this version does not know is kept (and refused in strict mode).
  for (const sdk of Object.values(packages)) {
    const unknown = JSON.stringify({ event: 'conversation_mentioned', id: 3 });
    assert.deepEqual(await sdk.parseWebhook(unknown), { event: 'conversation_mentioned', id: 3 });
    const e = await sdk.parseWebhook(unknown, { strict: true }).catch((e) => e);
    assert.equal(`${e.code} ${e.kind}`, 'WEBHOOK malformed');
    assert.equal(e.drift.length, 1);
  }
});
