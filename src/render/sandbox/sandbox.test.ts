import { readFile, symlink } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { kustomizeRenderer } from "../kustomize/kustomizeRenderer.js";
import { parseRendered } from "../parseRendered.js";
import type { RenderTarget } from "../RenderTarget.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { SYMLINK_ESCAPES } from "./copyCheckout.js";
import { createSandbox } from "./Sandbox.js";
import { runTool } from "./runTool.js";
import { scrubbedEnv } from "./scrubbedEnv.js";

const CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";
let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

async function renderOnly(
  files: Record<string, string>,
  render: unknown = {},
  prepare?: (dir: string) => Promise<void>,
) {
  s = await scenario(files, render);
  await prepare?.(s.dir);
  const [target] = await kustomizeRenderer.discover(await s.files(), s.ctx);
  return kustomizeRenderer.render(target!, s.ctx);
}

describe("kustomize hostile inputs", () => {
  const cases: {
    name: string;
    files: Record<string, string>;
    render?: unknown;
    rule: string;
    message: string | RegExp;
    line?: number;
  }[] = [
    {
      name: "a base outside the repository",
      files: { "app/kustomization.yaml": "resources:\n  - ../../../../etc\n" },
      rule: "render/path-escapes",
      message:
        'resources entry "../../../../etc" leaves the repository; refused before rendering',
      line: 2,
    },
    {
      name: "an absolute resource path",
      files: { "app/kustomization.yaml": "resources:\n  - /etc/passwd\n" },
      rule: "render/path-escapes",
      message:
        'resources entry "/etc/passwd" leaves the repository; refused before rendering',
      line: 2,
    },
    {
      name: "a remote git base",
      files: {
        "app/kustomization.yaml":
          "resources:\n  - cm.yaml\n  - https://github.com/evil/repo//base?ref=v1\n",
        "app/cm.yaml": CM,
      },
      rule: "render/remote",
      message:
        'remote source "https://github.com/evil/repo//base?ref=v1" was not fetched (host github.com is not in render.remote.allow); this target is not rendered',
      line: 3,
    },
    {
      name: "a remote base written with go-getter's git:: prefix",
      files: {
        "app/kustomization.yaml":
          "resources:\n  - git::https://git.example.com/org/repo//base\n",
      },
      rule: "render/remote",
      message:
        'remote source "git::https://git.example.com/org/repo//base" was not fetched (host git.example.com is not in render.remote.allow); this target is not rendered',
      line: 2,
    },
    {
      name: "a remote base written with kustomize's gh: shorthand",
      files: {
        "app/kustomization.yaml": "resources:\n  - gh:org/repo//base?ref=v1\n",
      },
      rule: "render/remote",
      message:
        'remote source "gh:org/repo//base?ref=v1" was not fetched (host github.com is not in render.remote.allow); this target is not rendered',
      line: 2,
    },
    {
      name: "a remote base written scp-like with a user",
      files: {
        "app/kustomization.yaml":
          "resources:\n  - deploy@git.example.com:org/repo//base\n",
      },
      rule: "render/remote",
      message:
        'remote source "deploy@git.example.com:org/repo//base" was not fetched (host git.example.com is not in render.remote.allow); this target is not rendered',
      line: 2,
    },
    {
      name: "a github.com base hidden behind a local directory of that name",
      files: {
        "app/kustomization.yaml": "resources:\n  - github.com/evil/repo\n",
        "app/github.com/evil/repo/kustomization.yaml": "resources: []\n",
      },
      rule: "render/remote",
      message:
        'remote source "github.com/evil/repo" was not fetched (host github.com is not in render.remote.allow); this target is not rendered',
      line: 2,
    },
    {
      name: "an exec KRM function",
      files: {
        "app/kustomization.yaml": "transformers:\n  - fn.yaml\n",
        "app/fn.yaml":
          "apiVersion: example.com/v1\nkind: Evil\nmetadata:\n  name: x\n  annotations:\n    config.kubernetes.io/function: |\n      exec:\n        path: /bin/sh\n",
      },
      rule: "render/krm-function",
      message:
        'transformers entry "fn.yaml" is an exec or container KRM function; functions and plugins never run in the gate',
      line: 2,
    },
    {
      name: "a container KRM function",
      files: {
        "app/kustomization.yaml": "generators:\n  - gen.yaml\n",
        "app/gen.yaml":
          "apiVersion: example.com/v1\nkind: Gen\nmetadata:\n  name: x\n  annotations:\n    config.kubernetes.io/function: |\n      container:\n        image: evil/miner\n",
      },
      rule: "render/krm-function",
      message:
        'generators entry "gen.yaml" is an exec or container KRM function; functions and plugins never run in the gate',
      line: 2,
    },
    {
      name: "an exec KRM function written inline",
      files: {
        "app/kustomization.yaml":
          "transformers:\n  - |\n    apiVersion: example.com/v1\n    kind: Evil\n    metadata:\n      name: x\n      annotations:\n        config.kubernetes.io/function: |\n          exec:\n            path: /bin/sh\n",
      },
      rule: "render/krm-function",
      message:
        "an inline transformers entry is an exec or container KRM function; functions and plugins never run in the gate",
      line: 2,
    },
    {
      name: "a directory of KRM function configs",
      files: {
        "app/kustomization.yaml":
          "resources:\n  - cm.yaml\ngenerators:\n  - fns\n",
        "app/cm.yaml": CM,
        "app/fns/kustomization.yaml": "resources:\n  - fn.yaml\n",
        "app/fns/fn.yaml":
          "apiVersion: example.com/v1\nkind: Gen\nmetadata:\n  name: x\n  annotations:\n    config.kubernetes.io/function: |\n      container:\n        image: evil/miner\n",
      },
      rule: "render/krm-function",
      message:
        'generators entry "fns" is an exec or container KRM function; functions and plugins never run in the gate',
      line: 4,
    },
    {
      name: "helmCharts while Helm is off",
      files: {
        "app/kustomization.yaml":
          "helmCharts:\n  - name: x\n    repo: https://charts.example.com\n",
      },
      rule: "render/helm-disabled",
      message:
        'helmCharts entry "x" needs Helm inside kustomize, which render.kustomize.enableHelm does not allow',
      line: 2,
    },
    {
      name: "a legacy plugin",
      files: {
        "app/kustomization.yaml": "transformers:\n  - t.yaml\n",
        "app/t.yaml":
          "apiVersion: example.com/v1\nkind: Evil\nmetadata:\n  name: x\n",
      },
      rule: "render/failed",
      message:
        /^kustomize failed: error: external plugins disabled; unable to load external plugin 'Evil'$/,
    },
    {
      name: "a file outside the kustomization root (load restrictor)",
      files: {
        "app/kustomization.yaml": "resources:\n  - ../secret.yaml\n",
        "secret.yaml": CM,
      },
      rule: "render/failed",
      message:
        /security; file '(\.\/)?secret\.yaml' is not in or below '(\.\/)?app'/,
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const out = await renderOnly(c.files, c.render);
      expect(out.ok).toBe(false);
      expect(out.resources).toEqual([]);
      const f = out.findings.find((x) => x.ruleId === c.rule);
      expect(f, JSON.stringify(out.findings)).toBeDefined();
      if (typeof c.message === "string") expect(f!.message).toBe(c.message);
      else expect(f!.message).toMatch(c.message);
      expect(f!.message).not.toMatch(/\/tmp\/|gg-render|gg-scenario/);
      if (c.line !== undefined) {
        expect(f!.location).toEqual({
          path: "app/kustomization.yaml",
          line: c.line,
        });
      }
    });
  }

  it("refuses a symlink that leaves the repository before kustomize reads it", async () => {
    const out = await renderOnly(
      { "app/kustomization.yaml": "resources:\n  - link.yaml\n" },
      {},
      (dir) => symlink("/etc/hostname", join(dir, "app/link.yaml")),
    );
    expect(out.ok).toBe(false);
    expect(out.findings).toEqual([
      expect.objectContaining({
        ruleId: "render/unsafe-file",
        message: SYMLINK_ESCAPES,
        location: { path: "app/link.yaml" },
      }),
    ]);
  });

  it("builds a local directory whose name looks like a host", async () => {
    const out = await renderOnly({
      "app/kustomization.yaml": "resources:\n  - my.dir/base\n",
      "app/my.dir/base/kustomization.yaml": "resources:\n  - cm.yaml\n",
      "app/my.dir/base/cm.yaml": CM,
    });
    expect(out.findings).toEqual([]);
    expect(out.resources.map((r) => r.name)).toEqual(["a"]);
  });

  it("keeps a symlink that stays inside the repository", async () => {
    const out = await renderOnly(
      {
        "app/kustomization.yaml": "resources:\n  - link.yaml\n",
        "shared/cm.yaml": CM,
      },
      {},
      (dir) => symlink("../shared/cm.yaml", join(dir, "app/link.yaml")),
    );
    expect(out.findings.map((f) => f.ruleId)).not.toContain(
      "render/unsafe-file",
    );
  });

  it("reports a missing binary with the install hint", async () => {
    s = await scenario({ "app/kustomization.yaml": "resources: []\n" });
    const sb = await createSandbox(s.dir, s.ctx.config.render.limits, {});
    try {
      const [t] = await kustomizeRenderer.discover(await s.files(), s.ctx);
      const out = await kustomizeRenderer.render(
        t as RenderTarget,
        {
          ...s.ctx,
          sandbox: sb,
        } as typeof s.ctx,
      );
      expect(out.findings[0]?.ruleId).toBe("render/missing-tool");
      expect(out.findings[0]?.message).toMatch(
        /^kustomize was not found: install/,
      );
    } finally {
      await sb.dispose();
    }
  });

  it("stops kustomize at the memory cap", async () => {
    const out = await renderOnly(
      {
        "app/kustomization.yaml": "resources:\n  - cm.yaml\n",
        "app/cm.yaml": CM,
      },
      { limits: { maxMemoryMB: 8 } },
    );
    expect(out.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ["render/memory", "kustomize exceeded the 8 MB memory limit"],
    ]);
  });
});

