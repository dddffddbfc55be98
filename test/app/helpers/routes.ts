import { structuredPatch } from "diff";
import type { GitHubDouble } from "./gitHubDouble.js";

/** What the double answers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One documented operation the double implements. */
export interface Route {
  method: string;
  path: RegExp;
  handle: (m: RegExpExecArray, body: unknown, query: URLSearchParams) => Reply;
}

type Body = Record<string, unknown>;
const BOT = { login: "gitops-gate[bot]", type: "Bot" };

/** The REST operations the app uses, over the double's state. */
export function routes(gh: GitHubDouble): Route[] {
  const R = `^/repos/${gh.owner}/${gh.repo}`;
  const route = (method: string, path: string, handle: Route["handle"]) => ({
    method,
    path: new RegExp(path.startsWith("/") ? `^${path}$` : `${R}/${path}$`),
    handle,
  });
  return [
    route("POST", "/app/installations/(\\d+)/access_tokens", () =>
      ok(201, {
        token: "ghs_installation_token_never_logged",
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
        permissions: {},
        repository_selection: "all",
      }),
    ),
    route("GET", "pulls/(\\d+)", (m) => ok(200, pullJson(gh, Number(m[1])))),
    route("GET", "pulls", (_m, _b, q) =>
      page(
        q.get("state") === "open"
          ? [...gh.pulls.keys()].map((n) => pullJson(gh, n))
          : [],
        q,
      ),
    ),
    route("GET", "pulls/(\\d+)/files", (m, _b, q) =>
      page(filesOf(gh, pull(gh, Number(m[1]))), q),
    ),
    route("GET", "pulls/(\\d+)/commits", (m, _b, q) =>
      page(
        pull(gh, Number(m[1])).commits.map((sha) => commitJson(gh, sha, false)),
        q,
      ),
    ),
    route("GET", "commits/([0-9a-f]+)", (m) =>
      ok(200, commitJson(gh, m[1] ?? "", true)),
    ),
    route("GET", "git/commits/([0-9a-f]+)", (m) => {
      const parent = gh.parents.get(m[1] ?? "");
      return ok(200, {
        sha: m[1],
        parents: parent ? [{ sha: parent }] : [],
      });
    }),
    route("GET", "compare/([0-9a-f]+)\\.\\.\\.([0-9a-f]+)", (m) =>
      ok(200, {
        commits: chain(gh, m[1] ?? "", m[2] ?? "").map((s) =>
          commitJson(gh, s, false),
        ),
        files: [],
      }),
    ),
    route("GET", "tarball/([0-9a-f]+)", (m) => ({
      status: 302,
      headers: {
        location: `https://codeload.github.com/${gh.owner}/${gh.repo}/legacy.tar.gz/${m[1]}`,
      },
    })),
    route("GET", "contents/(.+)", (m, _b, q) =>
      content(gh, `${gh.owner}/${gh.repo}`, m[1] ?? "", q.get("ref")),
    ),
    route("GET", "/repos/([^/]+)/([^/]+)/contents/(.+)", (m) =>
      content(gh, `${m[1]}/${m[2]}`, m[3] ?? "", null),
    ),
    route("GET", "commits/([0-9a-f]+)/check-runs", (m) => {
      const runs = gh.runsFor(m[1] ?? "");
      return ok(200, { total_count: runs.length, check_runs: runs });
    }),
    route("POST", "check-runs", (_m, body) => {
      const b = body as Body;
      const run = {
        id: gh.nextId++,
        head_sha: String(b.head_sha),
        name: String(b.name),
        status: String(b.status ?? "queued"),
        conclusion: null,
        external_id: String(b.external_id ?? ""),
        output: {},
        annotations: [],
        app: { id: 1, slug: "gitops-gate" },
      };
      gh.checkRuns.push(run);
      return ok(201, run);
    }),
    route("PATCH", "check-runs/(\\d+)", (m, body) => {
      const run = gh.checkRuns.find((r) => r.id === Number(m[1]));
      if (!run) return ok(404, { message: "Not Found" });
      const b = body as Body & { output?: Body & { annotations?: Body[] } };
      if (b.status) run.status = String(b.status);
      if (b.conclusion) run.conclusion = String(b.conclusion);
      if (b.actions) run.actions = b.actions as unknown[];
      if (b.output) {
        const { annotations = [], ...output } = b.output;
        run.output = output;
        run.annotations.push(...annotations);
      }
      return ok(200, run);
    }),
    route("GET", "issues/(\\d+)/comments", (_m, _b, q) =>
      page(gh.issueComments, q),
    ),
    route("POST", "issues/(\\d+)/comments", (_m, body) => {
      const c = {
        id: gh.nextId++,
        body: String((body as Body).body),
        user: BOT,
      };
      gh.issueComments.push(c);
      return ok(201, c);
    }),
    route("PATCH", "issues/comments/(\\d+)", (m, body) => {
      const c = gh.issueComments.find((x) => x.id === Number(m[1]));
      if (!c) return ok(404, { message: "Not Found" });
      c.body = String((body as Body).body);
      return ok(200, c);
    }),
    route("POST", "issues/comments/(\\d+)/reactions", (m, body) => {
      const comment = Number(m[1]);
      const content = String((body as Body).content);
      // GitHub answers 200 with the existing reaction when it is a repeat.
      const same = gh.reactions.find(
        (r) => r.comment === comment && r.content === content,
      );
      if (same) return ok(200, { id: same.id, content });
      const reaction = { id: gh.nextId++, comment, content };
      gh.reactions.push(reaction);
      return ok(201, { id: reaction.id, content });
    }),
    route("DELETE", "issues/comments/(\\d+)/reactions/(\\d+)", (m) => {
      const at = gh.reactions.findIndex((r) => r.id === Number(m[2]));
      if (at < 0) return ok(404, { message: "Not Found" });
      gh.reactions.splice(at, 1);
      return { status: 204 };
    }),
    route("GET", "pulls/(\\d+)/comments", (_m, _b, q) =>
      page(gh.reviewComments, q),
    ),
    route("POST", "pulls/(\\d+)/reviews", (_m, body) => {
      const b = body as Body & { comments?: Body[] };
      gh.reviews.push(b);
      for (const c of b.comments ?? []) {
        gh.reviewComments.push({
          id: gh.nextId++,
          body: String(c.body),
          user: BOT,
          path: String(c.path),
          line: Number(c.line),
          commit_id: String(b.commit_id),
        });
      }
      return ok(200, { id: gh.nextId++, state: "COMMENTED" });
    }),
    route("POST", "pulls/(\\d+)/comments/(\\d+)/replies", (m, body) => {
      const c = {
        id: gh.nextId++,
        body: String((body as Body).body),
        user: BOT,
        in_reply_to_id: Number(m[2]),
      };
      gh.reviewComments.push(c);
      return ok(201, c);
    }),
    route("GET", "collaborators/([^/]+)/permission", (m) => {
      const permission = gh.permissions.get(m[1] ?? "") ?? "read";
      return ok(200, {
        permission,
        role_name: permission,
        user: { login: m[1] },
      });
    }),
    route("GET", "/orgs/([^/]+)/teams/([^/]+)", (m) =>
      gh.teams.has(m[2] ?? "")
        ? ok(200, { id: 1, slug: m[2], name: m[2] })
        : ok(404, { message: "Not Found" }),
    ),
    route("GET", "/orgs/([^/]+)/teams/([^/]+)/memberships/([^/]+)", (m) =>
      gh.teams.get(m[2] ?? "")?.has(m[3] ?? "")
        ? ok(200, { state: "active", role: "member", url: "" })
        : ok(404, { message: "Not Found" }),
    ),
  ];
}

