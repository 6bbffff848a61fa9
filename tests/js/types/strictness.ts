// Type-checked by `tsc -p tests/js/types` (never run), under `exactOptionalPropertyTypes`: the
// declarations are as tight as the runtime. Every `@ts-expect-error` line fails the check if it
// compiles, so a declaration that gets loose again is caught.
import { LiveAgentClient, LiveAgentError } from '@liveagent/wasm';
import type { Assignee, ConversationStatus, ErrorCode, KnownConversationStatus, MessageSender } from '@liveagent/wasm';

declare const client: LiveAgentClient;
declare const maybeToken: string | undefined;
declare const maybePage: number | undefined;

/** LiveAgentError is a union discriminated on `code`. */
export function narrowing(e: unknown): string {
  if (!(e instanceof LiveAgentError)) return 'not ours';
  if (e.status === 404) {
    // A status narrows to the codes that have one.
    const code: 'API' | 'DECODE' = e.code;
    void code;
  }
  switch (e.code) {
    case 'API': {
      const status: number = e.status;
      const body: string = e.body;
      const retryAfter: number | null = e.retryAfter;
      const attributes: string[] = e.attributes;
      return `${status} ${body} ${retryAfter} ${attributes.length} ${e.requestId ?? ''} ${e.serverMessage ?? ''}`;
    }
    case 'DECODE':
      return `${e.status} ${e.path} ${e.drift.length}`;
    case 'BUILD':
      return `${e.kind} ${e.path ?? ''}`;
    case 'TIMEOUT': {
      const sent: boolean = e.sent;
      // @ts-expect-error a timeout has no HTTP status
      const status: number = e.status;
      return `${e.timeout} ${sent} ${status}`;
    }
    case 'ABORTED':
      return `${e.endpoint} ${e.sent}`;
    case 'TRANSPORT': {
      const phase: 'connect' | 'after_send' = e.phase;
      // @ts-expect-error a transport failure has no body
      e.body.length;
      return phase;
    }
    case 'WEBHOOK': {
      const kind: 'signature' | 'timestamp' | 'malformed' | (string & {}) = e.kind;
      // @ts-expect-error a refused delivery has no HTTP status
      const status: number = e.status;
      return `${kind} ${e.path ?? ''} ${e.drift.length} ${status}`;
    }
    case 'INTERNAL':
      return e.message;
    default: {
      // Every code is handled: nothing is left.
      const none: never = e;
      return none;
    }
  }
}

export function codes(e: LiveAgentError): void {
  const code: ErrorCode = e.code;
  // @ts-expect-error not a code
  void (code === 'NOT_A_CODE');
  // @ts-expect-error the fields are read-only
  e.status = 500;
}

/** Params enums are closed (a typo is an error); result enums are open (servers send more). */
export async function enums(): Promise<void> {
  await client.getConversationCounts({ status: 'all' });
  // @ts-expect-error a typo in a params enum
  await client.getConversationCounts({ status: 'opne' });
  // @ts-expect-error a typo in a params enum, in raw()
  await client.raw('listConversations', { status: 'opne' });
  // @ts-expect-error a typo in a params enum, in paginate()
  client.paginate('listConversations', { sort_by: 'newest' });
  // @ts-expect-error a typo in a nested params object's enum
  await client.filterConversations({ payload: [{ attribute_key: 'status', filter_operator: 'equals', values: ['open'] }] });

  const conversation = await client.getConversation({ conversation_id: 1 });
  const status: ConversationStatus = conversation.status;
  const newer: ConversationStatus = 'escalated';
  // @ts-expect-error a result may hold a value this version does not know
  const known: KnownConversationStatus = conversation.status;
  void [status, newer, known];
}

/** raw() and paginate() take the endpoint's params as its method does: required where it requires any. */
export async function requiredParams(): Promise<void> {
  await client.raw('listAgents');
  await client.raw('getConversation', { conversation_id: 1 }, { timeout: 1_000 });
  client.paginate('listConversations');
  client.paginate('listMessages', { conversation_id: 1 }, { maxItems: 10 });
  // @ts-expect-error getConversation needs conversation_id
  await client.raw('getConversation');
  // @ts-expect-error getConversation needs conversation_id
  await client.raw('getConversation', {});
  // @ts-expect-error listMessages needs conversation_id
  client.paginate('listMessages');
  // @ts-expect-error listMessages needs conversation_id, whatever the options
  client.paginate('listMessages', undefined, { maxItems: 10 });
  // @ts-expect-error a platform account_id is not filled from the client's accountId
  await client.getPlatformAccount();
}

/** `exactOptionalPropertyTypes`: an optional option or param may be given as `undefined`. */
export async function optionalUndefined(): Promise<void> {
  const fromEnv = new LiveAgentClient({ baseUrl: 'https://liveagent-app.cognigy.ai', token: maybeToken, accountId: undefined });
  await fromEnv.listConversations({ page: maybePage, status: undefined }, { signal: undefined, timeout: maybePage });
  // @ts-expect-error baseUrl is required
  new LiveAgentClient({ baseUrl: undefined });
  // @ts-expect-error a required param cannot be undefined
  await fromEnv.getConversation({ conversation_id: undefined });
}

/** Union tags are literals: a sender narrows on its `type`, an assignee on `meta.assignee_type`. */
export async function unionTags(): Promise<string[]> {
  const out: string[] = [];
  for await (const message of client.paginate('listMessages', { conversation_id: 1 })) {
    const sender: MessageSender | null = message.sender;
    if (sender?.type === 'contact') {
      // Only a contact has a phone number.
      out.push(sender.phone_number ?? '');
    } else if (sender?.type === 'user') {
      // @ts-expect-error an agent has no phone number
      out.push(sender.phone_number);
      out.push(sender.available_name);
    }
    // @ts-expect-error no sender kind is spelled so
    if (sender?.type === 'contcat') out.push('never');
  }
  const { meta } = await client.getConversation({ conversation_id: 1 });
  if (meta.assignee_type === 'User') {
    // An agent, never null: the tag says which.
    const email: string = meta.assignee.email;
    out.push(email);
  } else if (meta.assignee_type === 'AgentBot') {
    out.push(meta.assignee.bot_type);
    // @ts-expect-error an agent bot has no email
    out.push(meta.assignee.email);
  } else {
    // No tag (an older server): either kind, or none.
    const either: Assignee | null = meta.assignee;
    const none: null = meta.assignee_type;
    void [either, none];
  }
  // @ts-expect-error no assignee kind is spelled so
  if (meta.assignee_type === 'Users') out.push('never');
  return out;
}
