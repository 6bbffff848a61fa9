// @liveagent/wasm for browsers and Workers: initialize once (`await init()` in a browser,
// `initSync({ module })` in a Worker), then use `LiveAgentClient`. The class and its methods come
// from the shared JS layer (client.js) over the wasm backend; every request is built, retried and
// parsed in Rust.
import init, { initSync, Backend, endpointNames } from './liveagent_wasm.js';
import { bind, LiveAgentError } from './client.js';

export const LiveAgentClient = bind({
  Backend,
  endpointNames() {
    try {
      return endpointNames();
    } catch {
      throw new Error('the wasm module is not initialized: call `await init()` (or `initSync({ module })`) first');
    }
  },
});
export { LiveAgentError, initSync };
export default init;
