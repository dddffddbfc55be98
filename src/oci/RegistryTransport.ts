import { parseChallenge, type AuthChallenge } from "./authChallenge.js";
import type { CredentialsProvider } from "./credentials.js";
import { apiHost } from "./imageRef.js";

/** How the transport talks to registries; every piece is injectable. */
export interface TransportOptions {
  /** Node's global `fetch` in production; a counting stub in tests. */
  fetch: typeof fetch;
  credentials?: CredentialsProvider;
  /** Per attempt, including reading the body. Default 15 s. */
  timeoutMs?: number;
  /** Extra attempts after a network error, 429 or 5xx. Default 2. */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Registries spoken to over plain HTTP. Default: loopback hosts only,
   * as go-containerregistry does.
   */
  plainHttp?: (registry: string) => boolean;
}

/** One request to a registry's `/v2/` API. */
export interface RegistryRequest {
  registry: string;
  /** Repository the token scope is for. */
  repository: string;
  /** Path after `/v2/`, e.g. `library/nginx/manifests/latest`. */
  path: string;
  method?: "GET" | "HEAD" | "PUT" | "POST" | "PATCH";
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  signal?: AbortSignal;
}

const MAX_REDIRECTS = 5;

/** Raised when a registry cannot be reached at all (network, timeout). */
export class RegistryUnreachableError extends Error {
  override readonly name = "RegistryUnreachableError";
}

/** True for loopback registries, which are plain HTTP by convention. */
export function isLoopback(registry: string): boolean {
  const host = registry.replace(/:\d+$/, "");
  return ["localhost", "127.0.0.1", "[::1]"].includes(host);
}

/**
 * HTTP to OCI registries: the anonymous or Basic bearer-token flow, Basic
 * auth, redirects that drop credentials when they change origin, per-attempt
 * timeouts and retries with backoff. Tokens are kept per registry and scope.
 */
export class RegistryTransport {
  private readonly tokens = new Map<string, string>();
  private readonly opts: Required<Omit<TransportOptions, "credentials">> &
    Pick<TransportOptions, "credentials">;

  constructor(options: TransportOptions) {
    this.opts = {
      timeoutMs: 15_000,
      retries: 2,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      plainHttp: isLoopback,
      ...options,
    };
  }

  /** Base URL of a registry's API. */
  baseUrl(registry: string): string {
    const scheme = this.opts.plainHttp(registry) ? "http" : "https";
    return `${scheme}://${apiHost(registry)}/v2/`;
  }

  /** Sends a request, authenticating once when challenged. */
  async send(req: RegistryRequest): Promise<Response> {
    const scope = `repository:${req.repository}:pull`;
    const key = `${req.registry}|${scope}`;
    const first = await this.attempt(req, this.tokens.get(key));
    if (first.status !== 401) return first;
    const challenge = parseChallenge(first.headers.get("www-authenticate"));
    await first.body?.cancel();
    const auth = await this.authorize(req, challenge, scope);
    if (auth === undefined) return first;
    this.tokens.set(key, auth);
    return this.attempt(req, auth);
  }

  private async authorize(
    req: RegistryRequest,
    challenge: AuthChallenge | undefined,
    scope: string,
  ): Promise<string | undefined> {
    const creds = this.opts.credentials?.(req.registry);
    const basic =
      creds === undefined
        ? undefined
        : `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}`;
    if (challenge?.scheme === "basic") return basic;
    if (challenge?.realm === undefined) return undefined;
    return `Bearer ${await this.fetchToken(req, challenge, scope, basic)}`;
  }

  private async fetchToken(
    req: RegistryRequest,
    challenge: AuthChallenge,
    scope: string,
    basic: string | undefined,
  ): Promise<string> {
    const url = new URL(challenge.realm ?? "");
    if (
      basic !== undefined &&
      url.protocol !== "https:" &&
      !isLoopback(url.host)
    ) {
      throw new Error(
        `registry ${req.registry}: refusing to send credentials to non-HTTPS token realm ${url.origin}`,
      );
    }
    if (challenge.service) url.searchParams.set("service", challenge.service);
    url.searchParams.set("scope", challenge.scope ?? scope);
    const headers: Record<string, string> = {};
    if (basic !== undefined) headers["authorization"] = basic;
    const res = await this.retrying(url.href, { headers }, req.signal);
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(
        `registry ${req.registry}: token request to ${url.host} answered ${res.status}`,
      );
    }
    const body = (await res.json()) as {
      token?: string;
      access_token?: string;
    };
    const token = body.token ?? body.access_token;
    if (typeof token !== "string" || token.length === 0) {
      throw new Error(`registry ${req.registry}: token response has no token`);
    }
    return token;
  }

  private attempt(req: RegistryRequest, auth: string | undefined) {
    const headers: Record<string, string> = { ...req.headers };
    if (auth !== undefined) headers["authorization"] = auth;
    const url = `${this.baseUrl(req.registry)}${req.path}`;
    const init: RequestInit = { method: req.method ?? "GET", headers };
    if (req.body !== undefined) init.body = req.body;
    return this.retrying(url, init, req.signal);
  }

  /** Retries network errors, 429 and 5xx with exponential backoff. */
  private async retrying(
    url: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= this.opts.retries || init.method === "POST";
      try {
        const res = await this.follow(url, init, signal);
        if (last || (res.status !== 429 && res.status < 500)) return res;
        await res.body?.cancel();
      } catch (cause) {
        if (last || signal?.aborted) {
          throw new RegistryUnreachableError(
            `request ${describe(init, url)} failed`,
            { cause },
          );
        }
      }
      await this.opts.sleep(200 * 2 ** attempt);
    }
  }

  /** Follows redirects by hand so credentials never cross origins. */
  private async follow(
    url: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let current = new URL(url);
    let headers = { ...(init.headers as Record<string, string>) };
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const res = await this.opts.fetch(current.href, {
        ...init,
        headers,
        redirect: "manual",
        signal: combined,
      });
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || location === null) {
        return res;
      }
      await res.body?.cancel();
      const next = new URL(location, current);
      if (next.origin !== current.origin) headers = withoutAuth(headers);
      current = next;
    }
    throw new Error(`request ${describe(init, url)}: too many redirects`);
  }
}

function withoutAuth(headers: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== "authorization") out[k] = v;
  }
  return out;
}

function describe(init: RequestInit, url: string): string {
  const u = new URL(url);
  return `${init.method ?? "GET"} ${u.origin}${u.pathname}`;
}
