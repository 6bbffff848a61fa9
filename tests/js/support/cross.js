// The cross-binding harness: one scenario, run against the Node package (napi) and the wasm
// package in Node, each time on the same emulator reset to the same seed and clock. What each
// run returned or threw and what reached the server must be identical.
import assert from 'node:assert/strict';
import * as napi from '@liveagent/node';
import * as wasm from '@liveagent/wasm';

export const packages = { napi, wasm };

/** Headers the HTTP stack adds on its own (undici and hyper differ); every other header is the SDK's. */
const TRANSPORT_HEADERS = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'accept-language', 'sec-fetch-mode']);

/** A thrown value as plain data: every own field, the message, the name and the class checks. */
export function errorData(error, sdk) {
  if (!(error instanceof Error)) return { thrown: error };
  return {
    ...Object.fromEntries(Object.entries(error)),
    message: error.message,
    name: error.name,
    isError: true,
    isLiveAgentError: error instanceof sdk.LiveAgentError,
  };
}

/** The scenario's result, or the error it threw, as data. */
export async function outcome(promise, sdk) {
  try {
    return { value: await promise };
  } catch (e) {
    return { error: errorData(e, sdk) };
  }
}

/** The request log once no request is still being answered (hang-ups take a moment to notice). */
async function settledLog(emulator) {
  for (let waited = 0; ; waited += 20) {
    const log = await emulator.requests();
    if (!log.some((r) => r.status === 'pending') || waited > 3000) return log;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What reached the server since the last reset, without the headers the HTTP stack adds. */
export async function requestsSent(emulator) {
  return wire(await settledLog(emulator));
}

function wire(log) {
  return log.map((r) => ({
    method: r.method,
    path: r.path,
    query: r.query,
    headers: Object.fromEntries(Object.entries(r.headers).filter(([name]) => !TRANSPORT_HEADERS.has(name))),
    body: r.body,
    status: r.status,
  }));
}

/**
 * Runs `scenario({ sdk, client, emulator })` once per package and asserts that both returned
 * the same value and sent the same requests. Returns the napi run's `{ result, requests }` for
 * the caller's own assertions about what happened.
 */
export async function sameOnBoth(emulator, scenario, { clientOptions = {}, token = 'admin' } = {}) {
  const runs = {};
  for (const [name, sdk] of Object.entries(packages)) {
    await emulator.reset({ seed: 7, clock: 1_767_225_600 });
    const client = new sdk.LiveAgentClient({
      baseUrl: emulator.base_url,
      token: token && emulator.tokens[token],
      accountId: emulator.account_id,
      ...clientOptions,
    });
    const result = await scenario({ sdk, client, emulator });
    runs[name] = { result, requests: await requestsSent(emulator) };
  }
  assert.deepEqual(runs.wasm.result, runs.napi.result, 'napi and wasm returned different results');
  assert.deepEqual(runs.wasm.requests, runs.napi.requests, 'napi and wasm sent different requests');
  return runs.napi;
}
