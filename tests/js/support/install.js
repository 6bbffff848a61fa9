// The npm packages as a user's project has them after `npm install`: the files each package
// publishes (`npm pack`'s list, so a file missing from `files` is missing here too), copied into
// `<dir>/node_modules`, with the Node addon's platform package beside them as npm installs the
// optional dependency. Bundlers then resolve the packages as they would from the registry
// (copies, not the symlinks of tests/js/node_modules).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const PACKAGES = ['pkg', 'npm', 'npm/linux-x64-gnu'];

/** The files `npm pack` would publish from `dir` (relative paths). */
export function packedFiles(dir) {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out)[0].files.map((f) => f.path);
}

/** A fresh project in `dir` with @liveagent/wasm, @liveagent/node and its platform package installed. */
export function installPackages(dir) {
  rmSync(dir, { recursive: true, force: true });
  for (const name of PACKAGES) {
    const from = path.join(root, name);
    const { name: packageName } = JSON.parse(readFileSync(path.join(from, 'package.json'), 'utf8'));
    const to = path.join(dir, 'node_modules', packageName);
    for (const file of packedFiles(from)) {
      mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
      cpSync(path.join(from, file), path.join(to, file));
    }
  }
  return dir;
}
