// Real deliveries from the emulator: a receiver on loopback that keeps each POST's raw bytes and
// headers, and a scenario that makes the emulator send every event it sends, to an account
// webhook, the API inbox's webhook URL, an agent bot and the CloudEvents gateway.
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LiveAgentClient } from '@liveagent/node';

/** A loopback HTTP server that records every request: `{ path, headers, body: Buffer, name }`. */
export async function receiver() {
  const got = [];
  const waiting = new Set();
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (c) => chunks.push(c));
    request.on('end', () => {
      response.end();
      const body = Buffer.concat(chunks);
      let name = '';
      try {
        const json = JSON.parse(body);
        name = json.event ?? json.type ?? '';
      } catch {}
      got.push({ path: request.url, headers: request.headers, body, name });
      for (const check of waiting) check();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    got,
    /**
     * Resolves once a delivery to each `[path, name]` has arrived. Deliveries are asynchronous;
     * no wall-clock deadline decides the outcome (the caller's test timeout ends a hang).
     */
    until(wanted) {
      const done = () => wanted.every(([path, name]) => got.some((d) => d.path === path && d.name === name));
      return new Promise((resolve) => {
        const check = () => {
          if (!done()) return;
          waiting.delete(check);
          resolve(got);
        };
        waiting.add(check);
        check();
      });
    },
    close: () => server.close(),
  };
}

/** Every event the emulator sends, by receiver path. */
export const EXPECTED = [
  ['/account', 'contact_created'],
  ['/account', 'contact_updated'],
  ['/account', 'conversation_created'],
  ['/account', 'message_created'],
  ['/account', 'message_updated'],
  ['/account', 'conversation_updated'],
  ['/account', 'conversation_status_changed'],
  ['/account', 'conversation_typing_on'],
  ['/account', 'conversation_typing_off'],
  ['/account', 'inbox_created'],
  ['/account', 'inbox_updated'],
  ['/inbox', 'message_created'],
  ['/inbox', 'conversation_created'],
  ['/bot', 'message_created'],
  ['/bot', 'conversation_updated'],
  ['/bot', 'conversation_resolved'],
  ['/bot', 'conversation_opened'],
  ['/gateway', 'ai.cognigy.live-agent.conversation.typing_on'],
];

const SUBSCRIPTIONS = [
  'conversation_created', 'conversation_updated', 'conversation_status_changed', 'message_created', 'message_updated', 'webwidget_triggered',
  'contact_created', 'contact_updated', 'inbox_created', 'inbox_updated', 'conversation_typing_on', 'conversation_typing_off',
];

/** The first message's content: a JSON round trip changes the bytes Rails writes for it. */
export const CONTENT = 'Is my order <b>late</b> & lost? Ünïcode too';

/**
 * Makes the emulator send every event of `EXPECTED` to `hooks` (a `receiver()`), and returns
 * the deliveries with the secret of the receiver each went to (`null` for the unsigned feed).
 */
export async function allDeliveries(emulator, hooks) {
  const admin = new LiveAgentClient({ baseUrl: emulator.base_url, token: emulator.tokens.admin, accountId: emulator.account_id });
  const { payload } = await admin.createWebhook({ url: `${hooks.url}/account`, subscriptions: SUBSCRIPTIONS });
  const inboxId = emulator.inbox_id;
  await admin.updateInbox({ inbox_id: inboxId, channel: { webhook_url: `${hooks.url}/inbox` } });
  const inbox = await admin.getInbox({ inbox_id: inboxId });
  const bot = await admin.createAgentBot({ name: 'Hook bot', outgoing_url: `${hooks.url}/bot` });
  await emulator.control('POST', 'event_gateway', { url: `${hooks.url}/gateway` });

  const { payload: created } = await admin.createContact({ name: 'Hook Person', inbox_id: inboxId });
  await admin.updateContact({ contact_id: created.contact.id, email: 'hook.person@example.com' });
  const conversation = await admin.createConversation({
    inbox_id: inboxId,
    contact_id: created.contact.id,
    source_id: created.contact_inbox.source_id,
    message: { content: CONTENT },
  });
  const id = conversation.id;
  const agent = (await admin.listAgents())[0];
  await admin.assignConversation({ conversation_id: id, assignee_id: agent.id });
  await admin.toggleTypingStatus({ conversation_id: id, typing_status: 'on' });
  await admin.toggleTypingStatus({ conversation_id: id, typing_status: 'off' });
  const reply = await admin.createMessage({ conversation_id: id, content: 'On its way.' });
  await admin.deleteMessage({ conversation_id: id, message_id: reply.id });
  await admin.assignConversation({ conversation_id: id, assignee_id: bot.id, assignee_type: 'AgentBot' });
  await admin.createMessage({ conversation_id: id, content: 'A <bot> & its answer' });
  await admin.toggleConversationStatus({ conversation_id: id, status: 'resolved' });
  await admin.toggleConversationStatus({ conversation_id: id, status: 'open' });
  const newInbox = await admin.createInbox({ name: 'Hook inbox', channel: { type: 'api' } });
  await admin.updateInbox({ inbox_id: newInbox.id, greeting_enabled: true });

  const got = await hooks.until(EXPECTED);
  const secrets = { '/account': payload.webhook.secret, '/inbox': inbox.secret, '/bot': bot.secret, '/gateway': null };
  return got.map((d) => ({ ...d, secret: secrets[d.path] }));
}

/** The event fixtures, `[file, text]`, sorted. */
export function eventFixtures() {
  const dir = fileURLToPath(new URL('../../fixtures/events/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, readFileSync(`${dir}${f}`, 'utf8')]);
}

/** The headers a delivery came with, as the plain object the checks take (only strings). */
export function plainHeaders(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([, v]) => typeof v === 'string'));
}
