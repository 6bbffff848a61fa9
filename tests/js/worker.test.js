// The README's Worker quick start, bundled by wrangler (as users deploy it) and run in workerd by
// Miniflare, against the emulator: Live Agent posts a real `message_created` webhook to the
// Worker, and the Worker answers in the conversation as the agent bot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { LiveAgentClient } from '@liveagent/wasm';
import { startEmulator } from './support/emulator.js';
import { quickstart } from './support/readme.js';

const dir = fileURLToPath(new URL('./.worker/', import.meta.url));
let emulator, worker, workerUrl;

before(async () => {
  emulator = await startEmulator();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}index.js`, quickstart('worker'));
  execFileSync(
    fileURLToPath(new URL('./node_modules/.bin/wrangler', import.meta.url)),
    ['deploy', '--dry-run', '--outdir', 'dist', '--name', 'quickstart', '--compatibility-date', '2026-04-01', 'index.js'],
    { cwd: dir, env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' }, stdio: 'pipe' },
  );
  worker = new Miniflare({
    modules: true,
    scriptPath: `${dir}dist/index.js`,
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: '2026-04-01',
    bindings: { LIVEAGENT_URL: emulator.base_url, LIVEAGENT_BOT_TOKEN: emulator.tokens.bot },
    host: '127.0.0.1',
    port: 0,
  });
  workerUrl = (await worker.ready).href;
});

after(async () => {
  await worker?.dispose();
  emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const admin = () => new LiveAgentClient({ baseUrl: emulator.base_url, token: emulator.tokens.admin, accountId: emulator.account_id });

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

// The delivery and the Worker's reply are asynchronous: poll until the reply is there. No
// wall-clock deadline decides the outcome; the test's own timeout only ends a hang.
test('a webhook from Live Agent reaches the Worker, which replies as the bot', { timeout: 120_000 }, async () => {
  await admin().createWebhook({ url: workerUrl, subscriptions: ['message_created'] });
  const id = await visitorConversation('Where is my order?');
  while (!(await messages(id)).some(([type, content]) => type === 'outgoing' && content === 'You said: Where is my order?')) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const replies = (await messages(id)).filter(([type]) => type === 'outgoing');
  assert.deepEqual(replies, [['outgoing', 'You said: Where is my order?']], 'exactly one reply');
});

test('the Worker returns the id of its reply, and ignores other events', async () => {
  const id = await visitorConversation();
  const event = { event: 'message_created', message_type: 'incoming', content: 'direct', account: { id: emulator.account_id }, conversation: { id } };
  const response = await worker.dispatchFetch(workerUrl, { method: 'POST', body: JSON.stringify(event) });
  assert.equal(response.status, 200);
  const { replied } = await response.json();
  const reply = (await admin().listMessages({ conversation_id: id })).payload.find((m) => m.id === replied);
  assert.equal(reply?.content, 'You said: direct');
  assert.equal(reply?.sender?.type, 'agent_bot');

  const ignored = await worker.dispatchFetch(workerUrl, { method: 'POST', body: JSON.stringify({ event: 'conversation_created' }) });
  assert.equal(ignored.status, 204);
});
