// The widget API through both packages: a visitor's session opens once however many calls start
// together (counted over many rounds), a kept token resumes the same visitor, the identity hash is
// checked, and napi and wasm send and return the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startEmulator } from '../support/emulator.js';
import { packages, sameOnBoth, outcome } from '../support/cross.js';

let emulator;
before(async () => (emulator = await startEmulator()));
after(() => emulator.stop());

const widgetOptions = () => ({ token: undefined, accountId: undefined, websiteToken: emulator.web_widget.website_token });
const hash = (identifier) => createHmac('sha256', emulator.web_widget.hmac_token).update(identifier).digest('hex');
const opened = (requests) => requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/widget/config').length;

test('a visitor chats and identifies, the same through napi and wasm', async () => {
  const { result, requests } = await sameOnBoth(
    emulator,
    async ({ client, sdk }) => {
      // One at a time: requests that race would reach the server in either order.
      const campaigns = await client.listWidgetCampaigns();
      const conversation = await client.getWidgetConversation();
      const contact = await client.getWidgetContact();
      const sent = await client.createWidgetMessage({ message: { content: "Hi, it's me" } });
      const listed = await client.listWidgetMessages();
      const current = await client.getWidgetConversation();
      const wrongHash = await outcome(client.setWidgetUser({ identifier: 'user-77', identifier_hash: hash('someone-else') }), sdk);
      const user = await client.setWidgetUser({ identifier: 'user-77', identifier_hash: hash('user-77'), email: 'seventy@example.com' });
      const after = await client.getWidgetContact();
      return {
        before: conversation.id,
        contactIsNumber: Number.isInteger(contact.id),
        campaigns: campaigns.length,
        sent: [sent.content, sent.message_type, sent.conversation_id === current.id, current.status],
        incoming: listed.payload.filter((m) => m.message_type === 'incoming').map((m) => m.content),
        wrongHash: [wrongHash.error?.code, wrongHash.error?.status, wrongHash.error?.serverMessage],
        user: [user.has_email, after.identifier],
        hasToken: typeof client.widgetToken === 'string',
      };
    },
    { clientOptions: widgetOptions(), token: null },
  );
  assert.deepEqual(result, {
    before: null,
    contactIsNumber: true,
    campaigns: 1,
    sent: ["Hi, it's me", 'incoming', true, 'open'],
    incoming: ["Hi, it's me"],
    wrongHash: ['API', 401, 'HMAC failed: Invalid Identifier Hash Provided'],
    user: [true, 'user-77'],
    hasToken: true,
  });
  assert.equal(opened(requests), 1, 'one session for the whole visit');
  for (const r of requests) {
    assert.equal(new URLSearchParams(r.query).get('website_token'), emulator.web_widget.website_token, `${r.method} ${r.path}`);
    if (r.path !== '/api/v1/widget/config' && r.path !== '/api/v1/widget/campaigns') assert.equal(r.headers['x-auth-token'], '[redacted]', `${r.method} ${r.path}`);
  }
});

test('calls that start together open one session: counted over 40 fresh visitors a package', async () => {
  for (const [name, sdk] of Object.entries(packages)) {
    await emulator.reset({ seed: 7, clock: 1_767_225_600 });
    const ROUNDS = 40;
    const contacts = new Set();
    for (let i = 0; i < ROUNDS; i++) {
      const client = new sdk.LiveAgentClient({ baseUrl: emulator.base_url, ...widgetOptions() });
      const [a, b] = await Promise.all([client.getWidgetContact(), client.getWidgetContact(), client.getWidgetConversation(), client.listWidgetMessages()]);
      assert.equal(a.id, b.id, `${name}: calls of one client saw two visitors`);
      contacts.add(a.id);
    }
    const log = await emulator.requests();
    assert.equal(opened(log), ROUNDS, `${name}: sessions opened for ${ROUNDS} visitors`);
    assert.equal(contacts.size, ROUNDS, `${name}: every fresh client is a new visitor`);
  }
});

test('a kept token resumes the visitor; forgetting it starts a new one', async () => {
  for (const [name, sdk] of Object.entries(packages)) {
    // The emulator's own clock: a kept token is checked against the client's, and one issued at
    // a fixed date in the past would read as expired.
    await emulator.reset({ seed: 7 });
    const first = new sdk.LiveAgentClient({ baseUrl: emulator.base_url, ...widgetOptions() });
    assert.equal(first.widgetToken, null);
    await first.createWidgetMessage({ message: { content: 'remember me' } });
    const kept = first.widgetToken;
    const again = new sdk.LiveAgentClient({ baseUrl: emulator.base_url, ...widgetOptions(), widgetToken: kept });
    const [one, two] = await Promise.all([first.getWidgetConversation(), again.getWidgetConversation()]);
    assert.equal(two.id, one.id, `${name}: the resumed visitor sees the same conversation`);
    assert.equal(opened(await emulator.requests()), 1, `${name}: resuming opens no session`);
    again.setWidgetToken(null);
    const fresh = await again.getWidgetConversation();
    assert.equal(fresh.id, null, `${name}: a forgotten visitor has no conversation`);
    assert.notEqual(again.widgetToken, kept);
    assert.throws(() => again.setWidgetToken('bad\r\ntoken'), (e) => e.code === 'BUILD' && e.kind === 'config' && !e.message.includes('bad'));
    const account = new sdk.LiveAgentClient({ baseUrl: emulator.base_url, token: emulator.tokens.admin });
    assert.throws(() => account.setWidgetToken('t'), (e) => e.code === 'BUILD' && e.kind === 'config');
    const refused = await outcome(account.getWidgetContact(), sdk);
    assert.equal(refused.error.code, 'BUILD', `${name}: a user token is no widget credential`);
    assert.equal(refused.error.kind, 'credentials');
  }
});

test('a kept token that expired opens a new session before the first call', async () => {
  const b64 = (text) => Buffer.from(text).toString('base64url');
  const expired = `${b64('{"alg":"HS256"}')}.${b64('{"source_id":"gone","inbox_id":1,"exp":1700000000,"iat":1684000000}')}.c2ln`;
  for (const [name, sdk] of Object.entries(packages)) {
    await emulator.reset({ seed: 7, clock: 1_767_225_600 });
    const client = new sdk.LiveAgentClient({ baseUrl: emulator.base_url, ...widgetOptions(), widgetToken: expired });
    const [a, b] = await Promise.all([client.getWidgetContact(), client.getWidgetConversation()]);
    assert.ok(Number.isInteger(a.id), `${name}: the call succeeded as a new visitor`);
    assert.equal(b.id, null);
    assert.notEqual(client.widgetToken, expired, `${name}: the client holds the new token`);
    assert.equal(opened(await emulator.requests()), 1, `${name}: one session opened`);
  }
});
