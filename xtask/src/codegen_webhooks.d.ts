/** The raw body of a webhook delivery, the bytes that were signed: a `Uint8Array` (a Node `Buffer`), an `ArrayBuffer`, or a string. */
export type WebhookBody = string | ArrayBufferLike | ArrayBufferView;

/** A request's headers, names in any case: a `Headers`, or a plain object such as Node's `request.headers`. */
export type WebhookHeaders =
  | { get(name: string): string | null; forEach(callback: (value: string, name: string) => void): void }
  | Record<string, string | string[] | undefined>;

/** What `verifyWebhookRequest` takes: a `Request`, whose body it reads once. */
export interface WebhookRequest {
  readonly headers: WebhookHeaders;
  readonly bodyUsed: boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** How `verifyWebhook` checks a delivery. */
export interface VerifyWebhookOptions {
  /** Now, in epoch seconds or as a `Date`. Default: the clock. */
  now?: number | Date | undefined;
  /** How far the delivery's `X-Chatwoot-Timestamp` may be from `now`, either way, in seconds. Default 300. */
  tolerance?: number | undefined;
  /** Refuse a delivery that differs in any way from the documented payload (see `ClientOptions.strict`). */
  strict?: boolean | undefined;
}

/** How `parseWebhook` reads a delivery. */
export interface ParseWebhookOptions {
  /** Refuse a delivery that differs in any way from the documented payload. */
  strict?: boolean | undefined;
}

/**
 * Verifies a webhook delivery and resolves with its event, parsed and normalized like any
 * response. Checks `X-Chatwoot-Signature: sha256=<hex>`, the HMAC-SHA256 under `secret` of
 * `"<X-Chatwoot-Timestamp>.<raw body>"` (in constant time), and that the timestamp is within
 * `tolerance` of `now`. `body` must be the raw bytes: a parsed and re-serialized body does not
 * verify (the error says so). Rejects with a `LiveAgentError` of code `WEBHOOK`.
 */
export declare function verifyWebhook(body: WebhookBody, headers: WebhookHeaders, secret: string, options?: VerifyWebhookOptions): Promise<LiveAgentEvent>;

/** `verifyWebhook` for a `Request` (Workers, `fetch` handlers): reads its raw body once, and its headers. */
export declare function verifyWebhookRequest(request: WebhookRequest, secret: string, options?: VerifyWebhookOptions): Promise<LiveAgentEvent>;

/**
 * Parses a delivery without checking a signature: for unsigned deliveries you trust (a webhook
 * or agent bot without a secret, an older server) and Cognigy's CloudEvents typing feed.
 * Rejects with a `LiveAgentError` of code `WEBHOOK` (kind `malformed`).
 */
export declare function parseWebhook(body: WebhookBody, options?: ParseWebhookOptions): Promise<LiveAgentEvent>;
