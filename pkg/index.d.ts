// Types of @liveagent/wasm: the shared declarations (models, params, LiveAgentClient), plus the
// wasm module's initialization. They name no DOM-only type, so that they compile in browser,
// Node (@types/node) and Worker (@cloudflare/workers-types) projects alike.
export * from './liveagent.js';

/** A compiled module: `WebAssembly.Module` where the environment's types declare it. */
export type WasmModule = typeof globalThis extends { WebAssembly: { Module: abstract new (...args: never) => infer M } } ? M : object;

/** The module's bytes. */
export type WasmBytes = ArrayBuffer | ArrayBufferView;

/** Where the `.wasm` comes from: a URL or path to fetch, a response, its bytes, or a compiled module. */
export type InitInput = string | URL | Request | Response | WasmBytes | WasmModule;

/**
 * Loads and instantiates the wasm module: by default `liveagent_wasm_bg.wasm` next to this file,
 * which bundlers that follow `new URL(..., import.meta.url)` (Vite, webpack, Parcel) emit; with
 * esbuild, import `@liveagent/wasm/inline` instead. Call once before the first
 * `new LiveAgentClient(...)`; later calls resolve at once.
 */
export default function init(input?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<unknown>;

/** Instantiates the wasm module synchronously from its bytes or a compiled module (Workers). */
export function initSync(input: { module: WasmBytes | WasmModule } | WasmBytes | WasmModule): unknown;
