// Uploads through both packages: a PNG and a PDF given as every kind of bytes a caller has (a
// File with its name and type, a Blob, a Uint8Array, a Node Buffer, an ArrayBuffer) reach the
// emulator as multipart files and come back from their data_url byte for byte.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startEmulator } from '../support/emulator.js';
import { packages, outcome } from '../support/cross.js';

const fixture = (name) => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));
const PNG = fixture('pixel.png');
const PDF = fixture('receipt.pdf');

let emulator;
before(async () => (emulator = await startEmulator()));
after(() => emulator.stop());

async function download(url) {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  return { type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

/** What one package did with the same files: the attachments' metadata and downloaded bytes. */
async function attachmentsOf(message) {
  const out = [];
  for (const a of message.attachments) {
    const { type, bytes } = await download(a.data_url);
    out.push({ file_type: a.file_type, extension: a.extension, file_size: a.file_size, type, bytes });
  }
  return out;
}

test('files of every JS kind round-trip exactly, the same through napi and wasm', async () => {
  const results = {};
  for (const [name, sdk] of Object.entries(packages)) {
    await emulator.reset({ seed: 7, clock: 1_767_225_600 });
    const client = new sdk.LiveAgentClient({ baseUrl: emulator.base_url, token: emulator.tokens.admin, accountId: emulator.account_id });
    const pdfCopy = new Uint8Array(PDF.length);
    pdfCopy.set(PDF);
    const message = await client.createMessage({
      conversation_id: 1,
      content: 'five files',
      private: true,
      attachments: [
        new File([PNG], 'pixel.png', { type: 'image/png' }),
        new Blob([PDF], { type: 'application/pdf' }),
        pdfCopy,
        Buffer.from(PNG),
        PNG.buffer.slice(PNG.byteOffset, PNG.byteOffset + PNG.byteLength),
      ],
    });
    assert.equal(message.private, true);
    const files = await attachmentsOf(message);
    assert.deepEqual(
      files.map((f) => [f.file_type, f.type, f.file_size]),
      [
        ['image', 'image/png', PNG.length],
        ['file', 'application/pdf', PDF.length],
        ['file', 'application/octet-stream', PDF.length],
        ['file', 'application/octet-stream', PNG.length],
        ['file', 'application/octet-stream', PNG.length],
      ],
      name,
    );
    assert.deepEqual(files.map((f) => f.bytes), [PNG, PDF, PDF, PNG, PNG], `${name}: the bytes round-trip exactly`);
    assert.equal(files[0].extension, 'png');

    const uploaded = await client.uploadFile({ attachment: new File([PDF], 'receipt.pdf', { type: 'application/pdf' }) });
    assert.deepEqual((await download(uploaded.file_url)).bytes, PDF);
    // A stored file goes by its signed id, without its bytes.
    const again = await client.createMessage({ conversation_id: 1, attachments: [uploaded.blob_id] });
    assert.deepEqual((await download(again.attachments[0].data_url)).bytes, PDF);
    const refused = await outcome(client.uploadFile({}), sdk);
    assert.deepEqual([refused.error.code, refused.error.status], ['API', 422]);

    await client.importContacts({ import_file: new File([fixture('contacts.csv')], 'contacts.csv', { type: 'text/csv' }) });
    const found = await client.searchContacts({ q: 'ada@example.com' });
    results[name] = { message: { ...message, attachments: files.length }, imported: found.payload.map((c) => c.name), uploaded: Object.keys(uploaded) };
  }
  assert.deepEqual(results.wasm, results.napi, 'napi and wasm returned different results');
  assert.deepEqual(results.napi.imported, ['Lovelace, Ada']);
});

test('a file marker without its file is a BUILD error, and nothing is sent', async () => {
  for (const [name, sdk] of Object.entries(packages)) {
    await emulator.reset({ seed: 7, clock: 1_767_225_600 });
    const client = new sdk.LiveAgentClient({ baseUrl: emulator.base_url, token: emulator.tokens.admin, accountId: emulator.account_id });
    const forged = await outcome(client.createMessage({ conversation_id: 1, attachments: [{ $file: 0 }] }), sdk);
    assert.equal(forged.error.code, 'BUILD', name);
    assert.deepEqual(await emulator.requests(), [], `${name} sent nothing`);
  }
});
