// @liveagent/node: loads the native addon built for this platform and builds LiveAgentClient
// from the shared JS layer (client.js, the same file the wasm package ships). Requests run in
// Rust, on napi's tokio runtime, off the event loop.
import { createRequire } from 'node:module';
import { bind, LiveAgentError } from './client.js';

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

function loadAddon() {
  const key = platform();
  const tried = [];
  // Next to this file (a local build), in the platform folder of this repository, or the
  // platform package npm installed.
  for (const candidate of [`./liveagent.${key}.node`, `./${key}/liveagent.${key}.node`, `@liveagent/node-${key}`]) {
    try {
      return require(candidate);
    } catch (e) {
      if (e.code !== 'MODULE_NOT_FOUND') throw e;
      tried.push(candidate);
    }
  }
  throw new Error(`@liveagent/node: no native addon for ${key} (looked for ${tried.join(', ')})`);
}

const addon = loadAddon();
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

  async call(index, params, options, signal) {
    // Start where the wasm package starts: after the caller's synchronous code, so that
    // `const p = client.x(..., { signal }); controller.abort();` sends nothing in both.
    await null;
    lastCall = (lastCall + 1) >>> 0;
    const id = lastCall;
    // An aborted signal is handed to Rust with the call, which then sends nothing; looking at
    // it after the call started would race the request out on napi's threads.
    const settled = this.#native.call(id, index, params, options, signal?.aborted ?? false);
    if (!signal || signal.aborted) return settled;
    const abort = () => this.#native.abort(id);
    signal.addEventListener('abort', abort, { once: true });
    return settled.finally(() => signal.removeEventListener('abort', abort));
  }

  pager(index, params, maxItems) {
    return this.#native.pager(index, params, maxItems ?? undefined);
  }
}

export const LiveAgentClient = bind({ Backend, endpointNames: addon.endpointNames });
export { LiveAgentError };
