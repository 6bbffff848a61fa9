// Whole calls against the emulator (LIVEAGENT_EMULATOR_INFO): a page of 25 conversations,
// fetched by plain `fetch` + `JSON.parse` (what users write today), by @liveagent/node and by
// @liveagent/wasm; one at a time and 16 at once. Prints the time per call and how busy the
// event loop was (event-loop utilization: the share of the time the JS thread was working).
import { performance } from 'node:perf_hooks';
import * as napi from '@liveagent/node';
import * as wasm from '@liveagent/wasm';

const info = JSON.parse(process.env.LIVEAGENT_EMULATOR_INFO);
const options = { baseUrl: info.base_url, token: info.tokens.admin, accountId: info.account_id };

// A busier account: 40 more conversations with a few messages each.
const seeder = new napi.LiveAgentClient(options);
for (let i = 0; i < 40; i += 1) {
  const { payload } = await seeder.createContact({ name: `Customer ${i}`, inbox_id: info.inbox_id });
  const c = await seeder.createConversation({ inbox_id: info.inbox_id, contact_id: payload.contact.id, source_id: payload.contact_inbox.source_id, message: { content: `Question ${i}` } });
  await seeder.createMessage({ conversation_id: c.id, content: `Answer ${i}`, message_type: 'outgoing' });
}

const url = `${info.base_url}/api/v1/accounts/${info.account_id}/conversations?status=all&page=1`;
const ways = {
  'fetch + JSON.parse': async () => {
    const response = await fetch(url, { headers: { api_access_token: options.token, accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  },
  '@liveagent/node': (() => {
    const client = new napi.LiveAgentClient(options);
    return () => client.listConversations({ status: 'all', page: 1 });
  })(),
  '@liveagent/wasm': (() => {
    const client = new wasm.LiveAgentClient(options);
    return () => client.listConversations({ status: 'all', page: 1 });
  })(),
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
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - start;
  return { perCall: ms / total, elu: performance.eventLoopUtilization(elu).utilization };
}

const rows = [];
for (const [concurrency, total] of [[1, 300], [16, 1200]]) {
  for (const [name, call] of Object.entries(ways)) await run(call, 50, concurrency); // warm up
  for (let round = 0; round < 2; round += 1) {
    for (const [name, call] of Object.entries(ways)) {
      const r = await run(call, total, concurrency);
      if (round === 1) rows.push({ way: name, concurrency, calls: total, 'ms per call': r.perCall.toFixed(3), 'event loop busy': `${(r.elu * 100).toFixed(0)}%` });
    }
  }
}
console.log(`body of one page: ${(JSON.stringify(await ways['fetch + JSON.parse']()).length / 1024).toFixed(1)} KiB`);
console.table(rows);
