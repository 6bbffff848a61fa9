/** A record id (a JSON number). Conversation ids in account-API paths are per-account display ids. */
export type Id = number;

/** A point in time in epoch seconds (fractional when the server sent milliseconds); `0` often means "never". */
export type Timestamp = number;

/** How the client reaches the server. */
export interface ClientOptions {
  /** The server's root (or its path prefix), e.g. `https://liveagent-app.cognigy.ai`; the SDK adds `/api/v1/...`. */
  baseUrl: string;
  /** An access token: a user's (Profile → Access Token), an agent bot's, or a platform app's. None for the public client API. */
  token?: string | undefined;
  /** Which kind of token `token` is. Default `user`. */
  tokenKind?: 'user' | 'bot' | 'platform' | undefined;
  /**
   * A web-widget inbox's website token (Settings → Inboxes → the website inbox → Configuration):
   * the client is then a visitor of that inbox and calls the widget API. It opens the visitor's
   * session on the first call that needs one; keep `client.widgetToken` to resume it later.
   */
  websiteToken?: string | undefined;
  /** A returning visitor's session token (what `client.widgetToken` gave): the same contact and conversations. */
  widgetToken?: string | undefined;
  /** Live Agent's OData analytics service (`queryOdata*`): its root. Default: the base URL's host with `odata-` in front (`https://odata-liveagent-trial.cognigy.ai`). */
  odataUrl?: string | undefined;
  /** The OData service's version: `v1.0` (the default), `v1.1` (Live Agent 2025.18+) or `v2.0` (2025.25+: teams, availability records). */
  odataVersion?: 'v1.0' | 'v1.1' | 'v2.0' | undefined;
  /** The account used when a call's params leave `account_id` unset. */
  accountId?: number | undefined;
  /** `dashed` sends `Api-Access-Token`, for proxies (nginx by default) that drop `api_access_token`. */
  headerSpelling?: 'underscore' | 'dashed' | undefined;
  /** Per-attempt timeout in milliseconds; 0 for none. Default 60000. */
  timeout?: number | undefined;
  /** Time a call may take in all, retries and their waits included, in milliseconds; 0 for none (the default). */
  deadline?: number | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** The longest `Retry-After` to wait for, in milliseconds (default 10000); a longer one fails the call at once, with `retryAfter` set. */
  maxRetryDelay?: number | undefined;
  /** The stall guard: once a response has begun, the longest wait for the next bytes of its body, in milliseconds; 0 for none. Default 20000. A stall fails the attempt as a `TIMEOUT` with `stalled: true`. */
  stallTimeout?: number | undefined;
  /** Also retry calls that are not safe to repeat (posting a message) after 408/502/503/504 or a timeout. */
  retryNonIdempotent?: boolean | undefined;
  /**
   * Fail on any difference between a response and the documented shape, instead of repairing it.
   * Without it (lenient, the default) a result may hold `null` in any field but a record's `id`,
   * even where its type says the field is required: older servers (Live Agent is an older fork of
   * Chatwoot) leave fields out. Each such repair is listed in `drift` (`client.raw`).
   */
  strict?: boolean | undefined;
  /** A `fetch` to use instead of the global one (proxies, instrumentation, test doubles). */
  fetch?: typeof fetch | undefined;
}

/** Per-call settings. */
export interface RequestOptions {
  /** Cancels the call (and its retries). */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in milliseconds; 0 for none. */
  timeout?: number | undefined;
  /** Time this call may take in all, retries and their waits included, in milliseconds; 0 removes the client's. */
  deadline?: number | undefined;
  /** The stall guard for this call, in milliseconds; 0 for none. */
  stallTimeout?: number | undefined;
  /** Retries after the first attempt. */
  maxRetries?: number | undefined;
  /** Retry even if the call is not safe to repeat. */
  retryNonIdempotent?: boolean | undefined;
}

/** Options of `client.paginate`: those of each page's call, and when to stop. */
export interface PaginateOptions extends RequestOptions {
  /** Stop after this many items. */
  maxItems?: number | undefined;
}

