// The npm packages as a user's project has them after `npm install`: the files each package
// publishes (`npm pack`'s list, so a file missing from `files` is missing here too), copied into
// `<dir>/node_modules`, with the Node addon's platform package beside them as npm installs the
// optional dependency (or some of them: see `withDependencies`). Bundlers and Node then resolve
// the packages as they would from the registry (copies, not the symlinks of tests/js/node_modules).
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

/** `package.json` of a package directory of this repository (`pkg`, `npm`, ...). */
function manifest(name) {
  return JSON.parse(readFileSync(path.join(root, name, 'package.json'), 'utf8'));
}

/**
 * `name` (a package directory of this repository) and the directories of the dependencies npm
 * would install with it, as their registry versions would be these builds: `['npm', 'pkg']`.
 */
export function withDependencies(name) {
  const local = new Map(PACKAGES.map((dir) => [manifest(dir).name, dir]));
  return [name, ...Object.entries(manifest(name).dependencies ?? {}).map(([dependency, version]) => {
    const dir = local.get(dependency);
    if (!dir || manifest(dir).version !== version) throw new Error(`${name} depends on ${dependency}@${version}, which is not built here`);
    return dir;
  })];
}

/**
 * A fresh project in `dir` with the packages of `names` (directories of this repository)
 * installed: by default @liveagent/wasm, @liveagent/node and its platform package.
 */
export function installPackages(dir, names = PACKAGES) {
  rmSync(dir, { recursive: true, force: true });
  for (const name of names) {
    const from = path.join(root, name);
    const to = path.join(dir, 'node_modules', manifest(name).name);
    for (const file of packedFiles(from)) {
      mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
      cpSync(path.join(from, file), path.join(to, file));
    }
  }
  return dir;
}
