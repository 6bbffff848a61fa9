// Types of @liveagent/wasm/widget: the declarations of the widget and public client APIs
// (models, params, LiveAgentClient), plus the wasm module's initialization.
export * from './liveagent-widget.js';
export type { WasmModule, WasmBytes, InitInput } from '../index.js';
import type { InitInput, WasmBytes, WasmModule } from '../index.js';

/**
 * Loads and instantiates the widget build's wasm module: by default `liveagent_wasm_bg.wasm`
 * next to this file, which bundlers that follow `new URL(..., import.meta.url)` (Vite, webpack,
 * Parcel) emit. Call once before the first `new LiveAgentClient(...)`; later calls resolve at once.
 */
export default function init(input?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<unknown>;

/** Instantiates the wasm module synchronously from its bytes or a compiled module. */
export function initSync(input: { module: WasmBytes | WasmModule } | WasmBytes | WasmModule): unknown;
