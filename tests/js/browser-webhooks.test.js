// Webhook verification in headless Chromium: real deliveries from the emulator (caught in Node,
// raw bytes and headers) are handed to a page that runs @liveagent/wasm's verifyWebhook on them,
// and every case (accepted forms, wrong secret, tampered, re-serialized and parsed bodies,
// stale, early and missing timestamps) comes out as in Node; every event fixture parses there
// as the Node addon parses it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as napi from '@liveagent/node';
import { startEmulator } from './support/emulator.js';
import { launchChromium, runPage } from './support/chromium.js';
import { serve, typeOf } from './support/static.js';
import { allDeliveries, eventFixtures, plainHeaders, receiver } from './support/webhooks.js';
import { expectedCases, parsedFixtures, toBase64 } from './support/webhook-checks.js';

const pkg = new URL('../../pkg/', import.meta.url);
const checks = new URL('./support/webhook-checks.js', import.meta.url);
let emulator, hooks, server, browser, input;

const page = `<!doctype html>
<meta charset="utf-8">
<script type="importmap">{ "imports": { "@liveagent/wasm": "/pkg/index.js" } }</script>
<script type="module">
  import init, * as sdk from '@liveagent/wasm';
  import { verificationCases, parsedFixtures, fromBase64 } from '/checks.js';
  await init();
  const { deliveries, fixtures } = await (await fetch('/input.json')).json();
  const cases = [];
  for (const d of deliveries) cases.push(await verificationCases(sdk, { ...d, body: fromBase64(d.body) }));
  const parsed = await parsedFixtures(sdk, fixtures);
  document.body.textContent = 'RESULT ' + JSON.stringify({ cases, parsed });
</script>
<body></body>`;

before(async () => {
  emulator = await startEmulator();
  hooks = await receiver();
  const signed = (await allDeliveries(emulator, hooks)).filter((d) => d.secret && d.name === 'message_created' && d.body.includes('\\u003c'));
  input = {
    deliveries: signed.map((d) => ({ body: toBase64(d.body), headers: plainHeaders(d.headers), secret: d.secret })),
    fixtures: eventFixtures(),
  };
  server = await serve(async (path) => {
    if (path === '/') return ['text/html', page];
    if (path === '/checks.js') return ['text/javascript', await readFile(checks)];
    if (path === '/input.json') return ['application/json', JSON.stringify(input)];
    const file = path.match(/^\/pkg\/([\w.-]+)$/)?.[1];
    const type = file && typeOf(file);
    return type && [type, await readFile(new URL(file, pkg))];
  });
  browser = await launchChromium();
}, { timeout: 120_000 });

after(async () => {
  await browser?.close();
  server?.close();
  hooks?.close();
  emulator?.stop();
});

test('real deliveries verify, and every wrong one is refused by kind, in Chromium', async () => {
  const { text, errors } = await runPage(browser, server.origin, 'RESULT');
  assert.deepEqual(errors, []);
  assert.ok(text.startsWith('RESULT '), text.slice(0, 200));
  const { cases, parsed } = JSON.parse(text.slice('RESULT '.length));
  assert.ok(cases.length >= 3, `${cases.length} deliveries`);
  for (const got of cases) assert.deepEqual(got, expectedCases('message_created'));
  // The page's parse of every fixture is the Node addon's.
  assert.deepEqual(parsed, await parsedFixtures(napi, input.fixtures));
  assert.ok(parsed.every(([, event]) => !event.error), JSON.stringify(parsed.filter(([, e]) => e.error)));
});
