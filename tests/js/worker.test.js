// The README's Worker quick start, bundled by wrangler (as users deploy it) and run in workerd by
// Miniflare, against the emulator: Live Agent posts a real, signed `message_created` webhook to
// the Worker, which verifies it and answers in the conversation as the agent bot; deliveries it
// cannot verify are refused. A second Worker runs every verification case on real deliveries in
// workerd, with the time injected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import * as napi from '@liveagent/node';
import { LiveAgentClient } from '@liveagent/wasm';
import { startEmulator } from './support/emulator.js';
import { quickstart } from './support/readme.js';
import { allDeliveries, eventFixtures, plainHeaders, receiver } from './support/webhooks.js';
import { expectedCases, parsedFixtures, toBase64 } from './support/webhook-checks.js';

const dir = fileURLToPath(new URL('./.worker/', import.meta.url));
let emulator, worker, workerUrl, checker, secret, webhookId;

/** Bundles `code` (with the files `beside` it) as wrangler deploys it, and starts it in workerd. */
async function start(name, code, bindings, beside = []) {
  const at = `${dir}${name}/`;
  mkdirSync(at, { recursive: true });
  writeFileSync(`${at}index.js`, code);
  for (const file of beside) copyFileSync(fileURLToPath(file), `${at}${file.pathname.split('/').at(-1)}`);
  execFileSync(
    fileURLToPath(new URL('./node_modules/.bin/wrangler', import.meta.url)),
    ['deploy', '--dry-run', '--outdir', 'dist', '--name', name, '--compatibility-date', '2026-04-01', 'index.js'],
    { cwd: at, env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' }, stdio: 'pipe' },
  );
  const mf = new Miniflare({
    modules: true,
    scriptPath: `${at}dist/index.js`,
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: '2026-04-01',
    bindings,
    host: '127.0.0.1',
    port: 0,
  });
  return { mf, url: (await mf.ready).href };
}

const admin = () => new LiveAgentClient({ baseUrl: emulator.base_url, token: emulator.tokens.admin, accountId: emulator.account_id });

before(async () => {
  emulator = await startEmulator();
  rmSync(dir, { recursive: true, force: true });
  // The webhook first, for its secret; it points at the Worker once the Worker runs.
  const { payload } = await admin().createWebhook({ url: 'http://127.0.0.1:9/', subscriptions: ['message_created'] });
  ({ id: webhookId, secret } = payload.webhook);
  ({ mf: worker, url: workerUrl } = await start('quickstart', quickstart('worker'), {
    LIVEAGENT_URL: emulator.base_url,
    LIVEAGENT_BOT_TOKEN: emulator.tokens.bot,
    LIVEAGENT_WEBHOOK_SECRET: secret,
  }));
  await admin().updateWebhook({ webhook_id: webhookId, url: workerUrl });
  const checks = new URL('./support/webhook-checks.js', import.meta.url);
  ({ mf: checker } = await start('checks', `export { default } from './webhook-worker.js';\n`, {}, [new URL('./support/webhook-worker.js', import.meta.url), checks]));
});

after(async () => {
  await worker?.dispose();
  await checker?.dispose();
  emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function visitorConversation(content) {
  const widget = new LiveAgentClient({ baseUrl: emulator.base_url });
  const chat = { inbox_identifier: emulator.inbox_identifier };
  const visitor = await widget.createPublicContact({ ...chat, name: 'Worker test visitor' });
  chat.contact_identifier = visitor.source_id;
  const conversation = await widget.createPublicConversation(chat);
  if (content) await widget.createPublicMessage({ ...chat, conversation_id: conversation.id, content });
  return conversation.id;
}

async function messages(conversationId) {
  const { payload } = await admin().listMessages({ conversation_id: conversationId });
  return payload.map((m) => [m.message_type, m.content]);
}

/** A delivery as Live Agent signs it: `sha256=` HMAC-SHA256 of `"<timestamp>.<body>"`. */
function signed(event, { key = secret, at = Math.floor(Date.now() / 1000) } = {}) {
  const body = JSON.stringify(event);
  const signature = `sha256=${createHmac('sha256', key).update(`${at}.${body}`).digest('hex')}`;
  return { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-chatwoot-timestamp': String(at), 'x-chatwoot-signature': signature } };
}

// The delivery and the Worker's reply are asynchronous: poll until the reply is there. No
// wall-clock deadline decides the outcome; the test's own timeout only ends a hang.
test('a webhook from Live Agent reaches the Worker, which verifies it and replies as the bot', { timeout: 120_000 }, async () => {
  const id = await visitorConversation('Where is my order?');
  while (!(await messages(id)).some(([type, content]) => type === 'outgoing' && content === 'You said: Where is my order?')) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const replies = (await messages(id)).filter(([type]) => type === 'outgoing');
  assert.deepEqual(replies, [['outgoing', 'You said: Where is my order?']], 'exactly one reply');
});

test('the Worker returns the id of its reply, ignores other events, and refuses what it cannot verify', async () => {
  const id = await visitorConversation();
  const event = { event: 'message_created', id: 1, message_type: 'incoming', content: 'direct', account: { id: emulator.account_id }, conversation: { id } };
  const response = await worker.dispatchFetch(workerUrl, signed(event));
  assert.equal(response.status, 200);
  const { replied } = await response.json();
  const reply = (await admin().listMessages({ conversation_id: id })).payload.find((m) => m.id === replied);
  assert.equal(reply?.content, 'You said: direct');
  assert.equal(reply?.sender?.type, 'agent_bot');

  const ignored = await worker.dispatchFetch(workerUrl, signed({ event: 'conversation_created', id, account: { id: 1 } }));
  assert.equal(ignored.status, 204);

  const refused = {
    unsigned: { method: 'POST', body: JSON.stringify(event) },
    'another secret': signed(event, { key: 'not the secret' }),
    'an hour old': signed(event, { at: Math.floor(Date.now() / 1000) - 3600 }),
  };
  for (const [what, init] of Object.entries(refused)) {
    const answer = await worker.dispatchFetch(workerUrl, init);
    assert.equal(answer.status, 401, what);
    assert.match(await answer.text(), /^webhook refused: /, what);
  }
});

test('in workerd, real deliveries verify and every wrong one is refused by kind', { timeout: 120_000 }, async () => {
  const hooks = await receiver();
  try {
    const signed = (await allDeliveries(emulator, hooks)).filter((d) => d.secret && d.name === 'message_created' && d.body.includes('\\u003c'));
    const fixtures = eventFixtures();
    const input = { deliveries: signed.map((d) => ({ body: toBase64(d.body), headers: plainHeaders(d.headers), secret: d.secret })), fixtures };
    const response = await checker.dispatchFetch('http://checks.test/', { method: 'POST', body: JSON.stringify(input) });
    const { cases, parsed } = await response.json();
    assert.ok(cases.length >= 3, `${cases.length} deliveries`);
    for (const got of cases) assert.deepEqual(got, expectedCases('message_created'));
    assert.deepEqual(parsed, await parsedFixtures(napi, fixtures));
  } finally {
    hooks.close();
  }
});
