// @liveagent/wasm/widget: the build for a chat widget in a web page. It holds the rows of the
// widget and public client APIs and live updates (`events()`), nothing for agents or servers, so
// it is a smaller download. Initialize once (`await init()`), then use `LiveAgentClient` with a
// `websiteToken`. `init()` fetches the module next to this file, as `@liveagent/wasm` does.
import wasmInit, { initSync as wasmInitSync, Backend, CableMachine, endpointNames } from './liveagent_wasm.js';
import { LiveAgentError } from '../client.js';
import { clientClass, fetchModule, loader } from '../loader.js';

export const LiveAgentClient = clientClass({ Backend, CableMachine, endpointNames });
export { LiveAgentError };

const INSTEAD = 'Pass where you serve it: init({ module_or_path: url })';

const { init, initSync } = loader(wasmInit, wasmInitSync).initializers(
  () => fetchModule(() => new URL('./liveagent_wasm_bg.wasm', import.meta.url), '@liveagent/wasm/widget', INSTEAD),
  null,
);
export { initSync };
export default init;
