// The README's Node quick start, run as users run it (a module, configured by the environment)
// against the emulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LiveAgentClient } from '@liveagent/node';
import { startEmulator } from './support/emulator.js';
import { quickstart } from './support/readme.js';

const script = fileURLToPath(new URL('./.node-quickstart.mjs', import.meta.url));
let emulator;
before(async () => {
  emulator = await startEmulator();
  writeFileSync(script, quickstart('node'));
});
after(() => {
  emulator.stop();
  rmSync(script, { force: true });
});

test('the Node quick start counts, labels the unassigned queue and handles a 404', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [script], {
    env: { ...process.env, LIVEAGENT_URL: emulator.base_url, LIVEAGENT_TOKEN: emulator.tokens.admin, LIVEAGENT_ACCOUNT_ID: String(emulator.account_id) },
  });
  const lines = stdout.trim().split('\n');
  assert.equal(lines[0], '1 open conversations wait for an agent');
  assert.equal(lines[1], '#1 labelled for triage');
  assert.match(lines[2], /^no conversation #999999 \(API 404, request [0-9a-f-]{36}\)$/);
  assert.equal(lines.length, 3);

  const client = new LiveAgentClient({ baseUrl: emulator.base_url, token: emulator.tokens.admin, accountId: emulator.account_id });
  assert.deepEqual((await client.listConversationLabels({ conversation_id: 1 })).payload, ['triage']);
});
