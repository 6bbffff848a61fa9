// Type-checked by `tsc -p tests/js/types/node` (never run): both packages in a Node project,
// without the DOM lib, under `exactOptionalPropertyTypes`, as the README's Node quick start
// writes the client.
import { engine, LiveAgentClient, LiveAgentError, verifyWebhook } from '@liveagent/node';
import type { IncomingMessage } from 'node:http';
import type { WebSocketConstructor } from '@liveagent/node';
import * as wasm from '@liveagent/wasm';
import { readFileSync } from 'node:fs';

export async function quickstart(): Promise<void> {
  const client = new LiveAgentClient({
    baseUrl: process.env.LIVEAGENT_URL ?? 'http://127.0.0.1:3000',
    token: process.env.LIVEAGENT_TOKEN, // string | undefined
    accountId: Number(process.env.LIVEAGENT_ACCOUNT_ID),
  });
  const { meta } = await client.getConversationCounts({ status: 'open' });
  console.log(`${meta.unassigned_count} open conversations wait for an agent`);
  for await (const conversation of client.paginate('listConversations', { status: 'open', assignee_type: 'unassigned' })) {
    await client.addConversationLabels({ conversation_id: conversation.id, labels: ['triage'] });
  }
  try {
    await client.getConversation({ conversation_id: 999999 });
  } catch (e) {
    if (!(e instanceof LiveAgentError && e.status === 404)) throw e;
    const status: number = e.status;
    console.log(`no conversation #999999 (${e.code} ${status}, request ${e.requestId})`);
  }
}

export async function uploads(client: LiveAgentClient): Promise<void> {
  // A Buffer, a Blob from Node's globals, a File: each is a file param.
  const sent = await client.createMessage({ conversation_id: 1, attachments: [readFileSync('receipt.pdf'), new Blob(['a,b']), new File([], 'x.png')] });
  const url: string | null = sent.attachments[0]?.data_url ?? null;
  await client.importContacts({ import_file: readFileSync('contacts.csv') });
  // A stored file goes by its signed id (uploadFile's blob_id).
  await client.importContacts({ import_file: 'eyJfcmFpbHMiOnt9--signed' });
  // @ts-expect-error a file param takes bytes or a signed id, not a number
  await client.importContacts({ import_file: 42 });
  console.log(url, (await client.uploadFile({ attachment: new Uint8Array(4) })).file_url);
}

export async function live(client: LiveAgentClient, signal: AbortSignal, WebSocket: WebSocketConstructor): Promise<void> {
  const me = await client.getProfile();
  // Lenient results may hold null where an older server leaves a field out.
  if (!me.pubsub_token) return;
  for await (const event of client.events({ pubsubToken: me.pubsub_token, accountId: 1, userId: me.id, signal, WebSocket })) {
    if (event.event === 'message.created') {
      const content: string | null = event.data.content;
      console.log(content);
    }
    // @ts-expect-error events are told apart by their `event`
    if (event.event === 'message.deleted') break;
  }
  // @ts-expect-error a subscription needs its token
  client.events({ accountId: 1 });
}

export async function wasmInNode(): Promise<void> {
  // Under Node the module is ready on import; init and initSync still type-check.
  await wasm.default();
  wasm.initSync({ module: readFileSync('liveagent_wasm_bg.wasm') });
  const client = new wasm.LiveAgentClient({ baseUrl: 'http://127.0.0.1:3000', token: process.env.LIVEAGENT_TOKEN, fetch });
  await client.listAgents({}, { signal: AbortSignal.timeout(1_000), timeout: undefined });
}

/** Which engine runs the client: the addon, or the wasm package standing in for it. */
export function whichEngine(): 'addon' | 'wasm' {
  // @ts-expect-error no engine is spelled so
  void (engine === 'napi');
  return engine;
}

export async function webhookInNode(request: IncomingMessage, body: Buffer, secret: string): Promise<void> {
  // Node's request headers and raw Buffer body, as an http server or express.raw() hands them.
  const event = await verifyWebhook(body, request.headers, secret, { tolerance: 600 });
  if (event.event === 'conversation_status_changed') {
    const status: string = event.status;
    void status;
  }
  try {
    await wasm.verifyWebhook(body.toString('utf8'), request.headers, secret, { now: new Date() });
  } catch (e) {
    if (e instanceof wasm.LiveAgentError && e.code === 'WEBHOOK') {
      const kind: 'signature' | 'timestamp' | 'malformed' | (string & {}) = e.kind;
      void kind;
    }
  }
}
