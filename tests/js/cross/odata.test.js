// OData analytics through both packages: typed conditions reach the service escaped, `paginate`
// walks `$skip` until a short page, and bad options fail before anything is sent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../support/emulator.js';
import { sameOnBoth, outcome } from '../support/cross.js';

let emulator;
before(async () => (emulator = await startEmulator()));
after(() => emulator.stop());

const odata = () => ({ odataUrl: emulator.base_url, odataVersion: 'v2.0' });
const odataRequests = (requests) => requests.filter((r) => r.path.includes('/odata/'));

test('paginate reads every row once, a page of top at a time, the same through napi and wasm', async () => {
  const { result, requests } = await sameOnBoth(
    emulator,
    async ({ client }) => {
      // Five messages with an apostrophe, so the condition needs escaping.
      for (let i = 0; i < 5; i++) await client.createMessage({ conversation_id: 1, content: `it's number ${i}` });
      const rows = [];
      for await (const m of client.paginate('queryOdataMessages', { filter: { contains: ['content', "it's number"] }, select: ['id', 'content'], orderby: ['id'], top: 2 })) {
        rows.push(m);
      }
      const all = (await client.queryOdataMessages({ top: 10000 })).value.length;
      // Fields left out by `select` read as null, as any absent field does.
      const fields = Object.keys(rows[0]).filter((k) => rows[0][k] !== null).sort();
      return { contents: rows.map((m) => m.content), fields, distinct: new Set(rows.map((m) => m.id)).size, all };
    },
    { clientOptions: odata() },
  );
  assert.deepEqual(result.contents, [0, 1, 2, 3, 4].map((i) => `it's number ${i}`));
  assert.deepEqual(result.fields, ['content', 'id']);
  assert.equal(result.distinct, 5);
  assert.ok(result.all > 5, `${result.all} messages in all`);
  const pages = odataRequests(requests).filter((r) => new URLSearchParams(r.query).get('$top') === '2');
  assert.deepEqual(
    pages.map((r) => new URLSearchParams(r.query).get('$skip')),
    ['0', '2', '4'],
    'three pages: two full, one short',
  );
  assert.equal(new URLSearchParams(pages[0].query).get('$filter'), "contains(content,'it''s number')");
  for (const r of odataRequests(requests)) assert.equal(r.headers.authorization, '[redacted]');
});

test('bad query options are build errors, and nothing is sent', async () => {
  const { result, requests } = await sameOnBoth(
    emulator,
    async ({ client, sdk }) => {
      const errors = [];
      for (const params of [
        { top: 10001 },
        { filter: { eq: ['status eq 1 or id', 1] } },
        { filter: { like: ['name', 'x'] } },
        { select: ['id,encrypted_password'] },
        { orderby: ['id sideways'] },
      ]) {
        const { error } = await outcome(client.queryOdataUsers(params), sdk);
        errors.push([error.code, error.kind, error.path]);
      }
      return errors;
    },
    { clientOptions: odata() },
  );
  assert.deepEqual(result, [
    ['BUILD', 'invalid_param', '$.top'],
    ['BUILD', 'invalid_param', '$.filter.eq[0]'],
    ['BUILD', 'invalid_param', '$.filter'],
    ['BUILD', 'invalid_param', '$.select[0]'],
    ['BUILD', 'invalid_param', '$.orderby[0]'],
  ]);
  assert.deepEqual(odataRequests(requests), []);
});
