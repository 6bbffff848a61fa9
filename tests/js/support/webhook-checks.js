// The verification cases every runtime runs on real deliveries from the emulator (Node for both
// packages, Chromium, workerd): the delivery is accepted in every body and header form, and
// wrong secrets, tampered, re-serialized and parsed bodies, stale, early and missing
// timestamps are refused with the right `kind`. `now` is always the delivery's own timestamp,
// so nothing depends on the clock. Plain ES, no Node API: browsers and Workers import it too.

/** What one case came to: `ok <event>` or `<code> <kind>` (plus `raw bytes` when the message says to pass them). */
async function outcome(promise, secret) {
  try {
    const event = await promise;
    return `ok ${event.event ?? event.type}`;
  } catch (e) {
    const shown = JSON.stringify({ ...e, message: e.message });
    if (shown.includes(secret)) return `LEAKED the secret: ${shown}`;
    return `${e.code} ${e.kind}${/was re-serialized/.test(e.message) && /raw/.test(e.message) ? ' (pass the raw bytes)' : ''}`;
  }
}

/**
 * Every case for one delivery `{ body: Uint8Array, headers: {name: value}, secret }`, as
 * `[case, outcome]` pairs, in order.
 */
export async function verificationCases(sdk, { body, headers, secret }) {
  const { verifyWebhook, verifyWebhookRequest } = sdk;
  const ts = Number(headers['x-chatwoot-timestamp']);
  const at = { now: ts, strict: true };
  const text = new TextDecoder().decode(body);
  const without = (name) => Object.fromEntries(Object.entries(headers).filter(([n]) => n !== name));
  const shouting = Object.fromEntries(Object.entries(headers).map(([n, v]) => [n.toUpperCase(), v]));
  const request = () => new Request('http://hook.test/', { method: 'POST', body, headers });
  const read = request();
  await read.arrayBuffer();
  const cases = [
    ['Uint8Array, plain object', verifyWebhook(body, headers, secret, at)],
    ['string, Headers', verifyWebhook(text, new Headers(headers), secret, at)],
    ['ArrayBuffer, upper-case names', verifyWebhook(body.slice().buffer, shouting, secret, at)],
    ['DataView, Date for now', verifyWebhook(new DataView(body.buffer, body.byteOffset, body.byteLength), headers, secret, { now: new Date(ts * 1000) })],
    ['Request', verifyWebhookRequest(request(), secret, at)],
    ['Request whose body was read', verifyWebhookRequest(read, secret, at)],
    ['wrong secret', verifyWebhook(body, headers, `${secret}x`, at)],
    ['tampered body', verifyWebhook(text.replace(/"content":"/, '"content":"!'), headers, secret, at)],
    ['re-serialized body', verifyWebhook(JSON.stringify(JSON.parse(text)), headers, secret, at)],
    ['parsed body', verifyWebhook(JSON.parse(text), headers, secret, at)],
    ['301 s late', verifyWebhook(body, headers, secret, { now: ts + 301 })],
    ['301 s early', verifyWebhook(body, headers, secret, { now: ts - 301 })],
    ['301 s late, 600 s tolerance', verifyWebhook(body, headers, secret, { now: ts + 301, tolerance: 600 })],
    ['no signature', verifyWebhook(body, without('x-chatwoot-signature'), secret, at)],
    ['no timestamp', verifyWebhook(body, without('x-chatwoot-timestamp'), secret, at)],
    ['another timestamp', verifyWebhook(body, { ...headers, 'x-chatwoot-timestamp': String(ts + 1) }, secret, { now: ts })],
  ];
  const results = [];
  for (const [name, promise] of cases) results.push([name, await outcome(promise, secret)]);
  return results;
}

/** What `verificationCases` must give for a delivery of `event` whose content has `<`, `>` or `&`. */
export function expectedCases(event) {
  return [
    ['Uint8Array, plain object', `ok ${event}`],
    ['string, Headers', `ok ${event}`],
    ['ArrayBuffer, upper-case names', `ok ${event}`],
    ['DataView, Date for now', `ok ${event}`],
    ['Request', `ok ${event}`],
    ['Request whose body was read', 'WEBHOOK malformed'],
    ['wrong secret', 'WEBHOOK signature'],
    ['tampered body', 'WEBHOOK signature'],
    ['re-serialized body', 'WEBHOOK signature (pass the raw bytes)'],
    ['parsed body', 'WEBHOOK malformed'],
    ['301 s late', 'WEBHOOK timestamp'],
    ['301 s early', 'WEBHOOK timestamp'],
    ['301 s late, 600 s tolerance', `ok ${event}`],
    ['no signature', 'WEBHOOK signature'],
    ['no timestamp', 'WEBHOOK timestamp'],
    ['another timestamp', 'WEBHOOK signature'],
  ];
}

/** `parseWebhook(body, { strict: true })` of each `[name, text]`, as `[name, event or error]`. */
export async function parsedFixtures(sdk, fixtures) {
  const out = [];
  for (const [name, text] of fixtures) {
    try {
      out.push([name, await sdk.parseWebhook(text, { strict: true })]);
    } catch (e) {
      out.push([name, { error: `${e.code} ${e.kind} ${e.message}` }]);
    }
  }
  return out;
}

/** Base64 of bytes, and back: deliveries travel to pages and Workers as JSON. */
export function toBase64(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

export function fromBase64(text) {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
