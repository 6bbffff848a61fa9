// The Node addon loads on glibc 2.17 and later (RHEL 8, Debian 11, Ubuntu 20.04; Amazon Linux 2
// and RHEL 7 under a Node built for glibc 2.17): the built .node needs no symbol version past GLIBC_2.17, which is
// what the dynamic loader checks before it loads it. scripts/build-node links it so (Zig,
// through cargo-zigbuild, against glibc 2.17's symbol lists).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compareVersions, glibcNeeded, versionsNeeded } from './support/elf.js';

const BASELINE = '2.17';
const addon = new URL('../../npm/linux-x64-gnu/liveagent.linux-x64-gnu.node', import.meta.url);

const newer = (file) => glibcNeeded(versionsNeeded(readFileSync(file))).filter((v) => compareVersions(v, BASELINE) > 0);

test(`the linux-x64-gnu addon needs glibc ${BASELINE} at most`, () => {
  const needs = versionsNeeded(readFileSync(addon));
  // Read at all: every x86-64 glibc binary needs the base version of libc.
  assert.ok(needs.some((n) => n.file === 'libc.so.6' && n.version === 'GLIBC_2.2.5'), JSON.stringify(needs));
  assert.deepEqual(newer(addon), [], `the addon needs glibc ${glibcNeeded(needs).at(-1)}`);
});

test('the check sees a newer glibc where a binary needs one (node itself: 2.28 from Node 18 on)', () => {
  assert.notDeepEqual(newer(process.execPath), []);
});
