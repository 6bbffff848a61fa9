// Live updates through both packages: client.events() over a WebSocket (the ws package: Node
// 20 has no global one) against the emulator's /cable. Events arrive for actions taken through
// the API; a socket the emulator drops is reopened and events resume; aborting the signal ends
// the iteration and closes the socket; a rejected token throws. Waiting is by counting sockets
// and events, never by timing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { startEmulator } from '../support/emulator.js';
import { packages } from '../support/cross.js';

let emulator;
before(async () => (emulator = await startEmulator()));
after(() => emulator.stop());

/** Waits until the emulator holds `n` subscribed sockets. */
async function sockets(n) {
  for (let i = 0; i < 600; i += 1) {
    if ((await emulator.control('GET', 'cable')).sockets === n) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`the emulator never held ${n} socket(s)`);
}

/** The content of the next message.created event. */
async function nextMessage(iterator) {
  for (;;) {
    const { value, done } = await iterator.next();
    assert.equal(done, false, 'the iteration ended');
    if (value.event === 'message.created') return value.data.content;
  }
}

for (const [name, sdk] of Object.entries(packages)) {
  test(`${name}: events arrive, survive a dropped socket, and stop on abort`, async () => {
    await emulator.reset({ seed: 7, clock: 1_767_225_600 });
    const client = new sdk.LiveAgentClient({ baseUrl: emulator.base_url, token: emulator.tokens.admin, accountId: emulator.account_id });
    const me = await client.getProfile();
    const controller = new AbortController();
    const events = client.events({ pubsubToken: me.pubsub_token, accountId: emulator.account_id, userId: me.id, strict: true, WebSocket, signal: controller.signal });
    const first = nextMessage(events);
    await sockets(1);
    await client.createMessage({ conversation_id: 1, content: 'live one' });
    assert.equal(await first, 'live one');

    assert.equal((await emulator.control('POST', 'cable/drop')).dropped, 1);
    await sockets(0);
    await sockets(1);
    const second = nextMessage(events);
    await client.createMessage({ conversation_id: 1, content: 'after the drop' });
    assert.equal(await second, 'after the drop');

    const ended = events.next();
    controller.abort();
    assert.deepEqual(await ended, { value: undefined, done: true });
    await sockets(0);
  });

  test(`${name}: a rejected token throws an API error and closes the socket`, async () => {
    const client = new sdk.LiveAgentClient({ baseUrl: emulator.base_url, token: emulator.tokens.admin, accountId: emulator.account_id });
    const events = client.events({ pubsubToken: 'not-a-token', accountId: 1, userId: 1, WebSocket });
    await assert.rejects(events.next(), (e) => e instanceof sdk.LiveAgentError && e.code === 'API' && e.status === 401);
    await sockets(0);
    await assert.rejects(
      client.events({ WebSocket }).next(),
      (e) => e instanceof sdk.LiveAgentError && e.code === 'BUILD' && /pubsubToken/.test(e.message),
    );
  });
}
