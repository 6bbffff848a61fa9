// Type-checked by `tsc -p tests/js/types/node` (never run): a CommonJS module requires both
// packages (require() of ES modules, Node 20.19 and 22.12 on).
import node = require('@liveagent/node');
import wasm = require('@liveagent/wasm');

export const clients = [new node.LiveAgentClient({ baseUrl: 'http://127.0.0.1:3000' }), new wasm.LiveAgentClient({ baseUrl: 'http://127.0.0.1:3000' })];
