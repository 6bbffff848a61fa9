// Types of `@liveagent/wasm/liveagent_wasm_bg.wasm` as Worker bundlers (wrangler) import it: the
// compiled module, for `initSync({ module })`.
import type { WasmModule } from './index.js';

declare const module: WasmModule;
export default module;