/** The constructor of a WebSocket: the global one, or the `ws` package's in Node 20. */
export type WebSocketConstructor = new (url: string) => {
  send(data: string): void;
  close(): void;
  onopen: ((event: any) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: any) => void) | null;
  onerror: ((event: any) => void) | null;
};

/**
 * Options of `client.events()`: a user's subscription (`pubsubToken`, `accountId` and `userId`
 * from `getProfile()`), or a contact's (`pubsubToken` alone).
 */
export interface EventsOptions {
  /** The profile's or the contact's `pubsub_token`. */
  pubsubToken: string;
  /** The account to hear (a user's subscription). */
  accountId?: number | undefined;
  /** The user's id (a user's subscription). */
  userId?: number | undefined;
  /** Throw on any drift instead of repairing it. */
  strict?: boolean | undefined;
  /** Milliseconds between `update_presence` messages (default 20,000; 0 for none). */
  presenceInterval?: number | undefined;
  /** A socket silent this long is reopened (default 6,000 ms). */
  staleAfter?: number | undefined;
  /** Failed reconnections in a row before giving up (default: never). */
  maxReconnects?: number | undefined;
  /** The WebSocket to use (default: the global one). */
  WebSocket?: WebSocketConstructor | undefined;
  /** Ends the iteration and closes the socket. */
  signal?: AbortSignal | undefined;
}

/** A result with the response it came from (`client.raw`). */
export interface ApiResponse<T> {
  status: number;
  /** Response headers, lowercase names. */
  headers: Record<string, string>;
  /** The raw body text. */
  body: string;
  /** The parsed, normalized result. */
  data: T;
  /** What lenient parsing repaired or kept (missing or null fields, unknown fields, strings for numbers, ...), one entry per JSON path. */
  drift: string[];
}

/** Which phase failed: bad input (nothing sent), transport, timeout, abort, a non-2xx answer, a 2xx answer that did not fit, a refused webhook delivery. */
export type ErrorCode = LiveAgentError['code'];

/**
 * Every error the client throws: one type per `code`, so that checking `code` (or `status`)
 * narrows it (`if (e instanceof LiveAgentError && e.code === 'API') e.status // number`).
 */
export type LiveAgentError = BuildError | TransportError | TimeoutError | AbortedError | ApiError | DecodeError | WebhookError | InternalError;

/** The class of every error the client throws: `e instanceof LiveAgentError` narrows `e` to the union. */
export declare const LiveAgentError: {
  new (fields: { code: ErrorCode; message: string; [field: string]: unknown }): LiveAgentError;
  readonly prototype: LiveAgentError;
};

/** Bad input, caught before anything was sent. */
export type BuildError = ErrorOf<'BUILD', {
  /** What was wrong: `config`, `credentials`, `missing_param`, `invalid_param`, `unknown_param`, `unknown_endpoint`. */
  kind: 'config' | 'credentials' | 'missing_param' | 'invalid_param' | 'unknown_param' | 'unknown_endpoint' | (string & {});
  /** JSON path of the bad param, if one is to blame. */
  path: string | null;
}>;

/** The request could not be sent, or its answer not read. */
export type TransportError = ErrorOf<'TRANSPORT', {
  /** `METHOD /path/{template}` of the endpoint. */
  endpoint: string;
  /** Whether it failed before the request went out (`connect`) or after (`after_send`). */
  phase: 'connect' | 'after_send';
}>;

/** An attempt ran out of time (`timeout`, or what was left of `deadline`). */
export type TimeoutError = ErrorOf<'TIMEOUT', {
  /** `METHOD /path/{template}` of the endpoint. */
  endpoint: string;
  /** The timeout that ran out, in milliseconds. */
  timeout: number;
  /** `true` when the response had begun and its body then stopped for `timeout` ms (the stall guard). */
  stalled: boolean;
  /**
   * Whether the request may have reached the server. `false`: nothing was sent, so the call
   * can be repeated safely. `true`: an attempt was in flight, and a post may have been carried
   * out although the call failed; look before repeating it.
   */
  sent: boolean;
}>;

