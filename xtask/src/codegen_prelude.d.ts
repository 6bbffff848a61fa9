/** A record id (a JSON number). Conversation ids in account-API paths are per-account display ids. */
export type Id = number;

/** A point in time in epoch seconds (fractional when the server sent milliseconds); `0` often means "never". */
export type Timestamp = number;

/** How the client reaches the server. */
export interface ClientOptions {
  /** The server's root (or its path prefix), e.g. `https://liveagent-app.cognigy.ai`; the SDK adds `/api/v1/...`. */
  baseUrl: string;
  /** An access token: a user's (Profile → Access Token), an agent bot's, or a platform app's. None for the public client API. */
  token?: string;
  /** Which kind of token `token` is. Default `user`. */
  tokenKind?: 'user' | 'bot' | 'platform';
  /** The account used when a call's params leave `account_id` unset. */
  accountId?: number;
  /** `dashed` sends `Api-Access-Token`, for proxies (nginx by default) that drop `api_access_token`. */
  headerSpelling?: 'underscore' | 'dashed';
  /** Per-attempt timeout in milliseconds; 0 for none. Default 60000. */
  timeout?: number;
  /** Time a call may take in all, retries and their waits included, in milliseconds; 0 for none (the default). */
  deadline?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** The longest `Retry-After` to wait for, in milliseconds (default 10000); a longer one fails the call at once, with `retryAfter` set. */
  maxRetryDelay?: number;
  /** The stall guard: once a response has begun, the longest wait for the next bytes of its body, in milliseconds; 0 for none. Default 20000. A stall fails the attempt as a `TIMEOUT` with `stalled: true`. */
  stallTimeout?: number;
  /** Also retry calls that are not safe to repeat (posting a message) after 408/502/503/504 or a timeout. */
  retryNonIdempotent?: boolean;
  /**
   * Fail on any difference between a response and the documented shape, instead of repairing it.
   * Without it (lenient, the default) a result may hold `null` in any field but a record's `id`,
   * even where its type says the field is required: older servers (Live Agent is an older fork of
   * Chatwoot) leave fields out. Each such repair is listed in `drift` (`client.raw`).
   */
  strict?: boolean;
  /** A `fetch` to use instead of the global one (proxies, instrumentation, test doubles). */
  fetch?: typeof fetch;
}

/** Per-call settings. */
export interface RequestOptions {
  /** Cancels the call (and its retries). */
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds; 0 for none. */
  timeout?: number;
  /** Time this call may take in all, retries and their waits included, in milliseconds; 0 removes the client's. */
  deadline?: number;
  /** The stall guard for this call, in milliseconds; 0 for none. */
  stallTimeout?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** Retry even if the call is not safe to repeat. */
  retryNonIdempotent?: boolean;
}

/** Options of `client.paginate`: those of each page's call, and when to stop. */
export interface PaginateOptions extends RequestOptions {
  /** Stop after this many items. */
  maxItems?: number;
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

/** Which phase failed: bad input (nothing sent), transport, timeout, abort, a non-2xx answer, a 2xx answer that did not fit. */
export type ErrorCode = 'BUILD' | 'TRANSPORT' | 'TIMEOUT' | 'ABORTED' | 'API' | 'DECODE' | 'INTERNAL';

/** Every error the client throws. */
export declare class LiveAgentError extends Error {
  readonly name: 'LiveAgentError';
  readonly code: ErrorCode;
  /** `METHOD /path/{template}` of the endpoint. */
  readonly endpoint?: string;
  /** HTTP status (API and DECODE). */
  readonly status?: number;
  /** The server's message (API). */
  readonly serverMessage?: string | null;
  /** Invalid attributes of a validation failure (API). */
  readonly attributes?: string[];
  /** The raw response body (API and DECODE). */
  readonly body?: string;
  /** The `X-Request-Id` header (API and DECODE). */
  readonly requestId?: string | null;
  /** `Retry-After` in seconds (API). */
  readonly retryAfter?: number | null;
  /** JSON path of the bad param (BUILD) or of the value that did not fit (DECODE). */
  readonly path?: string | null;
  /** What was wrong with the input (BUILD): `config`, `credentials`, `missing_param`, `invalid_param`, `unknown_param`, `unknown_endpoint`. */
  readonly kind?: string;
  /** Whether a transport failure happened before or after sending (TRANSPORT). */
  readonly phase?: 'connect' | 'after_send';
  /** The timeout that ran out, in milliseconds (TIMEOUT). */
  readonly timeout?: number;
  /** TIMEOUT only: `true` when the response had begun and its body then stopped for `timeout` ms (the stall guard). */
  readonly stalled?: boolean;
  /**
   * Whether the request may have reached the server (ABORTED and TIMEOUT). `false`: nothing was
   * sent, so the call can be repeated safely. `true`: an attempt was in flight, and a post may
   * have been carried out although the call failed; look before repeating it.
   */
  readonly sent?: boolean;
  /** Every drift found, in strict mode (DECODE). */
  readonly drift?: string[];
}
