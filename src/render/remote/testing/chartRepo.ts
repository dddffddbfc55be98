import { execFileSync } from "node:child_process";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeRepo } from "../../testing/scenario.js";
import { findTools } from "../../sandbox/findTools.js";

/** A chart repository served over HTTP on 127.0.0.1, for tests. */
export interface ChartRepo {
  /** `http://127.0.0.1:<port>`, the index URL. */
  url: string;
  /** `127.0.0.1:<port>`. */
  host: string;
  /** Requests served, in order (`/index.yaml`, `/web-1.0.0.tgz`). */
  requests: string[];
  /** Packaged archives, by file name, for pushing to a registry. */
  dir: string;
  stop(): Promise<void>;
}

/** The helm binary the tests use. */
export function testHelm(): string {
  const helm = findTools().helm?.command;
  if (!helm) throw new Error("helm not found: run `npm ci`");
  return helm;
}

/**
 * Packages each chart (`name` → files of its directory) with `helm
 * package`, indexes them with `helm repo index` and serves the directory;
 * paths under `/private/` answer 401, as a repository that needs a login.
 */
export async function startChartRepo(
  charts: Record<string, Record<string, string>>,
): Promise<ChartRepo> {
  const dir = await mkdtemp(join(tmpdir(), "gg-chartrepo-"));
  const helm = testHelm();
  for (const [name, files] of Object.entries(charts)) {
    await writeRepo(join(dir, "src", name), files);
    execFileSync(helm, ["package", join(dir, "src", name), "-d", dir]);
  }
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push(path);
    if (path.startsWith("/private/")) {
      res.writeHead(401).end("login required");
      return;
    }
    readFile(join(dir, path.replace(/^\/+/, "").replace(/\.\./g, "")))
      .then((body) => res.writeHead(200).end(body))
      .catch(() => res.writeHead(404).end("not found"));
  });
  const port = await listen(server);
  const host = `127.0.0.1:${port}`;
  const url = `http://${host}`;
  execFileSync(helm, ["repo", "index", dir, "--url", url]);
  return {
    url,
    host,
    requests,
    dir,
    stop: async () => {
      await new Promise((r) => server.close(r));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const a = server.address();
      resolve(typeof a === "object" && a ? a.port : 0);
    });
  });
}

/** A chart `name` at `version` with one ConfigMap naming its version. */
export function versionedChart(
  name: string,
  version: string,
): Record<string, string> {
  return {
    "Chart.yaml": `apiVersion: v2\nname: ${name}\nversion: ${version}\n`,
    "values.yaml": "greeting: hello\n",
    "templates/cm.yaml": [
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      "  name: {{ .Release.Name }}-cfg",
      "data:",
      `  version: "${version}"`,
      "  greeting: {{ .Values.greeting | quote }}",
      "",
    ].join("\n"),
  };
}
