// The JavaScript face of the SDK, shared unchanged by the wasm package (pkg/) and the Node
// package (npm/). It holds no endpoint: the methods come from the backend's endpoint table,
// which is the Rust table, in its order. Requests are built, retried, timed out and parsed in
// Rust; this file converts values and errors.

/** Every error the client throws; `code` says which phase failed. */
export class LiveAgentError extends Error {
  constructor(fields) {
    super(fields.message);
    for (const [key, value] of Object.entries(fields)) {
      if (key !== 'message') this[key] = value;
    }
    this.name = 'LiveAgentError';
  }
}

/** Turns what a backend rejected with (JSON text, or an Error carrying it) into a LiveAgentError. */
function toError(thrown) {
  const text = typeof thrown === 'string' ? thrown : thrown && typeof thrown.message === 'string' ? thrown.message : '';
  if (text.startsWith('{')) {
    try {
      return new LiveAgentError(JSON.parse(text));
    } catch {
      // not ours: fall through
    }
  }
  if (thrown instanceof LiveAgentError) return thrown;
  return new LiveAgentError({ code: 'INTERNAL', message: `liveagent: ${text || String(thrown)}` });
}

function buildError(message) {
  return new LiveAgentError({ code: 'BUILD', kind: 'invalid_param', path: '$', message: `invalid request: ${message}` });
}

/** JSON text of the caller's params (`undefined` fields are left out, `Date`s become ISO strings). */
function paramsJson(params) {
  if (params === undefined || params === null) return '{}';
  if (typeof params !== 'object' || Array.isArray(params)) throw buildError('params must be an object');
  try {
    return JSON.stringify(params);
  } catch (e) {
    throw buildError(`params do not serialize to JSON: ${e.message}`);
  }
}

/** Whether `value` is file content: a `Blob` or `File`, an `ArrayBuffer`, or a typed array (a Node `Buffer`). */
function isFile(value) {
  if (ArrayBuffer.isView(value)) return true;
  const tag = Object.prototype.toString.call(value);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]' || (typeof Blob === 'function' && value instanceof Blob);
}

/** A plain object or array, which may hold files deeper down (a `Date` or a class instance does not). */
function isContainer(value) {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The params with each file swapped for `{ $file: n }`, copying only the objects on the way to
 * one, and the files in marker order (see `fileTriple`): the bytes travel beside the JSON, never
 * inside it. Params without files come back as they are.
 */
function splitFiles(params) {
  const found = [];
  const walk = (value) => {
    if (isFile(value)) {
      found.push(value);
      return { $file: found.length - 1 };
    }
    if (!isContainer(value)) return value;
    let copy = null;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === null || typeof item !== 'object') continue;
      const swapped = walk(item);
      if (swapped !== item) {
        copy ??= Array.isArray(value) ? value.slice() : { ...value };
        copy[key] = swapped;
      }
    }
    return copy ?? value;
  };
  if (!isContainer(params)) return { params, files: null };
  const swapped = walk(params);
  return found.length === 0 ? { params, files: null } : { params: swapped, files: found };
}

/** A file as the backends take it: `[name, type, Uint8Array]` (a Blob is read here). */
async function fileTriple(file) {
  if (ArrayBuffer.isView(file)) return ['', '', new Uint8Array(file.buffer, file.byteOffset, file.byteLength)];
  if (typeof Blob === 'function' && file instanceof Blob) {
    return [typeof file.name === 'string' ? file.name : '', file.type, new Uint8Array(await file.arrayBuffer())];
  }
  return ['', '', new Uint8Array(file)];
}

function configError(message) {
  return new LiveAgentError({ code: 'BUILD', kind: 'config', path: null, message: `invalid request: ${message}` });
}

