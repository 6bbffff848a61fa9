// Types of @liveagent/node: the shared declarations (models, params, LiveAgentClient), the very
// file @liveagent/wasm ships.
export * from './liveagent.js';

/**
 * Which engine runs the client: `addon`, the native addon (requests and parsing off the event
 * loop), or `wasm`, @liveagent/wasm standing in where no addon loads (a `LiveAgentWarning` with
 * code `LIVEAGENT_WASM_FALLBACK` said why).
 */
export declare const engine: 'addon' | 'wasm';
