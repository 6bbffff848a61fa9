// CommonJS users: `require()` of both packages (ES modules, loaded by Node's require(esm)) works,
// with the same single copy of each package that `import` gets, and `engines` names exactly the
// Node versions where it works unflagged. (Both packages ship one ESM build, not a CommonJS twin:
// see npm/README.md.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { startEmulator } from './support/emulator.js';

const here = fileURLToPath(new URL('.', import.meta.url));
let emulator;
before(async () => (emulator = await startEmulator()));
after(() => emulator.stop());

// Run by `node -e` (a CommonJS script) from tests/js, where both packages are installed.
const script = `
const node = require('@liveagent/node');
const wasm = require('@liveagent/wasm');
(async () => {
  const out = [];
  for (const sdk of [node, wasm]) {
    const client = new sdk.LiveAgentClient({ baseUrl: process.env.LIVEAGENT_URL, token: process.env.LIVEAGENT_TOKEN, accountId: Number(process.env.LIVEAGENT_ACCOUNT_ID) });
    const { meta } = await client.getConversationCounts({ status: 'open' });
    const error = await client.getConversation({ conversation_id: 999999 }).catch((e) => e);
    out.push([meta.unassigned_count, error instanceof sdk.LiveAgentError, error.code, error.status]);
  }
  const imported = { node: await import('@liveagent/node'), wasm: await import('@liveagent/wasm') };
  out.push([imported.node.LiveAgentError === node.LiveAgentError, imported.wasm.LiveAgentClient === wasm.LiveAgentClient]);
  console.log(JSON.stringify(out));
})();
`;

test('require() of @liveagent/node and @liveagent/wasm: calls work, errors are LiveAgentErrors, one copy of each', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    cwd: here,
    env: { ...process.env, LIVEAGENT_URL: emulator.base_url, LIVEAGENT_TOKEN: emulator.tokens.admin, LIVEAGENT_ACCOUNT_ID: String(emulator.account_id) },
  });
  assert.deepEqual(JSON.parse(stdout), [
    [1, true, 'API', 404],
    [1, true, 'API', 404],
    [true, true],
  ]);
});

test('engines: Node 20.19+ on 20, 22.12+ from 22 (where require() of ES modules is unflagged), in every package', () => {
  const packages = ['../../pkg', '../../npm', '../../npm/linux-x64-gnu'];
  const ranges = packages.map((dir) => JSON.parse(readFileSync(new URL(`${dir}/package.json`, import.meta.url), 'utf8')).engines?.node);
  for (const [i, range] of ranges.entries()) {
    const where = `${packages[i]}/package.json engines.node (${range})`;
    for (const version of ['18.20.8', '20.18.3', '21.7.3', '22.11.0']) assert.ok(!semver.satisfies(version, range), `${where} admits ${version}`);
    for (const version of ['20.19.0', '22.12.0', '24.0.0', '26.0.0']) assert.ok(semver.satisfies(version, range), `${where} excludes ${version}`);
  }
  assert.ok(semver.satisfies(process.version, ranges[0]), `the tests run on Node ${process.version}, outside ${ranges[0]}`);
});
