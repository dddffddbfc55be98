import nock from "nock";
import { checkGraphQl, executeGraphQl } from "./graphQl.js";
import { graphQlRoot } from "./graphQlRoot.js";
import { checkRequest } from "./openApi.js";
import { routes, type Reply, type Route } from "./routes.js";
import { githubTarball } from "./tarball.js";

/** A request the double received. */
export interface Received {
  method: string;
  path: string;
  body: unknown;
  operation?: string;
  /** When it arrived (ms since epoch). */
  at: number;
}

/**
 * A scripted failure: the next `times` matching requests get `reply`.
 * GraphQL requests match as `/graphql#<operation>`, e.g.
 * `/graphql#mutation resolveReviewThread`.
 */
export interface Fault {
  method: string;
  path: RegExp;
  times: number;
  reply?: Reply;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

/** A stored check run. */
export interface CheckRunState {
  id: number;
  head_sha: string;
  name: string;
  status: string;
  conclusion: string | null;
  external_id: string;
  output: { title?: string; summary?: string; text?: string };
  annotations: Record<string, unknown>[];
  actions?: unknown[];
  /** The app that owns the run (GitHub names the creating app). */
  app?: { id: number; slug: string };
}

/** A stored issue or review comment. */
export interface CommentState {
  id: number;
  body: string;
  user: { login: string; type: string };
  path?: string;
  line?: number;
  in_reply_to_id?: number;
  commit_id?: string;
}

/** A pull request of the double. */
export interface PullState {
  number: number;
  draft: boolean;
  base: string;
  head: string;
  commits: string[];
}

const CODELOAD = "https://codeload.github.com";
const METHODS = ["get", "post", "patch", "put", "delete"] as const;

/**
 * An in-memory GitHub behind nock: repositories as commits of files,
 * pull requests, check runs, comments, reviews, permissions. Every request
 * is checked against GitHub's OpenAPI description (operation and body),
 * GraphQL ones against its GraphQL schema (document and variables);
 * anything undocumented or unrouted is a violation the test asserts on.
 */
export class GitHubDouble {
  readonly received: Received[] = [];
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  readonly commits = new Map<string, Record<string, string>>();
  readonly parents = new Map<string, string>();
  readonly messages = new Map<string, string>();
  readonly pulls = new Map<number, PullState>();
  readonly checkRuns: CheckRunState[] = [];
  readonly issueComments: CommentState[] = [];
  readonly reviewComments: CommentState[] = [];
  readonly reviews: Record<string, unknown>[] = [];
  /** The app's reactions on issue comments. */
  readonly reactions: { id: number; comment: number; content: string }[] = [];
  /** Review threads resolved, by the id of their first comment. */
  readonly resolvedThreads = new Set<number>();
  readonly permissions = new Map<string, string>();
  readonly teams = new Map<string, Set<string>>();
  /** Files of other repositories' default branches, `owner/repo:path`. */
  readonly remoteFiles = new Map<string, string>();
  /** Archives to serve instead of building one, by SHA. */
  readonly tarballs = new Map<string, Buffer>();
  nextId = 1000;

  /**
   * @param api - the REST root: `https://api.github.com`, or a GitHub
   *   Enterprise Server's `http(s)://<host>/api/v3`
   */
  constructor(
    readonly owner = "Codertocat",
    readonly repo = "Hello-World",
    readonly api = "https://api.github.com",
  ) {}

  /** Adds a commit; `parent` makes it a child for per-commit patches. */
  commit(
    sha: string,
    files: Record<string, string>,
    parent?: string,
    message = `commit ${sha}`,
  ): void {
    this.commits.set(sha, files);
    this.messages.set(sha, message);
    if (parent) this.parents.set(sha, parent);
  }

