// The README's browser quick start in a project that installed @liveagent/wasm, bundled by
// esbuild and by Vite as their users bundle (no bundler configuration), served from its own
// origin and run in headless Chromium against the emulator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild, createServer as viteServer } from 'vite';
import { startEmulator } from './support/emulator.js';
import { quickstart, setConstant, setImport, withoutTopLevelAwait } from './support/readme.js';
import { launchChromium, runPage } from './support/chromium.js';
import { serve, typeOf } from './support/static.js';
import { installPackages } from './support/install.js';

const dir = fileURLToPath(new URL('./.bundles/browser/', import.meta.url));
let emulator, browser;

before(async () => {
  emulator = await startEmulator();
  installPackages(dir);
  let code = quickstart('browser');
  code = setConstant(code, 'LIVEAGENT_URL', emulator.base_url);
  code = setConstant(code, 'INBOX', emulator.inbox_identifier);
  const inline = setImport(code, '@liveagent/wasm', '@liveagent/wasm/inline');
  writeFileSync(`${dir}app.js`, code);
  writeFileSync(`${dir}app-inline.js`, inline);
  writeFileSync(`${dir}app-inline-script.js`, withoutTopLevelAwait(inline));
  writeFileSync(`${dir}index.html`, '<!doctype html>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<script type="module" src="./app.js"></script>\n<body></body>\n');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Serves `out` (its index.html at `/`) and runs the page; returns the run and the paths fetched. */
async function run(out) {
  const server = await serve((p) => {
    const file = p === '/' ? 'index.html' : p.slice(1);
    const type = typeOf(file);
    return type && readFile(path.join(out, file)).then((body) => [type, body]);
  });
  try {
    return { ...(await runPage(browser, server.origin, 'Hello!')), requested: server.requested };
  } finally {
    server.close();
  }
}

/** Bundles `entry` with esbuild for the browser into `out`, with a page that loads it. */
async function esbuildPage(entry, out, format) {
  await esbuild.build({ entryPoints: [`${dir}${entry}`], bundle: true, platform: 'browser', format, outfile: `${out}/app.js`, logLevel: 'silent' });
  const script = format === 'esm' ? '<script type="module" src="/app.js"></script>' : '<script src="/app.js"></script>';
  writeFileSync(`${out}/index.html`, `<!doctype html>\n<meta charset="utf-8">\n${script}\n<body></body>\n`);
}

const wasmFetched = (requested) => requested.filter((p) => p.endsWith('.wasm'));

test('esbuild, @liveagent/wasm/inline, ESM: the page chats; the module is in the bundle', async () => {
  const out = `${dir}dist/esbuild-esm`;
  await esbuildPage('app-inline.js', out, 'esm');
  const { text, errors, requested } = await run(out);
  assert.deepEqual(errors, []);
  assert.equal(text, 'Hello!');
  assert.deepEqual(wasmFetched(requested), []);
});

test("esbuild, @liveagent/wasm/inline, esbuild's default format for browsers (IIFE): the page chats", async () => {
  const out = `${dir}dist/esbuild-iife`;
  await esbuildPage('app-inline-script.js', out, 'iife');
  const { text, errors } = await run(out);
  assert.deepEqual(errors, []);
  assert.equal(text, 'Hello!');
});

test('esbuild, the default entry: init() fails with a message that names @liveagent/wasm/inline', async () => {
  // esbuild does not follow `new URL(..., import.meta.url)` (evanw/esbuild#795), so it emits no
  // .wasm next to the bundle.
  const out = `${dir}dist/esbuild-default`;
  await esbuildPage('app.js', out, 'esm');
  const { errors, requested } = await run(out);
  assert.deepEqual(wasmFetched(requested), ['/liveagent_wasm_bg.wasm']);
  const thrown = errors.filter((e) => e.includes('@liveagent/wasm'));
  assert.equal(thrown.length, 1, errors.join('\n'));
  assert.match(thrown[0], /\/liveagent_wasm_bg\.wasm answered 404\. .*@liveagent\/wasm\/inline/);
});

test('Vite build, the default entry: the page chats; the module is an emitted asset', async () => {
  const out = `${dir}dist/vite`;
  await viteBuild({ root: dir, configFile: false, logLevel: 'silent', cacheDir: `${dir}.vite`, build: { outDir: out, emptyOutDir: true } });
  const { text, errors, requested } = await run(out);
  assert.deepEqual(errors, []);
  assert.equal(text, 'Hello!');
  assert.equal(wasmFetched(requested).length, 1);
  assert.match(wasmFetched(requested)[0], /^\/assets\/liveagent_wasm_bg-[\w-]+\.wasm$/);
});

test('Vite dev server (dependencies pre-bundled), the default entry: the page chats', async () => {
  const server = await viteServer({ root: dir, configFile: false, logLevel: 'silent', cacheDir: `${dir}.vite`, server: { host: '127.0.0.1', port: 0, strictPort: false } });
  await server.listen();
  try {
    const { text, errors } = await runPage(browser, server.resolvedUrls.local[0], 'Hello!');
    assert.deepEqual(errors, []);
    assert.equal(text, 'Hello!');
  } finally {
    await server.close();
  }
});