/** The call's `signal` aborted it. */
export type AbortedError = ErrorOf<'ABORTED', {
  /** `METHOD /path/{template}` of the endpoint. */
  endpoint: string;
  /** Whether the request may have reached the server (see `TimeoutError.sent`). */
  sent: boolean;
}>;

/** The server answered with a status that is not 2xx. */
export type ApiError = ErrorOf<'API', {
  /** `METHOD /path/{template}` of the endpoint. */
  endpoint: string;
  /** HTTP status. */
  status: number;
  /** The server's message. */
  serverMessage: string | null;
  /** Invalid attributes of a validation failure. */
  attributes: string[];
  /** The raw response body. */
  body: string;
  /** The `X-Request-Id` header. */
  requestId: string | null;
  /** `Retry-After` in seconds. */
  retryAfter: number | null;
}>;

/** A 2xx answer whose body did not fit (not JSON, the wrong kind, or any drift in strict mode). */
export type DecodeError = ErrorOf<'DECODE', {
  /** `METHOD /path/{template}` of the endpoint. */
  endpoint: string;
  /** HTTP status. */
  status: number;
  /** JSON path of the value that did not fit. */
  path: string;
  /** The raw response body. */
  body: string;
  /** The `X-Request-Id` header. */
  requestId: string | null;
  /** Every drift found, in strict mode. */
  drift: string[];
}>;

/** A webhook delivery that `verifyWebhook` (or `parseWebhook`) refused. */
export type WebhookError = ErrorOf<'WEBHOOK', {
  /**
   * What was wrong: `signature` (none, not `sha256=<hex>`, or not the body's under this secret;
   * the message says when the body was only re-serialized), `timestamp` (none, or outside the
   * tolerance), `malformed` (not raw bytes, not JSON, no event, or drift in strict mode).
   */
  kind: 'signature' | 'timestamp' | 'malformed' | (string & {});
  /** For a malformed body, the JSON path of the value that did not fit. */
  path: string | null;
  /** Every drift found, in strict mode. */
  drift: string[];
}>;

/** A failure of the SDK itself (a bug: please report it). */
export type InternalError = ErrorOf<'INTERNAL', {}>;

/** Every field of some code's error, for `?: undefined` in the others (so `e.status` reads on any). */
type ErrorField = 'endpoint' | 'status' | 'serverMessage' | 'attributes' | 'body' | 'requestId' | 'retryAfter' | 'path' | 'kind' | 'phase' | 'timeout' | 'sent' | 'drift';

/** The error of one code: its own fields, every other code's field absent. */
type ErrorOf<C extends string, F> = Error & { readonly name: 'LiveAgentError'; readonly code: C } & { readonly [K in keyof F]: F[K] } & {
  readonly [K in Exclude<ErrorField, keyof F>]?: undefined;
};

/** A value in an OData condition: a string is quoted (`'it''s'`); `{ datetime }` is written as OData's unquoted `DateTimeOffset` (`2024-05-01T00:00:00Z`). */
export type OdataLiteral = string | number | boolean | null | { datetime: string };

/**
 * An OData `$filter` condition, written as data: the SDK checks the field names and renders and
 * escapes the values, so no text is ever spliced. `{ and: [{ eq: ['status', 1] }, { ge: ['created_at', { datetime: '2024-05-01T00:00:00Z' }] }] }`.
 */
export type OdataFilter =
  | { eq: [field: string, value: OdataLiteral] }
  | { ne: [field: string, value: OdataLiteral] }
  | { gt: [field: string, value: OdataLiteral] }
  | { ge: [field: string, value: OdataLiteral] }
  | { lt: [field: string, value: OdataLiteral] }
  | { le: [field: string, value: OdataLiteral] }
  | { in: [field: string, values: OdataLiteral[]] }
  | { contains: [field: string, text: string] }
  | { startswith: [field: string, text: string] }
  | { endswith: [field: string, text: string] }
  | { and: OdataFilter[] }
  | { or: OdataFilter[] }
  | { not: OdataFilter };
