// How an entry point instantiates its wasm module, once, from wherever the entry gets it: shared by
// the full package (wasm.js) and the widget build (widget/index.js), each over its own module.

import { bind } from './client.js';
import { withTransport } from './transport.js';

/** The client class over one wasm-bindgen module's exports. */
export function clientClass({ Backend, CableMachine, endpointNames }) {
  return bind({
    Backend: withTransport(Backend),
    CableMachine,
    endpointNames() {
      try {
        return endpointNames();
      } catch {
        throw new Error('the wasm module is not initialized: call `await init()` (or `initSync({ module })`) first');
      }
    },
  });
}

/** `input[key]` when `input` is the `{ [key]: ... }` form wasm-bindgen takes, else `input`. */
function unwrap(input, key) {
  return input !== null && typeof input === 'object' && Object.getPrototypeOf(input) === Object.prototype && key in input ? input[key] : input;
}

/**
 * The loader of one wasm-bindgen module (its default `init` and its `initSync`). `initializers`
 * makes an entry point's `init` and `initSync`: without a module, `init` instantiates `source()`
 * (what `module_or_path` takes: a Response, bytes or a module, or a Promise of one) and
 * `initSync` instantiates `syncSource()` (bytes or a module; `null` where the entry has none).
 * Only the first call instantiates; later ones return the same instance.
 */
export function loader(wasmInit, wasmInitSync) {
  let ready = null;
  let instance = null;
  return {
    isReady: () => instance !== null,
    initializers(source, syncSource) {
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
    },
  };
}

/**
 * Fetches the module at `url()` (the entry point's `new URL('./liveagent_wasm_bg.wasm',
 * import.meta.url)`, which bundlers follow), or explains what to do instead: `pkg` names the
 * entry, `instead` what else works where the file cannot be found.
 */
export async function fetchModule(url, pkg, instead) {
  const where = 'liveagent_wasm_bg.wasm';
  let found;
  try {
    found = url();
  } catch {
    throw new Error(`${pkg} cannot locate ${where}: import.meta.url is not available (a bundle that is not ESM). ${instead}`);
  }
  const response = await fetch(found);
  if (!response.ok) {
    throw new Error(`${pkg}: ${found} answered ${response.status}. A bundler that does not emit ${where} next to the bundle (esbuild): ${instead}`);
  }
  return response;
}
