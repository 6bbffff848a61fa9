// The README's browser quick start, served as a page from its own origin (so every call to the
// emulator is cross-origin, with CORS preflights) and run in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startEmulator } from './support/emulator.js';
import { quickstart, setConstant } from './support/readme.js';
import { launchChromium, runPage } from './support/chromium.js';
import { serve, typeOf } from './support/static.js';

const pkg = new URL('../../pkg/', import.meta.url);
let emulator, server, origin, browser;

const page = `<!doctype html>
<meta charset="utf-8">
<script type="importmap">{ "imports": { "@liveagent/wasm": "/pkg/index.js" } }</script>
<script type="module" src="/quickstart.js"></script>
<body></body>`;

before(async () => {
  emulator = await startEmulator();
  let code = quickstart('browser');
  code = setConstant(code, 'LIVEAGENT_URL', emulator.base_url);
  code = setConstant(code, 'INBOX', emulator.inbox_identifier);
  server = await serve(async (path) => {
    if (path === '/') return ['text/html', page];
    if (path === '/quickstart.js') return ['text/javascript', code];
    const file = path.match(/^\/pkg\/([\w.-]+)$/)?.[1];
    const type = file && typeOf(file);
    return type && [type, await readFile(new URL(file, pkg))];
  });
  origin = server.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  emulator?.stop();
});

test('the browser quick start chats through the public client API', async () => {
  const { text, errors } = await runPage(browser, origin, 'Hello!');
  assert.deepEqual(errors, []);
  assert.equal(text, 'Hello!');

  // Every call crossed origins; the listing ended on an empty page before the oldest message.
  const seen = (await emulator.requests()).map((r) => `${r.method} ${r.path.replace(/[\w-]{20,}/g, ':id')}${r.query ? `?${r.query}` : ''} ${r.status} ${r.headers.origin}`);
  const conversation = '/public/api/v1/inboxes/:id/contacts/:id/conversations/7';
  const oldest = JSON.parse((await emulator.requests()).at(-2).response)[0].id;
  assert.deepEqual(seen, [
    `POST /public/api/v1/inboxes/:id/contacts 200 ${origin}`,
    `POST /public/api/v1/inboxes/:id/contacts/:id/conversations 200 ${origin}`,
    `POST ${conversation}/messages 200 ${origin}`,
    `GET ${conversation}/messages 200 ${origin}`,
    `GET ${conversation}/messages?before=${oldest} 200 ${origin}`,
  ]);
});
