// Type-checked by `tsc -p tests/js/types` (never run): the widget build's declarations accept a
// visitor's chat and reject what the build does not have.
import init, { LiveAgentClient } from '@liveagent/wasm/widget';
import type { WidgetConversation, WidgetMessage } from '@liveagent/wasm/widget';

export async function widget(kept: string | null): Promise<void> {
  await init();
  const client = new LiveAgentClient({ baseUrl: 'https://liveagent-app.cognigy.ai', websiteToken: 'wt', ...(kept ? { widgetToken: kept } : {}) });
  const config = await client.createWidgetConfig({ locale: 'de' });
  const pubsub: string = config.contact.pubsub_token;
  const conversation: WidgetConversation = await client.getWidgetConversation();
  const id: number | null = conversation.id;
  await client.createWidgetMessage({ message: { content: 'Hi', attachments: [new Blob(['x'], { type: 'text/plain' })] }, labels: ['billing'] });
  for await (const item of client.paginate('listWidgetMessages', { before: 100 })) {
    const m: WidgetMessage = item;
    void m.content;
  }
  const user = await client.setWidgetUser({ identifier: 'user-1', identifier_hash: 'abc' });
  const next: string | null = user.widget_auth_token;
  const token: string | null = client.widgetToken;
  client.setWidgetToken(null);
  await client.openWidgetSession();
  for await (const event of client.events({ pubsubToken: pubsub })) {
    void event.event;
  }
  // @ts-expect-error the widget build has no account API
  await client.listConversations();
  // @ts-expect-error nor webhook functions
  void (await import('@liveagent/wasm/widget')).verifyWebhook;
  void [id, next, token];
}
