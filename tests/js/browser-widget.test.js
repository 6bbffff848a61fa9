// A visitor's whole chat in headless Chromium through the widget build (@liveagent/wasm/widget),
// from a page on another origin than the emulator: the first visit opens a session and writes,
// the page keeps the session token in localStorage, and after a reload the same visitor sees the
// same conversation, gets an agent's reply live, answers, and ends the chat. A server without API
// CORS (upstream's default) refuses the widget API to that page, while the public API still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startEmulator } from './support/emulator.js';
import { launchChromium } from './support/chromium.js';
import { serve, typeOf } from './support/static.js';
import { quickstart, setConstant } from './support/readme.js';

const pkg = new URL('../../pkg/', import.meta.url);
let emulator, closed, server, browser;

const page = `<!doctype html>
<meta charset="utf-8">
<script type="importmap">{ "imports": { "@liveagent/wasm/widget": "/pkg/widget/index.js" } }</script>
<script type="module" src="/chat.js"></script>
<body></body>`;

// Runs on every load; what it does depends on whether the page kept a session token.
const script = (baseUrl, websiteToken) => `
import init, { LiveAgentClient } from '@liveagent/wasm/widget';
await init();
const kept = localStorage.getItem('liveagent-widget-token');
const client = new LiveAgentClient({ baseUrl: ${JSON.stringify(baseUrl)}, websiteToken: ${JSON.stringify(websiteToken)}, widgetToken: kept ?? undefined });
const show = (label, value) => { document.body.textContent = label + ' ' + JSON.stringify(value); };
try {
  if (kept === null) {
    const before = await client.getWidgetConversation();
    const [sent, contact] = await Promise.all([
      client.createWidgetMessage({ message: { content: 'Hello, is anyone there?' } }),
      client.getWidgetContact(),
    ]);
    localStorage.setItem('liveagent-widget-token', client.widgetToken);
    show('FIRST', { before: before.id, conversation: sent.conversation_id, contact: contact.id });
  } else {
    const [conversation, contact, config] = await Promise.all([
      client.getWidgetConversation(),
      client.getWidgetContact(),
      client.createWidgetConfig(),
    ]);
    const history = await client.listWidgetMessages();
    const events = client.events({ pubsubToken: config.contact.pubsub_token });
    // Starts the socket; the test replies once the emulator counts it subscribed.
    const next = events.next();
    show('READY', { conversation: conversation.id });
    let reply = null;
    for (let step = await next; !step.done; step = await events.next()) {
      const event = step.value;
      if (event.event === 'message.created' && event.data.message_type === 'outgoing') {
        reply = event.data.content;
        break;
      }
    }
    await events.return();
    await client.createWidgetMessage({ message: { content: 'Thanks!' } });
    await client.resolveWidgetConversation();
    const after = await client.getWidgetConversation();
    const messages = (await client.listWidgetMessages()).payload.filter((m) => m.message_type === 'incoming').map((m) => m.content);
    show('SECOND', {
      conversation: conversation.id,
      contact: contact.id,
      history: history.payload.filter((m) => m.message_type === 'incoming').map((m) => m.content),
      reply,
      messages,
      status: after.status,
      sameToken: client.widgetToken !== null,
    });
  }
} catch (e) {
  show('ERROR', { code: e.code, message: e.message });
}
`;

/** A server for the page, its script and the package, on an origin of its own. */
async function pageServer(baseUrl, websiteToken) {
  const code = script(baseUrl, websiteToken);
  return serve(async (path) => {
    if (path === '/') return ['text/html', page];
    if (path === '/chat.js') return ['text/javascript', code];
    const file = path.match(/^\/pkg\/((?:widget\/)?[\w.-]+)$/)?.[1];
    const type = file && typeOf(file);
    return type && [type, await readFile(new URL(file, pkg))];
  });
}

/** Waits until the tab's body starts with one of `labels`, and returns the label and its JSON. */
async function outcome(tab, labels) {
  await tab.waitForFunction((want) => want.some((l) => document.body?.textContent.startsWith(l + ' ')), [...labels, 'ERROR'], { timeout: 60_000 });
  const text = (await tab.textContent('body')).trim();
  const label = text.slice(0, text.indexOf(' '));
  return [label, JSON.parse(text.slice(label.length + 1))];
}

before(async () => {
  emulator = await startEmulator();
  server = await pageServer(emulator.base_url, emulator.web_widget.website_token);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  emulator?.stop();
  closed?.stop();
});

