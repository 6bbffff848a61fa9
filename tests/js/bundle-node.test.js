// The README's Node quick start in a project that installed the packages, bundled for Node by
// esbuild (ESM, and CommonJS, its default format for Node) and by Vite (an SSR build with every
// dependency bundled), with @liveagent/node and with @liveagent/wasm, then run with node against
// the emulator. The wasm bundle runs from a directory of its own: it needs no file beside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import { startEmulator } from './support/emulator.js';
import { quickstart, setImport, withoutTopLevelAwait } from './support/readme.js';
import { installPackages } from './support/install.js';

const dir = fileURLToPath(new URL('./.bundles/node/', import.meta.url));
const PACKAGES = ['@liveagent/node', '@liveagent/wasm'];
let emulator, alone;

before(async () => {
  emulator = await startEmulator();
  installPackages(dir);
  alone = mkdtempSync(path.join(tmpdir(), 'liveagent-bundle-'));
  for (const name of PACKAGES) {
    const code = setImport(quickstart('node'), '@liveagent/node', name);
    writeFileSync(`${dir}${slug(name)}.mjs`, code);
    writeFileSync(`${dir}${slug(name)}-script.mjs`, withoutTopLevelAwait(code));
  }
});

after(() => {
  emulator?.stop();
  for (const d of [dir, alone]) if (d) rmSync(d, { recursive: true, force: true });
});

const slug = (name) => name.split('/')[1];

/** Runs the bundle as the quick start runs, on a freshly seeded emulator; returns its output lines. */
async function run(bundle) {
  await emulator.reset();
  const { stdout } = await promisify(execFile)(process.execPath, [bundle], {
    cwd: path.dirname(bundle),
    env: { ...process.env, LIVEAGENT_URL: emulator.base_url, LIVEAGENT_TOKEN: emulator.tokens.admin, LIVEAGENT_ACCOUNT_ID: String(emulator.account_id) },
  });
  return stdout.trim().split('\n');
}

function assertQuickstart(lines) {
  assert.equal(lines[0], '1 open conversations wait for an agent');
  assert.equal(lines[1], '#1 labelled for triage');
  assert.match(lines[2], /^no conversation #999999 \(API 404, request [0-9a-f-]{36}\)$/);
  assert.equal(lines.length, 3);
}

/** The bundle holds the package: no import or require of it is left for run time. */
function assertBundled(file, name) {
  const text = readFileSync(file, 'utf8');
  for (const call of [`from "${name}"`, `from '${name}'`, `require("${name}")`, `import("${name}")`]) {
    assert.ok(!text.includes(call), `${path.basename(file)} still loads ${name} at run time (${call})`);
  }
}

/** Runs a bundle of `name`: the wasm one copied to a directory with nothing else in it. */
async function runBundle(file, name) {
  assertBundled(file, name);
  if (name !== '@liveagent/wasm') return run(file);
  const copy = path.join(alone, path.basename(file));
  copyFileSync(file, copy);
  return run(copy);
}

for (const name of PACKAGES) {
  test(`esbuild, ESM: the quick start on ${name}, bundled`, async () => {
    const outfile = `${dir}dist/esbuild-${slug(name)}.mjs`;
    await esbuild.build({ entryPoints: [`${dir}${slug(name)}.mjs`], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
    assertQuickstart(await runBundle(outfile, name));
  });

  test(`esbuild, CommonJS (its default for Node): the quick start on ${name}, bundled`, async () => {
    const outfile = `${dir}dist/esbuild-${slug(name)}.cjs`;
    await esbuild.build({ entryPoints: [`${dir}${slug(name)}-script.mjs`], bundle: true, platform: 'node', outfile, logLevel: 'silent' });
    assertQuickstart(await runBundle(outfile, name));
  });

  test(`Vite SSR build, every dependency bundled: the quick start on ${name}`, async () => {
    const outDir = `${dir}dist/vite-${slug(name)}`;
    await viteBuild({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      cacheDir: `${dir}.vite`,
      ssr: { noExternal: true },
      build: { ssr: `${dir}${slug(name)}.mjs`, outDir, emptyOutDir: true },
    });
    assertQuickstart(await runBundle(`${outDir}/${slug(name)}.js`, name));
  });
}
