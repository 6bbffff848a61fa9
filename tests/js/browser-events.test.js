// Live updates in headless Chromium through the wasm package and the browser's own WebSocket: a
// visitor's page subscribes with its contact's pubsub_token; an agent's reply reaches it as a
// typed message.created event; the emulator drops the socket, the page reconnects and hears
// the second reply; leaving the loop closes the socket.
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
const heard = [];
for await (const event of widget.events({ pubsubToken: visitor.pubsub_token, strict: true })) {
  if (event.event === 'message.created' && event.data.message_type === 'outgoing') {
    heard.push([event.data.content, event.data.conversation_id]);
    if (heard.length === 2) break;
  }
}
document.body.textContent = 'RESULT ' + JSON.stringify(heard);
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

/** Waits until the emulator holds `n` subscribed sockets. */
async function sockets(n) {
  for (let i = 0; (await emulator.control('GET', 'cable')).sockets !== n; i += 1) {
    assert.ok(i < 600, `the emulator never held ${n} socket(s)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test("a visitor's page hears the agent's replies live, across a dropped socket", async () => {
  // The page waits while this side replies, drops the socket and replies again: give it time
  // on a loaded machine (a hang still ends, and fails the assertions below).
  const running = runPage(browser, server.origin, 'RESULT', 60_000);
  // Once the page has subscribed, an agent replies in the conversation it opened.
  await sockets(1);
  const opened = (await emulator.requests()).find((r) => r.method === 'POST' && r.path.endsWith('/conversations'));
  const conversation = JSON.parse(opened.response).id;
  const reply = (content) =>
    fetch(`${emulator.base_url}/api/v1/accounts/${emulator.account_id}/conversations/${conversation}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', api_access_token: emulator.tokens.admin },
      body: JSON.stringify({ content }),
    });
  assert.equal((await reply('Hello from an agent')).status, 200);
  assert.equal((await emulator.control('POST', 'cable/drop')).dropped, 1);
  await sockets(0);
  await sockets(1);
  assert.equal((await reply('Still here')).status, 200);
  const { text, errors } = await running;
  assert.deepEqual(errors, []);
  assert.deepEqual(JSON.parse(text.slice('RESULT '.length)), [
    ['Hello from an agent', conversation],
    ['Still here', conversation],
  ]);
  // The page left its loop: the socket is closed.
  await sockets(0);
});