  /** Builds the archive GitHub serves for a SHA. */
  tarball(sha: string): Buffer {
    const stored = this.tarballs.get(sha);
    if (stored) return stored;
    const files = this.commits.get(sha);
    if (!files) throw new Error(`no commit ${sha}`);
    return githubTarball(
      `${this.owner}-${this.repo}-${sha.slice(0, 7)}`,
      files,
    );
  }

  /** Check runs of one SHA. */
  runsFor(sha: string): CheckRunState[] {
    return this.checkRuns.filter((r) => r.head_sha === sha);
  }

  /** Intercepts api.github.com and codeload; call `nock.cleanAll()` after. */
  install(): void {
    const table = routes(this);
    for (const method of METHODS) {
      nock(new URL(this.api).origin)
        .persist()
        .intercept(/.*/, method.toUpperCase())
        .reply((uri, body, done) => {
          this.answer(table, method.toUpperCase(), uri, body).then(
            (r) =>
              done(null, [r.status, r.body as nock.ReplyBody, r.headers ?? {}]),
            (err: Error) => done(err, [500, { message: err.message }]),
          );
        });
    }
    nock(CODELOAD)
      .persist()
      .get(/\/legacy\.tar\.gz\//)
      .reply((uri) => {
        const sha = uri.split("/").at(-1) ?? "";
        return [
          200,
          this.tarball(sha),
          { "content-type": "application/x-gzip" },
        ];
      });
  }

  private async answer(
    table: Route[],
    method: string,
    uri: string,
    raw: unknown,
  ): Promise<Reply> {
    const body = parseBody(raw);
    const path = (uri.split("?")[0] ?? "").replace(/^\/api\/v3(?=\/)/, "");
    if (GRAPHQL.test(path) && method === "POST") return this.graphQl(uri, body);
    const check = checkRequest(method, path, body);
    const received: Received = { method, path: uri, body, at: Date.now() };
    if (check.operation) received.operation = check.operation;
    this.received.push(received);
    this.violations.push(...check.errors);
    const faulted = await this.fault(method, path);
    if (faulted) return faulted;
    const query = new URLSearchParams(uri.split("?")[1] ?? "");
    for (const route of table) {
      const m = route.method === method ? route.path.exec(path) : null;
      if (m) return route.handle(m, body, query);
    }
    this.violations.push(`unexpected request ${method} ${uri}`);
    return { status: 404, body: { message: "Not Found" } };
  }

  /** Consumes a matching scripted fault, if any. */
  private async fault(
    method: string,
    path: string,
  ): Promise<Reply | undefined> {
    const fault = this.faults.find(
      (f) => f.method === method && f.path.test(path) && f.times > 0,
    );
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    return fault.reply;
  }

  /** A GraphQL request: checked against the schema, then executed. */
  private async graphQl(uri: string, body: unknown): Promise<Reply> {
    const check = checkGraphQl(body);
    const received: Received = {
      method: "POST",
      path: uri,
      body,
      at: Date.now(),
    };
    this.received.push(received);
    if (!("document" in check)) {
      this.violations.push(...check.errors);
      return { status: 200, body: { errors: check.errors } };
    }
    received.operation = check.operation;
    const faulted = await this.fault("POST", `/graphql#${check.operation}`);
    if (faulted) return faulted;
    const { variables } = body as { variables?: Record<string, unknown> };
    const result = await executeGraphQl(
      check.document,
      variables,
      graphQlRoot(this),
    );
    this.violations.push(...(result.errors ?? []));
    const errors = result.errors?.map((message) => ({ message }));
    return { status: 200, body: { data: result.data, errors } };
  }
}

/** GitHub's GraphQL endpoint, and a GHES one (`/api/graphql`). */
const GRAPHQL = /^(?:\/api)?\/graphql$/;

function parseBody(raw: unknown): unknown {
  if (typeof raw !== "string" || raw === "")
    return raw === "" ? undefined : raw;
  try {
    return JSON.parse(raw);
  } catch {
    // Not JSON: kept as text for the OpenAPI check to reject.
    return raw;
  }
}
