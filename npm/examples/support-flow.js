// A support flow with @liveagent/node, printed as a transcript: the open queue and its counts, a
// new customer writing in, a reply and a private note, assignment to an agent and a team,
// labels, resolution, the counts again, and the signed webhook Live Agent sends for the new
// message, verified with the SDK's verifyWebhook.
//
// `scripts/demo` runs it against the emulator. Against your own server (the webhook receiver
// must then be reachable from it):
//   LIVEAGENT_URL=https://liveagent-app.cognigy.ai LIVEAGENT_TOKEN=... LIVEAGENT_ACCOUNT_ID=1 \
//   LIVEAGENT_INBOX_ID=... node npm/examples/support-flow.js
import { createServer } from 'node:http';
import { LiveAgentClient, LiveAgentError, verifyWebhook } from '@liveagent/node';

const env = (name) => process.env[name] ?? fail(`set ${name}`);
const client = new LiveAgentClient({ baseUrl: env('LIVEAGENT_URL'), token: env('LIVEAGENT_TOKEN'), accountId: Number(env('LIVEAGENT_ACCOUNT_ID')) });
const inboxId = Number(env('LIVEAGENT_INBOX_ID'));

function fail(message) {
  throw new Error(message);
}
const say = (text = '') => console.log(text);
const counts = ({ meta }) => `mine ${meta.mine_count}, assigned ${meta.assigned_count}, unassigned ${meta.unassigned_count}, all ${meta.all_count}`;

/** Receives webhooks on loopback (the raw bytes: a signature covers them) and resolves with the first one `wanted` accepts. */
function webhookReceiver() {
  const waiting = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      response.end();
      for (const w of waiting) w({ headers: request.headers, body: Buffer.concat(chunks) });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/live-agent`,
        next: (wanted, ms = 5000) =>
          new Promise((resolveHook, rejectHook) => {
            const timer = setTimeout(() => rejectHook(new Error('no webhook arrived')), ms);
            waiting.push((hook) => {
              if (!wanted(JSON.parse(hook.body))) return;
              clearTimeout(timer);
              resolveHook(hook);
            });
          }),
        close: () => server.close(),
      }),
    ),
  );
}

async function main() {
  say(`Live Agent support flow against ${process.env.LIVEAGENT_URL}`);
  say();
  const before = await client.getConversationCounts({ status: 'open' });
  say(`1. Open conversations: ${counts(before)}`);
  for await (const c of client.paginate('listConversations', { status: 'open', assignee_type: 'all' })) {
    say(`   #${c.id} ${c.meta.sender?.name ?? '?'}: ${c.status}, ${c.meta.assignee ? `assigned to ${c.meta.assignee.name}` : 'unassigned'}`);
  }

  const receiver = await webhookReceiver();
  const { payload: hook } = await client.createWebhook({ url: receiver.url, subscriptions: ['message_created'] });
  say(`2. Webhook #${hook.webhook.id} registered for message_created at ${receiver.url}`);

  const { payload: created } = await client.createContact({ name: 'Grace Hopper', email: `grace.${Date.now()}@example.com`, inbox_id: inboxId });
  say(`3. Contact #${created.contact.id} ${created.contact.name} <${created.contact.email}>`);

  const firstWords = 'Hello, my invoice shows the wrong amount.';
  const webhook = receiver.next((event) => event.event === 'message_created' && event.content === firstWords);
  const conversation = await client.createConversation({
    inbox_id: inboxId,
    contact_id: created.contact.id,
    source_id: created.contact_inbox.source_id,
    message: { content: firstWords },
  });
  say(`4. Conversation #${conversation.id} opened: "${firstWords}"`);

  const reply = await client.createMessage({ conversation_id: conversation.id, content: 'Sorry about that, Grace. Looking into it now.', message_type: 'outgoing' });
  const note = await client.createMessage({ conversation_id: conversation.id, content: 'Billing bug? Check invoice run of the 3rd.', private: true });
  say(`5. Reply #${reply.id} sent, private note #${note.id} added`);

  const agent = (await client.listAgents()).find((a) => a.role === 'agent') ?? fail('no agent in this account');
  const team = (await client.listTeams())[0] ?? fail('no team in this account');
  await client.assignConversation({ conversation_id: conversation.id, assignee_id: agent.id });
  await client.assignConversation({ conversation_id: conversation.id, team_id: team.id });
  say(`6. Assigned to ${agent.name} and team ${team.name}`);

  const { payload: labels } = await client.addConversationLabels({ conversation_id: conversation.id, labels: ['billing', 'invoice'] });
  say(`7. Labels: ${labels.join(', ')}`);

  const during = await client.getConversationCounts({ status: 'open' });
  say(`8. Open conversations now: ${counts(during)}`);

  const { payload: resolved } = await client.toggleConversationStatus({ conversation_id: conversation.id, status: 'resolved' });
  const after = await client.getConversationCounts({ status: 'open' });
  say(`9. Conversation #${resolved.conversation_id} ${resolved.current_status}; open conversations: ${counts(after)}`);
  if (during.meta.all_count !== before.meta.all_count + 1 || after.meta.all_count !== before.meta.all_count) {
    fail('the open count did not go up by one and back');
  }

  // Checks X-Chatwoot-Signature under the webhook's secret and X-Chatwoot-Timestamp's age, then
  // parses the event (a LiveAgentError with code WEBHOOK if any of it fails).
  const received = await webhook;
  const event = await verifyWebhook(received.body, received.headers, hook.webhook.secret);
  say(`10. Webhook received: ${event.event} #${event.id} in conversation #${event.conversation.id}, "${event.content}"`);
  say(`    X-Chatwoot-Signature ${received.headers['x-chatwoot-signature'].slice(0, 23)}... verified with the webhook's secret`);

  await client.deleteWebhook({ webhook_id: hook.webhook.id });
  receiver.close();
  say();
  say('Done.');
}

main().catch((e) => {
  console.error(e instanceof LiveAgentError ? `${e.code}: ${e.message}` : e);
  process.exit(1);
});
