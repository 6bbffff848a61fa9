// Types of @liveagent/wasm/inline: the package with the module inside its JS, for bundlers that
// do not copy assets (esbuild). The same API; `init()` and `initSync()` need no argument.
export * from './liveagent.js';
export type { InitInput, WasmBytes, WasmModule } from './index.js';
import type { InitInput, WasmBytes, WasmModule } from './index.js';

/** Instantiates the module this file carries (or `input`). Call once before the first `new LiveAgentClient(...)`. */
export default function init(input?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<unknown>;

/** Instantiates the module this file carries (or `input`) synchronously. */
export function initSync(input?: { module: WasmBytes | WasmModule } | WasmBytes | WasmModule): unknown;
