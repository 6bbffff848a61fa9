// The client over the wasm backend, shared by the entry points (index.js, inline.js, node.js),
// which differ only in where the module comes from. The class and its methods come from the
// shared JS layer (client.js); every request is built, retried and parsed in Rust, and every
// webhook verified and parsed there.
import wasmInit, { initSync as wasmInitSync, Backend, CableMachine, endpointNames, verifyWebhook as verify, parseWebhook as parse } from './liveagent_wasm.js';
import { bind, webhooks, LiveAgentError } from './client.js';

export const LiveAgentClient = bind({
  Backend,
  CableMachine,
  endpointNames() {
    try {
      return endpointNames();
    } catch {
      throw new Error('the wasm module is not initialized: call `await init()` (or `initSync({ module })`) first');
    }
  },
});
export { LiveAgentError };

let ready = null;
let instance = null;

function initialized(f) {
  return (...args) => {
    if (!instance) throw new Error('the wasm module is not initialized: call `await init()` (or `initSync({ module })`) first');
    return f(...args);
  };
}

export const { verifyWebhook, verifyWebhookRequest, parseWebhook } = webhooks({ verifyWebhook: initialized(verify), parseWebhook: initialized(parse) });

/** `input[key]` when `input` is the `{ [key]: ... }` form wasm-bindgen takes, else `input`. */
function unwrap(input, key) {
  return input !== null && typeof input === 'object' && Object.getPrototypeOf(input) === Object.prototype && key in input ? input[key] : input;
}

/**
 * `init` and `initSync` of an entry point. Without a module, `init` instantiates `source()`
 * (what `module_or_path` takes: a Response, bytes or a module, or a Promise of one) and
 * `initSync` instantiates `syncSource()` (bytes or a module; `null` where the entry has none).
 * Only the first call instantiates; later ones return the same instance.
 */
export function initializers(source, syncSource) {
  return {
    init(input) {
      ready ??= (async () => {
        const module = unwrap(input, 'module_or_path') ?? source();
        instance = await wasmInit({ module_or_path: module });
        return instance;
      })().catch((e) => {
        ready = null;
        throw e;
      });
      return ready;
    },
    initSync(input) {
      if (instance) return instance;
      const module = unwrap(input, 'module') ?? syncSource?.();
      if (module == null) throw new Error('initSync() needs the module: initSync({ module }) with its bytes or a WebAssembly.Module');
      instance = wasmInitSync({ module });
      ready ??= Promise.resolve(instance);
      return instance;
    },
  };
}
