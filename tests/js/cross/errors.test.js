// Errors: the same LiveAgentError, field for field, from both packages: API errors in each of
// the server's shapes, build errors (nothing sent), decode errors and strict-mode drift.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../support/emulator.js';
import { sameOnBoth, outcome } from '../support/cross.js';

let emulator;
before(async () => (emulator = await startEmulator()));
after(() => emulator.stop());

test('API errors: 404, 401, 422 with attributes, and the bot allow-list', async () => {
  const { result } = await sameOnBoth(emulator, async ({ client, sdk }) => ({
    missing: await outcome(client.getConversation({ conversation_id: 9999 }), sdk),
    invalid: await outcome(client.createAgent({ email: 'not-an-email', name: 'X' }), sdk),
  }));
  assert.deepEqual(
    { ...result.missing.error, requestId: typeof result.missing.error.requestId },
    {
      code: 'API',
      endpoint: 'GET /api/v1/accounts/{account_id}/conversations/{conversation_id}',
      status: 404,
      serverMessage: 'Resource could not be found',
      attributes: [],
      body: '{"error":"Resource could not be found"}',
      requestId: 'string',
      retryAfter: null,
      message: 'API error 404 on GET /api/v1/accounts/{account_id}/conversations/{conversation_id}: Resource could not be found',
      name: 'LiveAgentError',
      isError: true,
      isLiveAgentError: true,
    },
  );
  assert.equal(result.invalid.error.status, 422);
  assert.deepEqual(result.invalid.error.attributes, ['email']);

  const stranger = await sameOnBoth(emulator, async ({ client, sdk }) => outcome(client.listAgents(), sdk), { clientOptions: { token: 'not-a-token' } });
  assert.equal(stranger.result.error.status, 401);
  assert.doesNotMatch(JSON.stringify(stranger.result), /not-a-token/);

  // Declared as a bot token, the SDK refuses a user-only endpoint itself; sent anyway (declared
  // as a user token), the server refuses it.
  const bot = await sameOnBoth(emulator, async ({ client, sdk }) => outcome(client.listAgents(), sdk), { token: 'bot', clientOptions: { tokenKind: 'bot' } });
  assert.deepEqual([bot.result.error.code, bot.result.error.kind, bot.requests.length], ['BUILD', 'credentials', 0]);
  const undeclared = await sameOnBoth(emulator, async ({ client, sdk }) => outcome(client.listAgents(), sdk), { token: 'bot' });
  assert.equal(undeclared.result.error.status, 401);
  assert.equal(undeclared.result.error.serverMessage, 'Access to this endpoint is not authorized for bots');
});

test('build errors: caught before sending, with the JSON path of the bad input', async () => {
  const { result, requests } = await sameOnBoth(emulator, async ({ client, sdk }) => ({
    missing: await outcome(client.getConversation({}), sdk),
    unknown: await outcome(client.listConversations({ stauts: 'open' }), sdk),
    mistyped: await outcome(client.getConversation({ conversation_id: 'one' }), sdk),
    badEnum: await outcome(client.addConversationLabels({ conversation_id: 1, labels: 'vip' }), sdk),
    notAnObject: await outcome(client.listAgents([1]), sdk),
    noEndpoint: await outcome(client.raw('listEverything'), sdk),
    badOption: await outcome(client.listAgents({}, { timeout: -1 }), sdk),
    badSignal: await outcome(client.listAgents({}, { signal: {} }), sdk),
    badOptions: await outcome(client.listAgents({}, 5), sdk),
    badClient: await outcome((async () => new sdk.LiveAgentClient({ baseUrl: 'ftp://x' }))(), sdk),
    unknownClientOption: await outcome((async () => new sdk.LiveAgentClient({ baseUrl: 'https://x.example', tokne: 't' }))(), sdk),
    badFetch: await outcome((async () => new sdk.LiveAgentClient({ baseUrl: 'https://x.example', fetch: 'proxy' }))(), sdk),
  }));
  assert.deepEqual(requests, []);
  assert.deepEqual(
    Object.fromEntries(Object.entries(result).map(([k, v]) => [k, [v.error.code, v.error.kind, v.error.path]])),
    {
      missing: ['BUILD', 'missing_param', '$.conversation_id'],
      unknown: ['BUILD', 'unknown_param', '$.stauts'],
      mistyped: ['BUILD', 'invalid_param', '$.conversation_id'],
      badEnum: ['BUILD', 'invalid_param', '$.labels'],
      notAnObject: ['BUILD', 'invalid_param', '$'],
      noEndpoint: ['BUILD', 'unknown_endpoint', null],
      badOption: ['BUILD', 'config', null],
      badSignal: ['BUILD', 'config', null],
      badOptions: ['BUILD', 'config', null],
      badClient: ['BUILD', 'config', null],
      unknownClientOption: ['BUILD', 'config', null],
      badFetch: ['BUILD', 'config', null],
    },
  );
});

test('decode errors keep the body; strict mode turns drift into an error', async () => {
  const { result } = await sameOnBoth(emulator, async ({ sdk, emulator }) => {
    await emulator.fault({ method: 'GET', path: '/api/v1/accounts/*/teams', kind: 'status', status: 200, body: '{"not":"a list"}', times: 1 });
    await emulator.fault({ method: 'GET', path: '/api/v1/accounts/*/labels', kind: 'status', status: 200, body: '{"payload":[{"id":"7","title":"vip","color":"#fff","description":null,"show_on_sidebar":true,"extra":1}]}', times: 2 });
    const options = { baseUrl: emulator.base_url, token: emulator.tokens.admin, accountId: 1 };
    const lenient = new sdk.LiveAgentClient(options);
    const strict = new sdk.LiveAgentClient({ ...options, strict: true });
    const raw = await outcome(lenient.raw('listLabels'), sdk);
    // The two packages run a moment apart: the server's clock header may differ by a second.
    delete raw.value?.headers.date;
    return {
      notAList: await outcome(lenient.listTeams(), sdk),
      lenient: raw,
      strict: await outcome(strict.listLabels(), sdk),
    };
  });
  assert.equal(result.notAList.error.code, 'DECODE');
  assert.equal(result.notAList.error.body, '{"not":"a list"}');
  assert.equal(result.lenient.value.data.payload[0].id, 7);
  assert.deepEqual(result.lenient.value.drift.length, 2);
  assert.equal(result.strict.error.code, 'DECODE');
  assert.deepEqual(result.strict.error.drift, result.lenient.value.drift);
});
