// A support flow, a listing walked page by page, and raw access: the same results and the same
// requests from the napi and the wasm package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../support/emulator.js';
import { sameOnBoth } from '../support/cross.js';

let emulator;
before(async () => (emulator = await startEmulator()));
after(() => emulator.stop());

test('a support flow: counts, contact, conversation, messages, assignment, labels, resolve', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client }) => {
    const before = await client.getConversationCounts({ status: 'open' });
    const [agent] = (await client.listAgents()).filter((a) => a.role === 'agent');
    const [team] = await client.listTeams();
    const { payload } = await client.createContact({ name: 'Grace Hopper', email: 'grace@example.com', inbox_id: emulator.inbox_id });
    const conversation = await client.createConversation({
      inbox_id: emulator.inbox_id,
      contact_id: payload.contact.id,
      source_id: payload.contact_inbox.source_id,
      message: { content: 'My invoice is wrong' },
    });
    const id = conversation.id;
    const reply = await client.createMessage({ conversation_id: id, content: 'Looking into it', message_type: 'outgoing' });
    const note = await client.createMessage({ conversation_id: id, content: 'Check billing', private: true });
    const assigned = await client.assignConversation({ conversation_id: id, assignee_id: agent.id });
    const teamed = await client.assignConversation({ conversation_id: id, team_id: team.id });
    const labels = await client.addConversationLabels({ conversation_id: id, labels: ['billing', 'vip'] });
    const resolved = await client.toggleConversationStatus({ conversation_id: id, status: 'resolved' });
    const after = await client.getConversationCounts({ status: 'open' });
    const messages = await client.listMessages({ conversation_id: id });
    return { before, after, conversation, reply, note, assigned, teamed, labels, resolved, messages };
  });
  assert.equal(result.after.meta.all_count, result.before.meta.all_count);
  assert.equal(result.resolved.payload.current_status, 'resolved');
  assert.deepEqual(result.labels.payload, ['billing', 'vip']);
  assert.equal(result.note.private, true);
  assert.deepEqual(
    result.messages.payload.filter((m) => m.message_type !== 'activity').map((m) => m.content),
    ['My invoice is wrong', 'Looking into it', 'Check billing'],
  );
  assert.equal(requests.length, 13);
  assert.deepEqual(requests[5].headers, {
    accept: 'application/json',
    'content-type': 'application/json',
    'user-agent': 'liveagent/0.1.0',
    api_access_token: '[redacted]',
  });
});

test('pagination: every conversation page by page, every message newest first', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client }) => {
    for (let i = 0; i < 30; i += 1) {
      const { payload } = await client.createContact({ name: `Bulk ${i}`, inbox_id: emulator.inbox_id });
      await client.createConversation({ inbox_id: emulator.inbox_id, contact_id: payload.contact.id, source_id: payload.contact_inbox.source_id });
    }
    await emulator.clearRequests();
    const conversations = [];
    for await (const c of client.paginate('listConversations', { status: 'all', assignee_type: 'all' })) conversations.push(c.id);
    const messages = [];
    for await (const m of client.paginate('listMessages', { conversation_id: 1 })) messages.push(m.id);
    const first = [];
    for await (const c of client.paginate('listConversations', { status: 'all', assignee_type: 'all' }, { maxItems: 3 })) first.push(c.id);
    return { conversations, messages, first };
  });
  assert.deepEqual(result.first, result.conversations.slice(0, 3), 'maxItems stops after 3');
  assert.equal(result.conversations.length, 36);
  assert.equal(new Set(result.conversations).size, 36);
  assert.deepEqual([...result.messages].sort((a, b) => b - a), result.messages);
  const pages = requests.filter((r) => r.path.endsWith('/conversations')).map((r) => r.query);
  // Two pages for the 36 (all_count says when to stop), then one page for the first 3.
  assert.deepEqual(pages, ['assignee_type=all&status=all&page=1', 'assignee_type=all&status=all&page=2', 'assignee_type=all&status=all&page=1']);
});

test('raw access: status, headers, body, data and drift', async () => {
  const { result } = await sameOnBoth(emulator, async ({ client }) => {
    const raw = await client.raw('getConversation', { conversation_id: 1 });
    delete raw.headers.date;
    return raw;
  });
  assert.equal(result.status, 200);
  assert.deepEqual(JSON.parse(result.body).id, result.data.id);
  assert.match(result.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  assert.deepEqual(result.drift, []);
});
