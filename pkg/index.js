// @liveagent/wasm for browsers and Workers: initialize once (`await init()` in a browser,
// `initSync({ module })` in a Worker), then use `LiveAgentClient`. `init()` fetches the module
// from `new URL('./liveagent_wasm_bg.wasm', import.meta.url)`, which Vite, webpack and Parcel
// follow (they emit the file and rewrite the URL) and browsers resolve next to this file.
import { initializers } from './wasm.js';

const WHERE = 'liveagent_wasm_bg.wasm';

async function fetchModule() {
  let url;
  try {
    url = new URL('./liveagent_wasm_bg.wasm', import.meta.url);
  } catch {
    throw new Error(`@liveagent/wasm cannot locate ${WHERE}: import.meta.url is not available (a bundle that is not ESM). Import @liveagent/wasm/inline, which carries the module, or pass its URL: init({ module_or_path: url })`);
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`@liveagent/wasm: ${url} answered ${response.status}. A bundler that does not emit ${WHERE} next to the bundle (esbuild) needs @liveagent/wasm/inline, which carries the module, or init({ module_or_path: url }) with where you serve it`);
  }
  return response;
}

const { init, initSync } = initializers(fetchModule, null);
export { LiveAgentClient, LiveAgentError, verifyWebhook, verifyWebhookRequest, parseWebhook } from './wasm.js';
export { initSync };
export default init;
