// Lenient about absence, in both packages: every fixture, with any one key removed or set to
// null, still parses (the key reads as null, and drift says so), except a record's `id` and the
// key that carries a listing's items, which fail with DECODE naming that key. Both packages
// must answer every mutation the same way. Bodies come from a `fetch` of the caller's own, so
// the real addon and the real wasm parse them without a server in between.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packages } from '../support/cross.js';

const fixturesDir = fileURLToPath(new URL('../../fixtures', import.meta.url));
// One list with the Rust test (crates/liveagent-core/tests/it/absence.rs).
const MAY_FAIL = new Set(JSON.parse(readFileSync(new URL('../../absence-keys.json', import.meta.url), 'utf8')).keys);

function fixtureFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return fixtureFiles(full);
    return entry.endsWith('.json') ? [full] : [];
  });
}

const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** The SDK's rendering of a path: `$.data.payload[0].id`, `$["odd key"]`. */
function render(steps) {
  return steps.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z0-9_]+$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('').replace(/^/, '$');
}

/** Each key once per distinct path (list indexes left out), at the first place it occurs. */
function keyPaths(value) {
  const seen = new Map();
  const walk = (node, steps) => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...steps, i]));
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const here = [...steps, key];
        const general = here.map((s) => (typeof s === 'number' ? '[]' : `.${s}`)).join('');
        if (!seen.has(general)) seen.set(general, here);
        walk(child, here);
      }
    }
  };
  walk(value, []);
  return [...seen.values()];
}

function mutate(body, steps, remove) {
  const copy = structuredClone(body);
  let node = copy;
  for (const step of steps.slice(0, -1)) node = node[step];
  const key = steps.at(-1);
  if (remove) delete node[key];
  else node[key] = null;
  return copy;
}

/** `$.payload[0].attribute_key` as steps: `['payload', 0, 'attribute_key']`. */
function parsePath(text) {
  return [...text.matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

function setAt(root, steps, value) {
  let node = root;
  steps.slice(0, -1).forEach((step, i) => {
    if (node[step] === null || typeof node[step] !== 'object') node[step] = typeof steps[i + 1] === 'number' ? [] : {};
    node = node[step];
  });
  node[steps.at(-1)] = value;
}

/** Params that build: filled in from the SDK's own BUILD errors, one param at a time. */
async function paramsFor(client, name) {
  const params = {};
  const tries = new Map();
  const candidates = [1, 'x', ['x'], [{}], {}, true];
  for (let round = 0; round < 60; round++) {
    try {
      await client.raw(name, params);
      return params;
    } catch (e) {
      if (e.code !== 'BUILD' || !e.path?.startsWith('$.')) return params; // it builds
      const n = tries.get(e.path) ?? 0;
      if (n >= candidates.length) throw new Error(`${name}: cannot fill ${e.path}: ${e.message}`);
      tries.set(e.path, n + 1);
      setAt(params, parsePath(e.path), structuredClone(candidates[n]));
    }
  }
  throw new Error(`${name}: params did not converge`);
}

test('no single absent or null key fails a lenient call, in both packages', async (t) => {
  const outcomes = {};
  for (const [pkg, sdk] of Object.entries(packages)) {
    let next = '{}';
    const clientFor = (credentials) =>
      new sdk.LiveAgentClient({
        baseUrl: 'https://liveagent.example.com',
        ...credentials,
        maxRetries: 0,
        fetch: async () => new Response(next, { status: 200, headers: { 'content-type': 'application/json' } }),
      });
    const clients = {
      user: clientFor({ token: 'secret-token', accountId: 1 }),
      platform: clientFor({ token: 'secret-token', tokenKind: 'platform' }),
      // A visitor with a session already, so that no call opens one.
      widget: clientFor({ websiteToken: 'website-token', widgetToken: 'session-token' }),
    };
    const clientOf = (file) => clients[path.relative(fixturesDir, file).split(path.sep)[0]] ?? clients.user;
    const results = [];
    // Response fixtures only: the webhook deliveries under events/ are parsed by webhooks.test.js.
    for (const file of fixtureFiles(fixturesDir).filter((f) => !path.relative(fixturesDir, f).startsWith('events')).sort()) {
      const name = camel(path.basename(file).split('.')[0]);
      const client = clientOf(file);
      const body = JSON.parse(readFileSync(file, 'utf8'));
      next = JSON.stringify(body);
      const params = await paramsFor(client, name);
      for (const steps of keyPaths(body)) {
        for (const remove of [true, false]) {
          next = JSON.stringify(mutate(body, steps, remove));
          const what = `${path.relative(fixturesDir, file)}: ${remove ? 'without' : 'null at'} ${render(steps)}`;
          try {
            const { data, drift } = await client.raw(name, params);
            assert.ok(data !== undefined && Array.isArray(drift), what);
            results.push(`${what}: ok, ${drift.length} drift`);
          } catch (e) {
            const allowed = e.code === 'DECODE' && MAY_FAIL.has(steps.at(-1)) && e.path === render(steps);
            results.push(`${what}: ${allowed ? 'refused' : 'FAILED'} ${e.code} ${e.path} ${e.message}`);
          }
        }
      }
    }
    outcomes[pkg] = results;
  }
  const refused = outcomes.napi.filter((r) => r.includes(': refused ')).length;
  t.diagnostic(`${outcomes.napi.length} mutations per package, ${refused} refused (ids and listing keys)`);
  const failed = outcomes.napi.filter((r) => r.includes(': FAILED '));
  assert.deepEqual(failed, [], 'calls that failed for one absent or null key');
  assert.ok(outcomes.napi.length > 1000, `only ${outcomes.napi.length} mutations`);
  assert.ok(outcomes.napi.some((r) => r.includes(': refused ')), 'a record without its id is refused');
  assert.deepEqual(outcomes.wasm, outcomes.napi, 'the packages answered a mutation differently');
});

test("older servers' fixtures parse in both packages, with drift", async () => {
  const olderDir = fileURLToPath(new URL('../../fixtures-older', import.meta.url));
  const outcomes = {};
  for (const [pkg, sdk] of Object.entries(packages)) {
    let next = '{}';
    const fetch = async () => new Response(next, { status: 200, headers: { 'content-type': 'application/json' } });
    const account = new sdk.LiveAgentClient({ baseUrl: 'https://liveagent.example.com', token: 'secret-token', accountId: 1, fetch });
    const visitor = new sdk.LiveAgentClient({ baseUrl: 'https://liveagent.example.com', websiteToken: 'website-token', fetch });
    outcomes[pkg] = [];
    for (const file of fixtureFiles(olderDir).sort()) {
      const name = camel(path.basename(file).split('.')[0]);
      const client = name.includes('Widget') ? visitor : account;
      next = readFileSync(file, 'utf8');
      const { drift } = await client.raw(name, await paramsFor(client, name));
      outcomes[pkg].push(`${path.relative(olderDir, file)}: ${drift.length} drift`);
    }
    // A server before Chatwoot 3.3 issues the session token at the top of the config.
    assert.equal(visitor.widgetToken, JSON.parse(readFileSync(path.join(olderDir, 'v3/create_widget_config.json'), 'utf8')).auth_token, pkg);
  }
  assert.ok(outcomes.napi.length >= 20, `only ${outcomes.napi.length} older fixtures`);
  assert.ok(outcomes.napi.some((line) => !line.endsWith(': 0 drift')), 'older servers lack fields: drift says so');
  assert.deepEqual(outcomes.wasm, outcomes.napi);
});
