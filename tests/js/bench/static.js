// Whole calls against a plain static server (not the emulator): a page of 25 real-shaped
// conversations (bench/page.js) served from its own process on loopback, fetched by plain
// `fetch` + `JSON.parse` (what users write today), by @liveagent/node, by @liveagent/wasm and by
// @figuro/chatwoot-sdk 1.1.17 (the Node-only client users have today; a dependency of this bench
// only). Modes alternate within each round, 3 rounds, medians printed, one at a time and 16 at
// once. Per call: process CPU (user + system, every thread of this process), main-thread time
// (event-loop utilization × wall time / calls) and throughput, with ratios to fetch + JSON.parse.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import * as napi from '@liveagent/node';
import * as wasm from '@liveagent/wasm';
import { conversationPage } from './page.js';

const body = JSON.stringify(conversationPage(25));
const file = path.join(mkdtempSync(path.join(tmpdir(), 'liveagent-bench-')), 'page.json');
writeFileSync(file, body);

// The server runs in a child process, so that its CPU is not counted as ours.
const server = spawn(process.execPath, ['-e', `
  const body = require('node:fs').readFileSync(${JSON.stringify(file)});
  require('node:http').createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });
`], { stdio: ['ignore', 'pipe', 'inherit'] });
const [portLine] = await once(server.stdout, 'data');
const baseUrl = `http://127.0.0.1:${String(portLine).trim()}`;
process.on('exit', () => server.kill());

const token = 'bench-token';
const options = { baseUrl, token, accountId: 1 };
const url = `${baseUrl}/api/v1/accounts/1/conversations?status=all&page=1`;
const require = createRequire(new URL('./', import.meta.url));
let figuro = null;
try {
  const ChatwootClient = require('@figuro/chatwoot-sdk').default;
  const client = new ChatwootClient({ config: { basePath: baseUrl, with_credentials: false, credentials: 'include', token } });
  figuro = () => client.conversations.list({ accountId: 1, status: 'all', page: 1 });
} catch (e) {
  console.log(`@figuro/chatwoot-sdk not installed (npm ci --prefix tests/js/bench): ${e.message}`);
}

const napiClient = new napi.LiveAgentClient(options);
const wasmClient = new wasm.LiveAgentClient(options);
const ways = {
  'fetch + JSON.parse': async () => {
    const response = await fetch(url, { headers: { api_access_token: token, accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  },
  '@liveagent/node': () => napiClient.listConversations({ status: 'all', page: 1 }),
  '@liveagent/wasm': () => wasmClient.listConversations({ status: 'all', page: 1 }),
  ...(figuro ? { '@figuro/chatwoot-sdk': figuro } : {}),
};

async function run(call, total, concurrency) {
  let left = total;
  const worker = async () => {
    while (left > 0) {
      left -= 1;
      const page = await call();
      if (page.data.payload.length !== 25) throw new Error('short page');
    }
  };
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const busy = performance.eventLoopUtilization(elu).utilization;
  return {
    cpu: (used.user + used.system) / total, // µs per call
    main: (busy * ms * 1000) / total, // µs per call
    throughput: total / (ms / 1000), // calls per second
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ROUNDS = 3;
console.log(`page: 25 conversations, ${(body.length / 1024).toFixed(1)} KiB, served by a static loopback server`);
for (const [concurrency, total] of [[1, 300], [16, 1200]]) {
  for (const call of Object.values(ways)) await run(call, 100, concurrency); // warm up
  const samples = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, call] of Object.entries(ways)) samples[name].push(await run(call, total, concurrency));
  }
  const pick = (name, key) => median(samples[name].map((s) => s[key]));
  const base = (key) => pick('fetch + JSON.parse', key);
  const rows = Object.keys(ways).map((name) => ({
    way: name,
    'CPU µs/call': pick(name, 'cpu').toFixed(0),
    'CPU ×fetch': (pick(name, 'cpu') / base('cpu')).toFixed(2),
    'main-thread µs/call': pick(name, 'main').toFixed(0),
    'main ×fetch': (pick(name, 'main') / base('main')).toFixed(2),
    'calls/s': pick(name, 'throughput').toFixed(0),
    'throughput ×fetch': (pick(name, 'throughput') / base('throughput')).toFixed(2),
    ...(figuro ? { 'CPU ×figuro': (pick(name, 'cpu') / pick('@figuro/chatwoot-sdk', 'cpu')).toFixed(2) } : {}),
  }));
  console.log(`\nconcurrency ${concurrency}, ${total} calls per mode per round, medians of ${ROUNDS} alternating rounds`);
  console.table(rows);
}
server.kill();
