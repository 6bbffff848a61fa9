// @liveagent/wasm for browsers and Workers: initialize once (`await init()` in a browser,
// `initSync({ module })` in a Worker), then use `LiveAgentClient`. `init()` fetches the module
// from `new URL('./liveagent_wasm_bg.wasm', import.meta.url)`, which Vite, webpack and Parcel
// follow (they emit the file and rewrite the URL) and browsers resolve next to this file.
import { initializers } from './wasm.js';
import { fetchModule } from './loader.js';

const INSTEAD = 'Import @liveagent/wasm/inline, which carries the module, or pass where you serve it: init({ module_or_path: url })';

const { init, initSync } = initializers(() => fetchModule(() => new URL('./liveagent_wasm_bg.wasm', import.meta.url), '@liveagent/wasm', INSTEAD), null);
export { LiveAgentClient, LiveAgentError, verifyWebhook, verifyWebhookRequest, parseWebhook } from './wasm.js';
export { initSync };
export default init;
