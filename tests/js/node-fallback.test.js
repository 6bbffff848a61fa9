// @liveagent/node where no addon loads: a project that installed the package and its
// dependencies as npm does, run by a fresh node process with the addon made unloadable (a corrupt
// file, a missing one, or no platform package at all). It runs on @liveagent/wasm, says so in
// exactly one warning with the reason, and answers and sends exactly what the addon does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startEmulator } from './support/emulator.js';
import { requestsSent } from './support/cross.js';
import { installPackages, withDependencies } from './support/install.js';

// Outside this repository, so that no node_modules above a project resolves what it lacks.
const dir = `${mkdtempSync(path.join(tmpdir(), 'liveagent-fallback-'))}/`;
const full = `${dir}full`; // @liveagent/node, its platform package and @liveagent/wasm
const alone = `${dir}alone`; // `npm install @liveagent/node` where no platform package exists
const corrupt = `${dir}corrupt.node`;
let emulator, addonRun;

// Run as an ES module with the project as its directory, so that the imports resolve there.
const scenario = `
const warnings = [];
process.on('warning', (w) => warnings.push({ name: w.name, code: w.code, message: w.message }));
const sdk = await import('@liveagent/node');
const { base_url, tokens, account_id, inbox_id } = JSON.parse(process.env.EMULATOR);
const failure = (promise) => promise.then(
  () => null,
  (e) => ({ ...e, message: e.message, name: e.name, isLiveAgentError: e instanceof sdk.LiveAgentError }),
);
const result = [];
// Two clients: still one warning.
for (const token of [tokens.admin, tokens.agent]) {
  const client = new sdk.LiveAgentClient({ baseUrl: base_url, token, accountId: account_id });
  const { payload } = await client.createContact({ name: 'Ada Lovelace', email: \`ada\${result.length}@example.com\`, inbox_id });
  const conversation = await client.createConversation({ inbox_id, contact_id: payload.contact.id, source_id: payload.contact_inbox.source_id, message: { content: 'Hello' } });
  await client.createMessage({ conversation_id: conversation.id, content: 'Hi Ada', message_type: 'outgoing' });
  const messages = [];
  for await (const m of client.paginate('listMessages', { conversation_id: conversation.id })) messages.push(m);
  const raw = await client.raw('getConversation', { conversation_id: conversation.id });
  delete raw.headers.date;
  result.push({
    counts: await client.getConversationCounts({ status: 'open' }),
    agents: await client.listAgents(),
    payload, conversation, messages, raw,
    notFound: await failure(client.getConversation({ conversation_id: 999999 })),
    badParams: await failure(client.getConversation({})),
  });
}
await new Promise((resolve) => setImmediate(resolve));
console.log(JSON.stringify({ engine: sdk.engine, warnings, result }));
`;

/** Runs the scenario in `project` on a freshly seeded emulator: its output and the requests it sent. */
async function run(project, env = {}) {
  await emulator.reset({ seed: 7, clock: 1_767_225_600 });
  const { stdout } = await promisify(execFile)(process.execPath, ['--no-warnings', '--input-type=module', '-e', scenario], {
    cwd: project,
    env: { ...process.env, ...env, EMULATOR: JSON.stringify(emulator) },
  });
  return { ...JSON.parse(stdout), requests: await requestsSent(emulator) };
}

before(async () => {
  emulator = await startEmulator();
  installPackages(full);
  installPackages(alone, withDependencies('npm'));
  writeFileSync(corrupt, 'not a shared object\n');
  addonRun = await run(full);
});

after(() => {
  emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The fallback run said why, once, and answered and sent what the addon run did. */
function assertFallback(run, why) {
  assert.equal(run.engine, 'wasm');
  const ours = run.warnings.filter((w) => w.name === 'LiveAgentWarning' || w.code === 'LIVEAGENT_WASM_FALLBACK');
  assert.equal(ours.length, 1, JSON.stringify(run.warnings));
  assert.equal(ours[0].code, 'LIVEAGENT_WASM_FALLBACK');
  assert.match(ours[0].message, why);
  assert.match(ours[0].message, /using @liveagent\/wasm instead/);
  assert.deepEqual(run.result, addonRun.result, 'the wasm engine answered otherwise than the addon');
  assert.deepEqual(run.requests, addonRun.requests, 'the wasm engine sent otherwise than the addon');
}

test('with its addon, @liveagent/node runs on it and warns of nothing', () => {
  assert.equal(addonRun.engine, 'addon');
  assert.deepEqual(addonRun.warnings, []);
  const [first] = addonRun.result;
  assert.equal(first.notFound.code, 'API');
  assert.equal(first.notFound.status, 404);
  assert.equal(first.notFound.isLiveAgentError, true);
  assert.equal(first.badParams.code, 'BUILD');
  assert.deepEqual(first.messages.map((m) => m.content).filter(Boolean).sort(), ['Hello', 'Hi Ada']);
  assert.equal(addonRun.requests.length, 2 * 9);
});

test('a corrupt addon (LIVEAGENT_NODE_ADDON): the wasm engine, one warning with the loader error', async () => {
  assertFallback(await run(full, { LIVEAGENT_NODE_ADDON: corrupt }), /corrupt\.node did not load \(.*(invalid ELF header|file too short)/);
});

test('a missing addon (LIVEAGENT_NODE_ADDON): the wasm engine, one warning naming where it looked', async () => {
  assertFallback(await run(full, { LIVEAGENT_NODE_ADDON: `${dir}missing.node` }), /no addon for linux-x64-gnu \(looked for .*missing\.node\)/);
});

test('the main package alone (no platform package, as on a platform without one): the wasm engine', async () => {
  assert.deepEqual(withDependencies('npm'), ['npm', 'pkg']);
  assertFallback(await run(alone), /no addon for linux-x64-gnu \(looked for .*@liveagent\/node-linux-x64-gnu\)/);
  // require() loads it too.
  const { stdout } = await promisify(execFile)(process.execPath, ['--no-warnings', '-e', 'console.log(require("@liveagent/node").engine)'], { cwd: alone });
  assert.equal(stdout.trim(), 'wasm');
});

test('without its dependency @liveagent/wasm and without an addon, the import fails naming both', async () => {
  const bare = installPackages(`${dir}bare`, ['npm']);
  const failed = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', "await import('@liveagent/node')"], { cwd: bare }).catch((e) => e);
  assert.match(failed.stderr, /@liveagent\/node: no addon for linux-x64-gnu .*, and @liveagent\/wasm, which stands in for it, did not load/);
});
