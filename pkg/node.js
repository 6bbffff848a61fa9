// @liveagent/wasm under Node: the module is instantiated on import from the bytes inside
// inline.js (no file to find, so a bundled app works too), and `LiveAgentClient` is ready at
// once (`init()` and `initSync()` still work and do nothing). This import is the package's one
// side effect (package.json `sideEffects`).
import { initSync } from './inline.js';

initSync();

export * from './inline.js';
export { default } from './inline.js';