/** Per-call options: everything but `signal` as JSON for the core, and the checked `signal`. */
function requestOptions(options, raw) {
  if (options === undefined || options === null) return { json: JSON.stringify({ raw }), signal: null };
  if (typeof options !== 'object' || Array.isArray(options)) throw configError('request options must be an object');
  const { signal, ...rest } = options;
  if (signal !== undefined && signal !== null && (typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function')) {
    throw configError('signal must be an AbortSignal');
  }
  return { json: JSON.stringify({ ...rest, raw }), signal: signal ?? null };
}

const BACKEND = Symbol('backend');
const OPENING = Symbol('opening');
const BASE_URL = Symbol('baseUrl');
const SEND = Symbol('send');

/**
 * Makes the client class over a binding: `{ Backend, endpointNames }`. A backend is built from
 * the options as JSON (plus an optional `fetch`), and offers
 * `call(index, paramsJson, optionsJson, signal, files) → Promise<string>` (`files`: `null`, or
 * `[name, type, Uint8Array]` for each `{ $file: n }` marker in the params) and
 * `pager(index, paramsJson, maxItems) → { next(): string | null, advance(pageJson): string }`.
 */
export function bind(binding) {
  let names = null;
  const indexOf = new Map();

  class LiveAgentClient {
    constructor(options) {
      if (options === null || typeof options !== 'object') throw configError('client options must be an object');
      const { fetch, ...rest } = options;
      if (fetch !== undefined && fetch !== null && typeof fetch !== 'function') throw configError('fetch must be a function');
      try {
        if (names === null) install();
        this[BACKEND] = new binding.Backend(JSON.stringify(rest), fetch ?? null);
        this[BASE_URL] = rest.baseUrl;
      } catch (e) {
        throw toError(e);
      }
    }

    async [SEND](index, params, options, raw) {
      const { json, signal } = requestOptions(options, raw);
      if (this[BACKEND].needsSession(index, Date.now())) await this.openWidgetSession();
      const split = splitFiles(params);
      const files = split.files && (await Promise.all(split.files.map(fileTriple)));
      let text;
      try {
        text = await this[BACKEND].call(index, paramsJson(split.params), json, signal, files);
      } catch (e) {
        throw toError(e);
      }
      return JSON.parse(text);
    }

    /**
     * Opens the widget visitor's session (`createWidgetConfig`), or renews a held one (a fresh
     * token for the same visitor), unless one is opening. Calls that need a session and hold
     * none (or an expired one) do this first, once however many start together.
     */
    async openWidgetSession() {
      this[OPENING] ??= this[SEND](lookup('createWidgetConfig'), {}, undefined, false)
        .then(() => undefined)
        .finally(() => {
          this[OPENING] = null;
        });
      return this[OPENING];
    }

    /** The widget visitor's session token (keep it to resume the visit), or `null`. */
    get widgetToken() {
      return this[BACKEND].widgetToken() ?? null;
    }

    /** Resumes a widget visitor's session with a kept token; `null` forgets the visitor. */
    setWidgetToken(token) {
      if (token !== null && typeof token !== 'string') throw configError('the widget token must be a string or null');
      try {
        this[BACKEND].setWidgetToken(token ?? undefined);
      } catch (e) {
        throw toError(e);
      }
    }

    /** Calls an endpoint by name; resolves with status, headers, raw body, data and drift. */
    async raw(name, params, options) {
      return this[SEND](lookup(name), params, options, true);
    }

    /** Every item of a listing, fetching pages as they are consumed; `maxItems` stops early. */
    async *paginate(name, params, options) {
      const index = lookup(name);
      const { maxItems, ...callOptions } = options ?? {};
      if (maxItems !== undefined && maxItems !== null && !(Number.isInteger(maxItems) && maxItems >= 0)) {
        throw configError('maxItems must be a non-negative integer');
      }
      let pager;
      try {
        pager = this[BACKEND].pager(index, paramsJson(params), maxItems ?? null);
      } catch (e) {
        throw toError(e);
      }
      if (this[BACKEND].needsSession(index, Date.now())) await this.openWidgetSession();
      for (;;) {
        const next = pager.next();
        if (next === null || next === undefined) return;
        const { json, signal } = requestOptions(callOptions, false);
        let page;
        try {
          page = await this[BACKEND].call(index, next, json, signal);
        } catch (e) {
          throw toError(e);
        }
        yield* JSON.parse(pager.advance(page));
      }
    }
  }

  /**
   * Live updates over the server's `/cable` (ActionCable): typed events as they happen, for a
   * user (`{ pubsubToken, accountId, userId }` from `getProfile()`) or a contact (`{
   * pubsubToken }`). Reconnects on its own; ends when `signal` aborts or `return()` is called,
   * and throws when the server rejects the subscription. `WebSocket` defaults to the global one
   * (browsers, Workers, Node 22+); pass one in Node 20 (the `ws` package).
   */
  LiveAgentClient.prototype.events = async function* events(options) {
    const { WebSocket: Socket = globalThis.WebSocket, signal, ...rest } = options ?? {};
    if (typeof Socket !== 'function') throw configError('events() needs a WebSocket: none is global here (Node 20: pass the ws package as the WebSocket option)');
    let machine;
    try {
      machine = new binding.CableMachine(this[BASE_URL], JSON.stringify(rest));
    } catch (e) {
      throw toError(e);
    }
    const url = machine.url();
    const queue = [];
    let wake = null;
    let socket = null;
    let timer = null;
    let done = false;
    let failure = null;
    const notify = () => wake?.();
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      machine.stop();
      socket?.close();
      socket = null;
      // The wasm object's memory (napi's is the garbage collector's); nothing calls it after this.
      machine.free?.();
      notify();
    };
    const run = (actions) => {
      for (const action of JSON.parse(actions)) {
        if ('send' in action) socket?.send(action.send);
        else if ('event' in action) queue.push({ event: action.event });
        else if ('error' in action) queue.push({ error: new LiveAgentError(action.error) });
        else if ('close' in action) socket?.close();
        else if ('reconnect' in action) {
          socket = null;
          clearTimeout(timer);
          timer = setTimeout(open, action.reconnect);
        } else if ('end' in action) {
          failure = new LiveAgentError(action.end);
          finish();
        }
      }
      if (queue.length) notify();
      if (done || !socket) return;
      clearTimeout(timer);
      const wait = machine.nextTick(Date.now());
      if (wait !== undefined && wait !== null) timer = setTimeout(() => run(machine.tick(Date.now())), wait);
    };
    const open = () => {
      if (done) return;
      let ws;
      try {
        ws = new Socket(url);
      } catch {
        run(machine.closed(Math.random()));
        return;
      }
      socket = ws;
      ws.onopen = () => socket === ws && run(machine.opened(Date.now()));
      ws.onmessage = (message) => socket === ws && run(machine.frame(String(message.data), Date.now()));
      ws.onclose = () => {
        if (socket !== ws || done) return;
        socket = null;
        run(machine.closed(Math.random()));
      };
      ws.onerror = () => {};
    };
    if (signal?.aborted) return;
    signal?.addEventListener('abort', finish, { once: true });
    open();
    try {
      for (;;) {
        if (queue.length) {
          const item = queue.shift();
          if (item.error) throw item.error;
          yield item.event;
        } else if (done) {
          if (failure) throw failure;
          return;
        } else {
          await new Promise((resolve) => (wake = resolve));
          wake = null;
        }
      }
    } finally {
      signal?.removeEventListener('abort', finish);
      finish();
    }
  };

  function lookup(name) {
    if (names === null) install();
    const index = indexOf.get(name);
    if (index === undefined) {
      throw new LiveAgentError({ code: 'BUILD', kind: 'unknown_endpoint', path: null, message: `invalid request: no endpoint ${JSON.stringify(name)}` });
    }
    return index;
  }

  /** Defines one method per row, once the binding is ready (wasm must be initialized first). */
  function install() {
    names = JSON.parse(binding.endpointNames());
    names.forEach((name, index) => {
      indexOf.set(name, index);
      Object.defineProperty(LiveAgentClient.prototype, name, {
        value: {
          [name](params, options) {
            return this[SEND](index, params, options, false);
          },
        }[name],
        writable: true,
        configurable: true,
      });
    });
  }

  return LiveAgentClient;
}

