// @liveagent/node: loads the native addon built for this platform and builds LiveAgentClient
// from the shared JS layer (client.js, the same file the wasm package ships). Requests run in
// Rust, on napi's tokio runtime, off the event loop. Where no addon loads (no prebuilt one for
// this platform, or one this system cannot load), the client is @liveagent/wasm's, the same
// client over the same Rust core in WebAssembly, and one warning says why.
import { createRequire } from 'node:module';
import { bind, webhooks, LiveAgentError as NativeError } from './client.js';

// `__filename` where a bundler made this file CommonJS (esbuild's default for Node), which
// leaves `import.meta` empty; the platform package is then found from the bundle's directory.
const require = createRequire(import.meta.url ?? __filename);

/** `linux-x64-gnu`, `darwin-arm64`, `win32-x64-msvc`, ...: napi-rs's platform package names. */
function platform() {
  const { platform: os, arch } = process;
  if (os === 'linux') {
    const glibc = process.report?.getReport?.().header?.glibcVersionRuntime;
    return `linux-${arch}-${glibc ? 'gnu' : 'musl'}`;
  }
  return os === 'win32' ? `win32-${arch}-msvc` : `${os}-${arch}`;
}

/** The addon, or why there is none: `{ addon }` or `{ reason }`. */
function loadAddon() {
  // LIVEAGENT_NODE_ADDON names the file to load instead (an addon built by hand).
  const given = process.env.LIVEAGENT_NODE_ADDON;
  const key = platform();
  // Next to this file (a local build), in the platform folder of this repository, or the
  // platform package npm installed.
  const candidates = given ? [given] : [`./liveagent.${key}.node`, `./${key}/liveagent.${key}.node`, `@liveagent/node-${key}`];
  const failed = [];
  for (const candidate of candidates) {
    try {
      return { addon: require(candidate) };
    } catch (e) {
      // Not there: try the next. There but unloadable (a glibc too old, a file cut short): say so.
      if (e.code !== 'MODULE_NOT_FOUND') failed.push(`${candidate} did not load (${e.message.split('\n')[0]})`);
    }
  }
  if (failed.length) return { reason: `the addon ${failed.join('; ')}` };
  return { reason: `no addon for ${key} (looked for ${candidates.join(', ')})` };
}

const { addon, reason } = loadAddon();
let lastCall = 0;

/** Hands a JS `fetch` to Rust: Rust sends through `send` and, on a timeout or abort, `cancel`s. */
function fetchBridge(userFetch) {
  const controllers = new Map();
  return {
    async send(id, method, url, headers, body) {
      const controller = new AbortController();
      controllers.set(id, controller);
      try {
        const response = await userFetch(url, { method, headers: JSON.parse(headers), body: body ?? undefined, redirect: 'manual', signal: controller.signal });
        return { status: response.status, headers: [...response.headers], body: Buffer.from(await response.arrayBuffer()) };
      } catch (e) {
        const cause = e?.cause?.message;
        throw new Error(cause ? `${e.message} (${cause})` : String(e?.message ?? e));
      } finally {
        controllers.delete(id);
      }
    },
    cancel(id) {
      controllers.get(id)?.abort();
    },
  };
}

/** The backend interface of client.js over the addon; `signal` becomes `abort(id)`. */
class Backend {
  #native;

  constructor(options, fetch) {
    const bridge = fetch ? fetchBridge(fetch) : null;
    this.#native = new addon.NativeBackend(options, bridge?.send ?? null, bridge?.cancel ?? null);
  }

  async call(index, params, options, signal, files) {
    // Start where the wasm package starts: after the caller's synchronous code, so that
    // `const p = client.x(..., { signal }); controller.abort();` sends nothing in both.
    await null;
    lastCall = (lastCall + 1) >>> 0;
    const id = lastCall;
    // An aborted signal is handed to Rust with the call, which then sends nothing; looking at
    // it after the call started would race the request out on napi's threads.
    // napi takes a Buffer: one over the same memory, no copy.
    const fileArgs = files?.map(([name, type, bytes]) => ({ name, type, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
    const settled = this.#native.call(id, index, params, options, signal?.aborted ?? false, fileArgs ?? null);
    if (!signal || signal.aborted) return settled;
    const abort = () => this.#native.abort(id);
    signal.addEventListener('abort', abort, { once: true });
    return settled.finally(() => signal.removeEventListener('abort', abort));
  }

  pager(index, params, maxItems) {
    return this.#native.pager(index, params, maxItems ?? undefined);
  }

  needsSession(index, now) {
    return this.#native.needsSession(index, now);
  }

  widgetToken() {
    return this.#native.widgetToken();
  }

  setWidgetToken(token) {
    this.#native.setWidgetToken(token);
  }
}

/** The wasm package's client, saying once why it stands in for the addon. */
function wasmEngine() {
  let wasm;
  try {
    // require() of an ES module, as `engines` allows: synchronous, so that this module needs
    // no top-level await and require() still loads it. Its `node` entry is ready on import.
    wasm = require('@liveagent/wasm');
  } catch (e) {
    throw new Error(`@liveagent/node: ${reason}, and @liveagent/wasm, which stands in for it, did not load: ${e.message}`, { cause: e });
  }
  process.emitWarning(`${reason}: using @liveagent/wasm instead, the same client (it parses on the main thread)`, {
    type: 'LiveAgentWarning',
    code: 'LIVEAGENT_WASM_FALLBACK',
  });
  return wasm;
}

const chosen = addon
  ? {
      LiveAgentClient: bind({ Backend, CableMachine: addon.CableMachine, endpointNames: addon.endpointNames }),
      LiveAgentError: NativeError,
      ...webhooks({ verifyWebhook: addon.verifyWebhook, parseWebhook: addon.parseWebhook }),
    }
  : wasmEngine();

/** Which engine runs the client: `addon` (napi, off the event loop) or `wasm` (the fallback). */
export const engine = addon ? 'addon' : 'wasm';
export const { LiveAgentClient, LiveAgentError, verifyWebhook, verifyWebhookRequest, parseWebhook } = chosen;
