// A Worker for tests/js/worker.test.js: runs the webhook verification cases and the fixture parses
// (support/webhook-checks.js) in workerd, with @liveagent/wasm bundled as users bundle it. POST
// `{ deliveries: [{ body (base64), headers, secret }], fixtures: [[name, text]] }`.
import * as sdk from '@liveagent/wasm';
import wasm from '@liveagent/wasm/liveagent_wasm_bg.wasm';
import { fromBase64, parsedFixtures, verificationCases } from './webhook-checks.js';

sdk.initSync({ module: wasm });

export default {
  async fetch(request) {
    const { deliveries, fixtures } = await request.json();
    const cases = [];
    for (const d of deliveries) cases.push(await verificationCases(sdk, { ...d, body: fromBase64(d.body) }));
    return Response.json({ cases, parsed: await parsedFixtures(sdk, fixtures) });
  },
};
