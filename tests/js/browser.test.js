// The README's browser quick start, served as a page from its own origin (so every call to the
// emulator is cross-origin, with CORS preflights) and run in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { startEmulator } from './support/emulator.js';
import { quickstart, setConstant } from './support/readme.js';
import { launchChromium } from './support/chromium.js';

const pkg = new URL('../../pkg/', import.meta.url);
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
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
  server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const send = (type, body) => response.writeHead(200, { 'content-type': type }).end(body);
    if (path === '/') return send('text/html', page);
    if (path === '/quickstart.js') return send('text/javascript', code);
    if (path === '/favicon.ico') return response.writeHead(204).end();
    const file = path.match(/^\/pkg\/([\w.-]+)$/)?.[1];
    const type = file && types[file.slice(file.lastIndexOf('.'))];
    if (!type) return response.writeHead(404).end();
    send(type, await readFile(new URL(file, pkg)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  emulator?.stop();
});

test('the browser quick start chats through the public client API', async () => {
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await tab.goto(origin);
  await tab.waitForFunction(() => document.body.textContent.includes('Hello!'), null, { timeout: 10_000 }).catch(() => {});
  assert.deepEqual(errors, []);
  assert.equal((await tab.textContent('body')).trim(), 'Hello!');

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