function webhookError(kind, message) {
  return new LiveAgentError({ code: 'WEBHOOK', kind, message: `webhook refused: ${message}`, path: '$', drift: [] });
}

/** The raw body as bytes: strings as UTF-8, any typed array or ArrayBuffer (of any realm) as it is. */
function bodyBytes(body) {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (ArrayBuffer.isView(body)) return body instanceof Uint8Array ? body : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const tag = Object.prototype.toString.call(body);
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') return new Uint8Array(body);
  const what = body === null || body === undefined ? String(body) : typeof body === 'object' ? 'a parsed object' : typeof body;
  throw webhookError(
    'malformed',
    `the body must be the raw bytes that were signed (a Uint8Array, Buffer, ArrayBuffer or string), not ${what}: read it raw (await request.arrayBuffer(), express.raw({ type: 'application/json' }))`,
  );
}

/** The request's `X-Chatwoot-*` headers as JSON `[name, value]` pairs, from a `Headers` (or Map) or a plain object. */
function headerPairs(headers) {
  if (headers === null || typeof headers !== 'object') throw configError('headers must be a Headers or an object of header values');
  const pairs = [];
  if (typeof headers.get === 'function' && typeof headers.forEach === 'function') {
    headers.forEach((value, name) => pairs.push([String(name), String(value)]));
  } else {
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined && value !== null) pairs.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
    }
  }
  return JSON.stringify(pairs.filter(([name]) => name.toLowerCase().startsWith('x-chatwoot-')));
}

