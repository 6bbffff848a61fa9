// Live updates in headless Chromium through the wasm package and the browser's own WebSocket: a
// visitor's page subscribes with its contact's pubsub_token, an agent replies through the API,
// and the reply reaches the page as a typed message.created event.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startEmulator } from './support/emulator.js';
import { launchChromium, runPage } from './support/chromium.js';
import { serve, typeOf } from './support/static.js';

const pkg = new URL('../../pkg/', import.meta.url);
let emulator, server, browser;

const page = `<!doctype html>
<meta charset="utf-8">
<script type="importmap">{ "imports": { "@liveagent/wasm": "/pkg/index.js" } }</script>
<script type="module" src="/events.js"></script>
<body></body>`;

const script = (baseUrl, inbox) => `
import init, { LiveAgentClient } from '@liveagent/wasm';
await init();
const widget = new LiveAgentClient({ baseUrl: ${JSON.stringify(baseUrl)} });
const visitor = await widget.createPublicContact({ inbox_identifier: ${JSON.stringify(inbox)}, name: 'Live visitor' });
await widget.createPublicConversation({ inbox_identifier: ${JSON.stringify(inbox)}, contact_identifier: visitor.source_id });
for await (const event of widget.events({ pubsubToken: visitor.pubsub_token, strict: true })) {
  if (event.event === 'message.created' && event.data.message_type === 'outgoing') {
    document.body.textContent = 'RESULT ' + JSON.stringify({ content: event.data.content, conversation: event.data.conversation_id });
    break;
  }
}
`;

before(async () => {
  emulator = await startEmulator();
  const code = script(emulator.base_url, emulator.inbox_identifier);
  server = await serve(async (path) => {
    if (path === '/') return ['text/html', page];
    if (path === '/events.js') return ['text/javascript', code];
    const file = path.match(/^\/pkg\/([\w.-]+)$/)?.[1];
    const type = file && typeOf(file);
    return type && [type, await readFile(new URL(file, pkg))];
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  emulator?.stop();
});

test("a visitor's page hears the agent's reply live", async () => {
  const running = runPage(browser, server.origin, 'RESULT');
  // Once the page has subscribed, an agent replies in the conversation it opened.
  for (let i = 0; (await emulator.control('GET', 'cable')).sockets !== 1; i += 1) {
    assert.ok(i < 600, 'the page never subscribed');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const opened = (await emulator.requests()).find((r) => r.method === 'POST' && r.path.endsWith('/conversations'));
  const conversation = JSON.parse(opened.response).id;
  const reply = await fetch(`${emulator.base_url}/api/v1/accounts/${emulator.account_id}/conversations/${conversation}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', api_access_token: emulator.tokens.admin },
    body: JSON.stringify({ content: 'Hello from an agent' }),
  });
  assert.equal(reply.status, 200);
  const { text, errors } = await running;
  assert.deepEqual(errors, []);
  assert.deepEqual(JSON.parse(text.slice('RESULT '.length)), { content: 'Hello from an agent', conversation });
});
