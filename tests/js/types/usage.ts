// Type-checked by `tsc -p tests/js/types` (never run): the shipped declarations must accept what
// users write and reject what is wrong (each `@ts-expect-error` fails the check if it is not an
// error).
import init, { initSync, LiveAgentClient, LiveAgentError } from '@liveagent/wasm';
import type { Conversation, ConversationStatus, Message, ApiResponse } from '@liveagent/wasm';

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