function optionsObject(options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw configError('webhook options must be an object');
  return options;
}

/** `{ now, tolerance, strict }` as JSON; `now` from the clock unless given (epoch seconds or a Date). */
function verifyOptions(options) {
  const { now, ...rest } = optionsObject(options);
  const seconds = now === undefined || now === null ? Date.now() / 1000 : now instanceof Date ? now.getTime() / 1000 : now;
  return JSON.stringify({ ...rest, now: typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : null });
}

/**
 * The webhook functions over a binding's `verifyWebhook(bytes, headersJson, secret, optionsJson)`
 * and `parseWebhook(bytes, optionsJson)`, which return the event's JSON text: the same three
 * functions in both packages.
 */
export function webhooks(binding) {
  async function verifyWebhook(body, headers, secret, options) {
    if (typeof secret !== 'string') throw configError("secret must be a string: the webhook's, inbox's or agent bot's secret");
    const bytes = bodyBytes(body);
    const pairs = headerPairs(headers);
    let text;
    try {
      text = binding.verifyWebhook(bytes, pairs, secret, verifyOptions(options));
    } catch (e) {
      throw toError(e);
    }
    return JSON.parse(text);
  }

  async function verifyWebhookRequest(request, secret, options) {
    if (request === null || typeof request !== 'object' || typeof request.arrayBuffer !== 'function' || typeof request.headers !== 'object') {
      throw configError('request must be a Request');
    }
    if (request.bodyUsed) {
      throw webhookError('malformed', 'the request body was read already: verify first, or pass the bytes you read to verifyWebhook');
    }
    return verifyWebhook(await request.arrayBuffer(), request.headers, secret, options);
  }

  async function parseWebhook(body, options) {
    const bytes = bodyBytes(body);
    let text;
    try {
      text = binding.parseWebhook(bytes, JSON.stringify(optionsObject(options)));
    } catch (e) {
      throw toError(e);
    }
    return JSON.parse(text);
  }

  return { verifyWebhook, verifyWebhookRequest, parseWebhook };
}
