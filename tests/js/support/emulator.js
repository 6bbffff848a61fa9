// Starts the Live Agent emulator (the built binary) on a free loopback port, seeded, and stops it
// with `stop()` (and, at the latest, when the test process exits). `LIVEAGENT_EMULATOR_BIN` points at the binary (scripts/test sets it).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export function emulatorBinary() {
  if (process.env.LIVEAGENT_EMULATOR_BIN) return process.env.LIVEAGENT_EMULATOR_BIN;
  return path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'debug', 'liveagent-emulator');
}

/**
 * A running emulator: its startup line (`base_url`, `tokens`, `web_widget`, ...) plus control
 * helpers. `apiCors: false` answers `/api/*` without CORS, as upstream does by default.
 */
export async function startEmulator({ apiCors = true } = {}) {
  const args = ['--seed', '--port', '0', '--api-cors', apiCors ? 'on' : 'off'];
  const child = spawn(emulatorBinary(), args, { stdio: ['ignore', 'pipe', 'inherit'] });
  process.once('exit', () => child.kill());
  const line = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  const info = JSON.parse(line);
  const control = async (method, route, body) => {
    const response = await fetch(`${info.base_url}/__emulator/${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator control ${method} ${route}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    ...info,
    control,
    /** Back to the seeded state; `{ seed, clock }` makes tokens, ids and times reproducible. */
    reset: (determinism) => control('POST', 'reset', determinism),
    fault: (spec) => control('POST', 'faults', spec),
    /** The request log's entries, oldest first (the log also reports `capacity` and `evicted`). */
    requests: async () => (await control('GET', 'requests')).requests,
    clearRequests: () => control('DELETE', 'requests'),
    stop: () => child.kill(),
  };
}