describe("runTool and the environment", () => {
  const limits = { timeoutMs: 10_000, maxOutputBytes: 1 << 20 };

  it("passes no variable of the gate's environment to a tool", async () => {
    process.env["GITHUB_TOKEN"] = "ghs_secret";
    process.env["PRIVATE_KEY"] = "-----BEGIN";
    try {
      const env = scrubbedEnv("/nonexistent/home", "/nonexistent/tmp");
      const r = await runTool({
        command: "/usr/bin/env",
        args: [],
        cwd: "/",
        env,
        limits,
      });
      const names = r.stdout
        .trim()
        .split("\n")
        .map((l) => l.split("=")[0])
        .sort();
      expect(names).toEqual(Object.keys(env).sort());
      expect(r.stdout).not.toContain("ghs_secret");
    } finally {
      delete process.env["GITHUB_TOKEN"];
      delete process.env["PRIVATE_KEY"];
    }
  });

  it("kills the whole process group on timeout", async () => {
    const env = scrubbedEnv("/", "/tmp");
    const r = await runTool({
      command: "/bin/sh",
      args: ["-c", "sleep 30 & echo $!; wait"],
      cwd: "/",
      env,
      limits: { ...limits, timeoutMs: 300 },
    });
    expect(r.refusal).toBe("timeout");
    const grandchild = Number(r.stdout.trim());
    expect(grandchild).toBeGreaterThan(0);
    expect(await gone(grandchild)).toBe(true);
  });

  it("stops a tool whose output exceeds the cap", async () => {
    const r = await runTool({
      command: "/usr/bin/yes",
      args: [],
      cwd: "/",
      env: scrubbedEnv("/", "/tmp"),
      limits: { ...limits, maxOutputBytes: 4096 },
    });
    expect(r.refusal).toBe("output");
    expect(r.stdout.length).toBeLessThanOrEqual(4096);
  });
});

/** True once `pid` has exited (no process, or a zombie awaiting init). */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    if (stat === "" || / [ZX] /.test(stat)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe("parseRendered", () => {
  it("caps alias expansion in tool output", () => {
    const bomb = [
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:",
      '  a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      "  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]",
      "  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]",
      "  e: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]",
    ].join("\n");
    const out = parseRendered(bomb, "app/kustomization.yaml");
    expect(out.objects).toEqual([]);
    expect(out.problems.map((p) => [p.ruleId, p.location])).toEqual([
      ["render/output-alias", { path: "app/kustomization.yaml" }],
    ]);
  });
});
