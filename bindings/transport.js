// The wasm package's transport (copied to pkg/ by scripts/build-wasm): each call is an
// `Exchange` of the wasm module (the core's call machine), driven here over `fetch`. The core
// builds the request and decides, after every attempt, whether to retry, when, and what the
// result or the error is; this file only sends, waits and reads. It adds `call` to the module's
// `Backend`, the method client.js uses.

/**
 * `Backend` with `call(index, params, options, signal, files)`: a Promise of the result's JSON
 * text, rejected with the error's fields as JSON text. `fetch` is the caller's, else the global.
 */
export function withTransport(Backend) {
  return class FetchBackend extends Backend {
    #fetch;

    constructor(options, fetch) {
      super(options);
      this.#fetch = fetch ?? null;
    }

    async call(index, params, options, signal, files) {
      const exchange = this.start(index, params, options, files ?? undefined, Math.random());
      try {
        return await drive(exchange, this.#fetch, signal ?? null);
      } finally {
        exchange.free();
      }
    }
  };
}

async function drive(exchange, fetch, signal) {
  // Nothing goes out before the caller's synchronous code has run: a signal aborted right
  // after the call started still sends nothing.
  await undefined;
  const body = exchange.body();
  const timeout = exchange.timeout();
  const stall = exchange.stall();
  for (;;) {
    // The last look at the signal before anything goes out: an aborted call sends nothing.
    if (signal?.aborted) throw exchange.aborted();
    const request = exchange.send(Date.now());
    const outcome = await attempt(request, body, fetch, signal, timeout, stall);
    if (outcome === ABORTED) throw exchange.aborted();
    const step = outcome.failure
      ? exchange.failure(outcome.failure, outcome.message ?? '', Date.now(), Math.random())
      : exchange.response(outcome.status, outcome.headers, outcome.bytes, Date.now(), Math.random());
    if (typeof step === 'string') return step;
    if (!(await sleep(step, signal))) throw exchange.aborted();
  }
}

const ABORTED = {};

/** One attempt, with its timeout, its stall guard and the caller's signal on one controller. */
async function attempt([method, url, ...flat], body, fetch, signal, timeout, stall) {
  let controller;
  try {
    controller = new AbortController();
  } catch {
    return { failure: 'connect', message: 'AbortController is not available' };
  }
  const headers = [];
  for (let i = 0; i < flat.length; i += 2) headers.push([flat[i], flat[i + 1]]);
  // Never follow a redirect: the token must not reach another host.
  const init = { method, headers, redirect: 'manual', signal: controller.signal };
  if (body !== undefined) init.body = body;
  let timedOut = false;
  let stalled = false;
  const onAbort = () => controller.abort();
  const timer = timeout === undefined ? undefined : setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  signal?.addEventListener('abort', onAbort);
  try {
    const response = await (fetch ? Promise.resolve(fetch.call(null, url, init)) : globalThis.fetch(url, init));
    const pairs = [];
    const received = response.headers;
    if (received != null && typeof received[Symbol.iterator] === 'function') {
      for (const [name, value] of received) pairs.push(text(name), text(value));
    }
    const onStall = () => {
      stalled = true;
      controller.abort();
    };
    const bytes = stall !== undefined && response.body
      ? await read(response.body, stall, onStall)
      // No guard, or a caller's Response-like object without a stream: read it whole, within
      // the attempt's timeout only.
      : new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: pairs, bytes };
  } catch (e) {
    if (signal?.aborted) return ABORTED;
    if (timedOut) return { failure: 'timeout' };
    if (stalled) return { failure: 'stalled' };
    // fetch cannot tell a refused connection from one broken after sending: assume the
    // request may have arrived, so only calls safe to repeat are retried.
    return { failure: 'after-send', message: message(e) };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function text(value) {
  return typeof value === 'string' ? value : '';
}

/** The body piece by piece; a read that brings nothing for `ms` calls `onStall`. */
async function read(stream, ms, onStall) {
  const reader = stream.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const timer = setTimeout(onStall, ms);
    let result;
    try {
      result = await reader.read();
    } finally {
      clearTimeout(timer);
    }
    if (result.done) break;
    chunks.push(result.value);
    length += result.value.length;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * A JS error's message, with its cause's when it has one (Node's `fetch failed` says why only
 * there: `connect ECONNREFUSED ...`).
 */
function message(e) {
  const own = textOf(e) ?? 'fetch failed';
  const cause = isObject(e) ? textOf(property(e, 'cause')) : undefined;
  return cause ? `${own} (${cause})` : own;
}

function textOf(value) {
  const text = isObject(value) ? property(value, 'message') : undefined;
  if (typeof text === 'string') return text;
  return typeof value === 'string' ? value : undefined;
}

function isObject(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

/** `value[key]`, or `undefined` where reading it throws. */
function property(value, key) {
  try {
    return value[key];
  } catch {
    return undefined;
  }
}

/** Waits `ms`; `false` if the caller aborted meanwhile (the timer is then cleared). */
function sleep(ms, signal) {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (finished) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(finished);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', onAbort);
  });
}