test('a visitor chats, reloads the page, and carries on in the same conversation', async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(server.origin);
  const [first, visit] = await outcome(tab, ['FIRST']);
  assert.equal(first, 'FIRST', JSON.stringify(visit));
  assert.equal(visit.before, null, 'no conversation before the first message');
  assert.ok(Number.isInteger(visit.conversation) && Number.isInteger(visit.contact));

  await tab.reload();
  const [ready, state] = await outcome(tab, ['READY']);
  assert.equal(ready, 'READY', JSON.stringify(state));
  assert.equal(state.conversation, visit.conversation, 'the reloaded page resumes the same conversation');
  // Once the page's socket is subscribed (a reply before that would not reach it), an agent
  // answers through the account API, and the page hears it live.
  for (let i = 0; (await emulator.control('GET', 'cable')).sockets < 1; i += 1) {
    assert.ok(i < 600, "the page's socket never subscribed");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const reply = await fetch(`${emulator.base_url}/api/v1/accounts/${emulator.account_id}/conversations/${visit.conversation}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', api_access_token: emulator.tokens.admin },
    body: JSON.stringify({ content: 'Yes! How can I help?' }),
  });
  assert.equal(reply.status, 200);
  const [second, chat] = await outcome(tab, ['SECOND']);
  assert.equal(second, 'SECOND', JSON.stringify(chat));
  assert.deepEqual(chat, {
    conversation: visit.conversation,
    contact: visit.contact,
    history: ['Hello, is anyone there?'],
    reply: 'Yes! How can I help?',
    messages: ['Hello, is anyone there?', 'Thanks!'],
    status: 'resolved',
    sameToken: true,
  });
  assert.deepEqual(errors, []);
  await context.close();
  // Every widget call carried the website token, and none the session token in its URL.
  const widget = (await emulator.requests()).filter((r) => r.path.startsWith('/api/v1/widget/'));
  assert.ok(widget.length >= 10, `${widget.length} widget requests`);
  for (const r of widget) {
    assert.equal(new URLSearchParams(r.query).get('website_token'), emulator.web_widget.website_token, `${r.method} ${r.path}`);
  }
});

test('without API CORS on the server, the widget API is refused to another origin; the public API is not', async () => {
  closed = await startEmulator({ apiCors: false });
  const probe = await pageServer(closed.base_url, closed.web_widget.website_token);
  try {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(probe.origin);
    const [label, error] = await outcome(tab, ['FIRST']);
    assert.equal(label, 'ERROR');
    assert.equal(error.code, 'TRANSPORT', error.message);
    // The public client API answers the same page's origin.
    const status = await tab.evaluate(async ([base, inbox]) => (await fetch(`${base}/public/api/v1/inboxes/${inbox}`)).status, [closed.base_url, closed.inbox_identifier]);
    assert.equal(status, 200);
    await context.close();
  } finally {
    probe.close();
  }
});

test("the README's widget quick start: a second page load is the same visitor", async () => {
  await emulator.reset();
  let code = quickstart('widget');
  code = setConstant(code, 'LIVEAGENT_URL', emulator.base_url);
  code = setConstant(code, 'WEBSITE_TOKEN', emulator.web_widget.website_token);
  code += "document.body.append('DONE');\n";
  const site = await serve(async (path) => {
    if (path === '/') return ['text/html', page.replace('/chat.js', '/quickstart.js')];
    if (path === '/quickstart.js') return ['text/javascript', code];
    const file = path.match(/^\/pkg\/((?:widget\/)?[\w.-]+)$/)?.[1];
    const type = file && typeOf(file);
    return type && [type, await readFile(new URL(file, pkg))];
  });
  try {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    const hellos = async () => {
      await tab.waitForFunction(() => document.body?.textContent.includes('DONE'), null, { timeout: 60_000 });
      return (await tab.textContent('body')).split('Hello!').length - 1;
    };
    await tab.goto(site.origin);
    assert.equal(await hellos(), 1);
    await tab.reload();
    assert.equal(await hellos(), 2, 'the reloaded page wrote into the same conversation');
    assert.deepEqual(errors, []);
    await context.close();
    const opened = (await emulator.requests()).filter((r) => r.method === 'POST' && r.path === '/api/v1/widget/config');
    assert.equal(opened.length, 1, 'one session for both page loads');
  } finally {
    site.close();
  }
});
