// @liveagent/wasm under Node: the module is read from disk and initialized on import, so
// `LiveAgentClient` is ready at once (`init()` and `initSync()` still work and do nothing).
import { readFileSync } from 'node:fs';
import { initSync } from './index.js';

initSync({ module: readFileSync(new URL('./liveagent_wasm_bg.wasm', import.meta.url)) });

export * from './index.js';
export { default } from './index.js';
