// Types of @liveagent/wasm: the shared declarations (models, params, LiveAgentClient), plus the
// wasm module's initialization.
export * from './liveagent.js';

/** Where the `.wasm` comes from: a URL or path to fetch, its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Loads and instantiates the wasm module (by default `liveagent_wasm_bg.wasm` next to this file).
 * Call once before the first `new LiveAgentClient(...)`; later calls do nothing.
 */
export default function init(
  input?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/** Instantiates the wasm module synchronously from its bytes or a compiled `WebAssembly.Module` (Workers). */
export function initSync(input: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;
