// The client over the wasm backend, shared by the entry points (index.js, inline.js, node.js),
// which differ only in where the module comes from. The class and its methods come from the
// shared JS layer (client.js); every request is built, retried and parsed in Rust, and every
// webhook verified and parsed there.
import wasmInit, { initSync as wasmInitSync, Backend, CableMachine, endpointNames, verifyWebhook as verify, parseWebhook as parse } from './liveagent_wasm.js';
import { webhooks, LiveAgentError } from './client.js';
import { clientClass, loader } from './loader.js';

export const LiveAgentClient = clientClass({ Backend, CableMachine, endpointNames });
export { LiveAgentError };

const load = loader(wasmInit, wasmInitSync);

function initialized(f) {
  return (...args) => {
    if (!load.isReady()) throw new Error('the wasm module is not initialized: call `await init()` (or `initSync({ module })`) first');
    return f(...args);
  };
}

export const { verifyWebhook, verifyWebhookRequest, parseWebhook } = webhooks({ verifyWebhook: initialized(verify), parseWebhook: initialized(parse) });

/** `init` and `initSync` of an entry point (see `loader`). */
export const initializers = load.initializers;
