// Type-checked by `tsc -p tests/js/types/worker` (never run): the README's Worker quick start in
// a Cloudflare Workers project (@cloudflare/workers-types, no DOM lib).
import { initSync, LiveAgentClient } from '@liveagent/wasm';
import wasm from '@liveagent/wasm/liveagent_wasm_bg.wasm';

initSync({ module: wasm });

interface Env {
  LIVEAGENT_URL: string;
  LIVEAGENT_BOT_TOKEN: string;
}

interface MessageCreated {
  event: string;
  message_type: string;
  content: string;
  account: { id: number };
  conversation: { id: number };
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const event = await request.json<MessageCreated>();
    if (event.event !== 'message_created' || event.message_type !== 'incoming') {
      return new Response(null, { status: 204 });
    }
    const bot = new LiveAgentClient({ baseUrl: env.LIVEAGENT_URL, token: env.LIVEAGENT_BOT_TOKEN, tokenKind: 'bot' });
    const reply = await bot.createMessage({
      account_id: event.account.id,
      conversation_id: event.conversation.id,
      content: `You said: ${event.content}`,
    });
    return Response.json({ replied: reply.id });
  },
} satisfies ExportedHandler<Env>;