function ok(status: number, body: unknown): Reply {
  return { status, body };
}

function pull(gh: GitHubDouble, n: number) {
  const p = gh.pulls.get(n);
  if (!p) throw new Error(`no pull ${n}`);
  return p;
}

function pullJson(gh: GitHubDouble, n: number): Body {
  const p = pull(gh, n);
  return {
    number: p.number,
    draft: p.draft,
    state: "open",
    changed_files: filesOf(gh, p).length,
    head: { sha: p.head, ref: "feature" },
    base: { sha: p.base, ref: "main" },
  };
}

/** `per_page`/`page` with a Link header, as GitHub paginates. */
function page(items: readonly unknown[], q: URLSearchParams): Reply {
  const per = Number(q.get("per_page") ?? 30);
  const n = Number(q.get("page") ?? 1);
  const slice = items.slice((n - 1) * per, n * per);
  const headers: Record<string, string> = {};
  if (n * per < items.length) {
    headers.link = `<https://api.github.com/next?per_page=${per}&page=${n + 1}>; rel="next"`;
  }
  return { status: 200, body: slice, headers };
}

function filesOf(gh: GitHubDouble, p: { base: string; head: string }) {
  return diffFiles(gh.commits.get(p.base) ?? {}, gh.commits.get(p.head) ?? {});
}

function diffFiles(
  before: Record<string, string>,
  after: Record<string, string>,
) {
  const paths = [
    ...new Set([...Object.keys(before), ...Object.keys(after)]),
  ].sort();
  return paths
    .filter((path) => before[path] !== after[path])
    .map((filename) => {
      const status = !(filename in before)
        ? "added"
        : !(filename in after)
          ? "removed"
          : "modified";
      return {
        filename,
        status,
        additions: 0,
        deletions: 0,
        changes: 0,
        patch: hunks(before[filename] ?? "", after[filename] ?? ""),
      };
    });
}

function hunks(a: string, b: string): string {
  return structuredPatch("a", "b", a, b)
    .hunks.map((h) =>
      [
        `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`,
        ...h.lines,
      ].join("\n"),
    )
    .join("\n");
}

function commitJson(gh: GitHubDouble, sha: string, withFiles: boolean): Body {
  const parent = gh.parents.get(sha);
  const json: Body = {
    sha,
    commit: { message: gh.messages.get(sha) ?? "" },
    parents: parent ? [{ sha: parent }] : [],
  };
  if (withFiles)
    json.files = diffFiles(
      gh.commits.get(parent ?? "") ?? {},
      gh.commits.get(sha) ?? {},
    );
  return json;
}

function chain(gh: GitHubDouble, base: string, head: string): string[] {
  const out: string[] = [];
  for (let s: string | undefined = head; s && s !== base; s = gh.parents.get(s))
    out.unshift(s);
  return out;
}

function content(
  gh: GitHubDouble,
  repo: string,
  path: string,
  ref: string | null,
): Reply {
  const own = `${gh.owner}/${gh.repo}`;
  const text =
    repo === own && ref
      ? gh.commits.get(ref)?.[decodeURIComponent(path)]
      : gh.remoteFiles.get(`${repo}:${decodeURIComponent(path)}`);
  return text === undefined
    ? ok(404, { message: "Not Found" })
    : { status: 200, body: text, headers: { "content-type": "text/plain" } };
}
