// Type-checked by `tsc -p tests/js/types/worker` (never run): the README's Worker quick start in
// a Cloudflare Workers project (@cloudflare/workers-types, no DOM lib).
import { initSync, LiveAgentClient, LiveAgentError, verifyWebhookRequest } from '@liveagent/wasm';
import type { LiveAgentEvent } from '@liveagent/wasm';
import wasm from '@liveagent/wasm/liveagent_wasm_bg.wasm';

initSync({ module: wasm });

interface Env {
  LIVEAGENT_URL: string;
  LIVEAGENT_BOT_TOKEN: string;
  LIVEAGENT_WEBHOOK_SECRET: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    let event: LiveAgentEvent;
    try {
      event = await verifyWebhookRequest(request, env.LIVEAGENT_WEBHOOK_SECRET);
    } catch (e) {
      if (e instanceof LiveAgentError && e.code === 'WEBHOOK') return new Response(e.message, { status: 401 });
      throw e;
    }
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
