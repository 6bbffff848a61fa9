// Uploads from a page in headless Chromium through the wasm package: a visitor attaches a File
// and a Blob to a message on the public client API (cross-origin, multipart), and the page
// downloads both back from their data_url and compares them byte for byte.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startEmulator } from './support/emulator.js';
import { launchChromium, runPage } from './support/chromium.js';
import { serve, typeOf } from './support/static.js';

const pkg = new URL('../../pkg/', import.meta.url);
const files = new URL('../fixtures/files/', import.meta.url);
let emulator, server, browser;

const page = `<!doctype html>
<meta charset="utf-8">
<script type="importmap">{ "imports": { "@liveagent/wasm": "/pkg/index.js" } }</script>
<script type="module" src="/uploads.js"></script>
<body></body>`;

const script = (baseUrl, inbox) => `
import init, { LiveAgentClient } from '@liveagent/wasm';
await init();
const bytes = async (path) => new Uint8Array(await (await fetch(path)).arrayBuffer());
const png = await bytes('/files/pixel.png');
const pdf = await bytes('/files/receipt.pdf');
const widget = new LiveAgentClient({ baseUrl: ${JSON.stringify(baseUrl)} });
const INBOX = ${JSON.stringify(inbox)};
const visitor = await widget.createPublicContact({ inbox_identifier: INBOX, name: 'Uploader' });
const chat = { inbox_identifier: INBOX, contact_identifier: visitor.source_id };
const conversation = await widget.createPublicConversation(chat);
const message = await widget.createPublicMessage({
  ...chat,
  conversation_id: conversation.id,
  content: 'my receipt',
  attachments: [new File([png], 'pixel.png', { type: 'image/png' }), new Blob([pdf], { type: 'application/pdf' })],
});
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const results = [];
for (const [attachment, original] of message.attachments.map((a, i) => [a, [png, pdf][i]])) {
  const response = await fetch(attachment.data_url);
  const back = new Uint8Array(await response.arrayBuffer());
  results.push([attachment.file_type, response.headers.get('content-type'), back.length, same(back, original)]);
}
document.body.textContent = 'RESULT ' + JSON.stringify({ content: message.content, results });
`;

before(async () => {
  emulator = await startEmulator();
  const code = script(emulator.base_url, emulator.inbox_identifier);
  server = await serve(async (path) => {
    if (path === '/') return ['text/html', page];
    if (path === '/uploads.js') return ['text/javascript', code];
    const fixture = path.match(/^\/files\/([\w.-]+)$/)?.[1];
    if (fixture) return ['application/octet-stream', await readFile(new URL(fixture, files))];
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

test('a page uploads a File and a Blob, and gets the same bytes back', async () => {
  const { text, errors } = await runPage(browser, server.origin, 'RESULT');
  assert.deepEqual(errors, []);
  assert.ok(text.startsWith('RESULT '), text.slice(0, 300));
  const png = await readFile(new URL('pixel.png', files));
  const pdf = await readFile(new URL('receipt.pdf', files));
  assert.deepEqual(JSON.parse(text.slice('RESULT '.length)), {
    content: 'my receipt',
    results: [
      ['image', 'image/png', png.length, true],
      ['file', 'application/pdf', pdf.length, true],
    ],
  });
  const posted = (await emulator.requests()).find((r) => r.method === 'POST' && r.path.endsWith('/messages'));
  assert.match(posted.headers['content-type'], /^multipart\/form-data; boundary=liveagent-/);
});
