// Type-checked by `tsc -p tests/js/types` (never run): the shipped declarations must accept what
// users write and reject what is wrong (each `@ts-expect-error` fails the check if it is not an
// error).
import init, { initSync, LiveAgentClient, LiveAgentError, parseWebhook, verifyWebhook, verifyWebhookRequest } from '@liveagent/wasm';
import type { Conversation, ConversationStatus, Message, ApiResponse, LiveAgentEvent, WebhookMessage } from '@liveagent/wasm';

export async function usage(bytes: Uint8Array): Promise<void> {
  await init();
  initSync({ module: bytes });
  const client = new LiveAgentClient({ baseUrl: 'https://liveagent-app.cognigy.ai', token: 't', accountId: 1, timeout: 10_000 });

  const counts = await client.getConversationCounts({ status: 'open' });
  const open: number = counts.meta.mine_count + counts.meta.unassigned_count;

  const conversation: Conversation = await client.getConversation({ conversation_id: 42 });
  const status: ConversationStatus = conversation.status;
  await client.toggleConversationStatus({ conversation_id: conversation.id, status: 'snoozed', snoozed_until: 1_800_000_000 });
  await client.createMessage({ conversation_id: 42, content: 'Hi', private: true }, { timeout: 5_000, maxRetries: 0 });
  await client.createMessage({ conversation_id: 42, attachments: [new File(['hi'], 'hi.txt', { type: 'text/plain' }), new ArrayBuffer(8)] });

  for await (const item of client.paginate('listConversations', { status: 'all' }, { maxItems: 100, deadline: 30_000 })) {
    const c: Conversation = item;
    void c.meta.sender;
  }
  for await (const item of client.paginate('listMessages', { conversation_id: 42 })) {
    const m: Message = item;
    void m.content;
  }

  const raw: ApiResponse<Conversation> = await client.raw('getConversation', { conversation_id: 42 }, { signal: AbortSignal.timeout(1_000) });
  const requestId: string | undefined = raw.headers['x-request-id'];

  try {
    await client.listAgents();
  } catch (e) {
    if (e instanceof LiveAgentError && e.code === 'API') {
      const retry: number | null | undefined = e.retryAfter;
      void [e.status, e.body, e.requestId, retry];
    }
  }

  // @ts-expect-error conversation_id is required
  await client.getConversation({});
  // @ts-expect-error status is one of the known statuses, not a number
  await client.getConversationCounts({ status: 5 });
  // @ts-expect-error listAgents does not page
  client.paginate('listAgents');
  // @ts-expect-error unknown option
  new LiveAgentClient({ baseUrl: 'x', tokne: 't' });

  void [open, status, requestId];
}

export async function webhooks(request: Request, bytes: Uint8Array, secret: string): Promise<void> {
  const event: LiveAgentEvent = await verifyWebhookRequest(request, secret, { now: 1_767_225_600, strict: true });
  // `event` narrows on `event`: a message has a sender, a typing event a user.
  switch (event.event) {
    case 'message_created':
    case 'message_updated': {
      const message: WebhookMessage = event;
      const content: string | null = message.content;
      const created: number = message.created_at;
      void [content, created, message.conversation.meta.sender.name];
      break;
    }
    case 'conversation_typing_on':
      void [event.user, event.is_private];
      break;
    case 'conversation_updated':
      void event.changed_attributes?.[0]?.['status']?.current_value;
      break;
    case undefined: {
      // Cognigy's CloudEvents typing feed: no `event`, a `type`.
      const subject: string = event.subject;
      void [event.type, subject, event.data.cognigy_session_id];
      break;
    }
  }
  await verifyWebhook(bytes, request.headers, secret);
  await verifyWebhook(await request.text(), { 'X-Chatwoot-Signature': 'sha256=...', 'X-Chatwoot-Timestamp': '1' }, secret, { tolerance: 60 });
  await parseWebhook(new ArrayBuffer(2), { strict: false });
  await parseWebhook(bytes.buffer);
  await parseWebhook(new DataView(bytes.buffer));
  try {
    await parseWebhook('{}');
  } catch (e) {
    if (e instanceof LiveAgentError && e.code === 'WEBHOOK') {
      const path: string | null = e.path;
      void [e.kind, path, e.drift];
    }
  }
  // @ts-expect-error the body must be raw bytes or text, not a parsed object
  await verifyWebhook({ event: 'message_created' }, request.headers, secret);
  // @ts-expect-error the secret is a string
  await verifyWebhook(bytes, request.headers, undefined);
  // @ts-expect-error unknown option
  await verifyWebhook(bytes, request.headers, secret, { tolerence: 60 });
  if (event.event === 'message_created') {
    // @ts-expect-error a message event has no `user`
    void event.user;
  }
}

export async function odata(): Promise<void> {
  const admin = new LiveAgentClient({ baseUrl: 'https://liveagent-trial.cognigy.ai', token: 't', odataVersion: 'v2.0' });
  for await (const c of admin.paginate('queryOdataConversations', {
    filter: { and: [{ ge: ['created_at', { datetime: '2026-01-01T00:00:00Z' }] }, { in: ['status', [0, 1]] }, { not: { contains: ['uuid', "it's"] } }] },
    select: ['id', 'ended_at'],
    orderby: ['id desc'],
    top: 500,
  })) {
    const ended: number | null = c.ended_at;
    void ended;
  }
  const page = await admin.queryOdataTeams({ expand: ['members'] });
  void page.value[0]?.members;
  // @ts-expect-error no such operator
  await admin.queryOdataUsers({ filter: { like: ['name', 'x'] } });
  // @ts-expect-error a comparison takes [field, value]
  await admin.queryOdataUsers({ filter: { eq: ['name'] } });
  // @ts-expect-error not a version of the service
  new LiveAgentClient({ baseUrl: 'https://x.example', odataVersion: 'v3.0' });
}
