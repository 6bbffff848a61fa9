// How a parsed body should cross from Rust to JS: as JSON text handed to `JSON.parse` (what both
// packages do), or as objects built on the Rust side (serde-wasm-bindgen in wasm, napi's serde
// support in the addon). Both variants parse the same body with serde_json first, so the
// difference is the crossing. Run by `scripts/bench`, which builds the bench-only entry points.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const wasm = require(process.env.BENCH_WASM);
const napi = require(process.env.BENCH_NAPI);

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/conversations/list_conversations.json', import.meta.url), 'utf8'));
const conversation = fixture.data.payload[0];
const page = (n) => JSON.stringify({ data: { meta: fixture.data.meta, payload: Array.from({ length: n }, (_, i) => ({ ...conversation, id: i + 1 })) } });
const bodies = { 'one conversation': JSON.stringify(conversation), 'page of 25': page(25), 'page of 250': page(250) };

/** Median time per call in microseconds over 7 rounds of calls taking about 100 ms each. */
function time(fn) {
  for (let i = 0; i < 50; i += 1) fn();
  let n = 1;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) fn();
    if (Number(process.hrtime.bigint() - start) > 20e6) break;
    n *= 2;
  }
  n *= 5;
  const rounds = [];
  for (let r = 0; r < 7; r += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1) fn();
    rounds.push(Number(process.hrtime.bigint() - start) / 1e3 / n);
  }
  return rounds.sort((a, b) => a - b)[3];
}

const rows = [];
for (const [name, body] of Object.entries(bodies)) {
  const expected = JSON.parse(body);
  for (const [binding, m] of [['wasm', { text: wasm.benchToText, objects: wasm.benchToObjects }], ['napi', { text: napi.benchToText, objects: napi.benchToObjects }]]) {
    const viaText = () => JSON.parse(m.text(body));
    const viaObjects = () => m.objects(body);
    assert.deepEqual(viaText(), expected, `${binding}: the text path changed the value`);
    assert.deepEqual(viaObjects(), expected, `${binding}: the object path changed the value`);
    const [t, o] = [time(viaText), time(viaObjects)];
    rows.push({ body: `${name} (${(body.length / 1024).toFixed(1)} KiB)`, binding, 'JSON text + JSON.parse (µs)': t.toFixed(1), 'objects from Rust (µs)': o.toFixed(1), 'objects / text': (o / t).toFixed(2) });
  }
  rows.push({ body: `${name}`, binding: 'plain JSON.parse', 'JSON text + JSON.parse (µs)': time(() => JSON.parse(body)).toFixed(1) });
}
console.table(rows);
