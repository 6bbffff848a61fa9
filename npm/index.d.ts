// Types of @liveagent/node: the shared declarations (models, params, LiveAgentClient), the very
// file @liveagent/wasm ships.
export * from './liveagent.js';
