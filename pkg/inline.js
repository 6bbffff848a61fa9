// @liveagent/wasm/inline: the same package with the module inside the JS (base64), for bundlers
// that do not copy assets (esbuild) and for Node. `await init()` or `initSync()` need no argument.
import base64 from './liveagent_wasm_inline.js';
import { initializers } from './wasm.js';

function bytes() {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

const { init, initSync } = initializers(bytes, bytes);
export { LiveAgentClient, LiveAgentError, verifyWebhook, verifyWebhookRequest, parseWebhook } from './wasm.js';
export { initSync };
export default init;
