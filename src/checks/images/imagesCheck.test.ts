import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import { environmentOf } from "../../config/environmentOf.js";
import { parseConfig } from "../../config/parseConfig.js";
import { parseYaml } from "../../manifests/parseYaml.js";
import { toResources } from "../../manifests/toResources.js";
import {
  NotFoundError,
  RegistryUnreachableError,
  formatImageRef,
  type ImagePolicy,
  type ImageRef,
  type ImageVerdict,
} from "../../oci/index.js";
import type { RenderedTarget } from "../../render/RenderTarget.js";
import type { Tree } from "../../workspace/Tree.js";
import type { CheckInput } from "../Check.js";
import { createImagesCheck } from "./imagesCheck.js";

const D = `sha256:${"cd".repeat(32)}`;
const pem = (k: KeyObject) =>
  k.export({ type: "spki", format: "pem" }).toString();
const baseKey = generateKeyPairSync("ed25519").publicKey;
const headKey = generateKeyPairSync("ed25519").publicKey;

function tree(side: Tree["side"], files: Record<string, string>): Tree {
  return {
    dir: `/virtual/${side}`,
    side,
    files: async () => Object.keys(files).sort(),
    readFile: async (p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`${p}: no such file`);
      return Buffer.from(text);
    },
  };
}

function target(path: string, yaml: string): RenderedTarget {
  const { resources } = toResources(path, parseYaml(path, yaml).documents);
  return {
    target: { id: `plain:${path}`, kind: "plain", path, inputs: [path] },
    ok: true,
    resources,
    findings: [],
  };
}

const deployment = (...images: string[]) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
${images.map((i, n) => `        - { name: c${n}, image: "${i}" }`).join("\n")}
`;

const CONFIG = `environments:
  dev: { paths: ["dev/**"] }
checks:
  images:
    policies:
      - name: ours
        images: ["ghcr.io/org/**"]
        authorities: [{ key: { path: keys/cosign.pub } }]
        environments: { dev: warn }
`;

type Answer = Omit<ImageVerdict, "digest" | "cached"> | Error;

function fakeVerifier(answers: Record<string, Answer> = {}) {
  const calls: { image: string; policy: ImagePolicy }[] = [];
  const verifier = {
    async verify(ref: ImageRef, policy: ImagePolicy): Promise<ImageVerdict> {
      const image = formatImageRef(ref);
      calls.push({ image, policy });
      const answer = answers[image] ?? {
        signature: { status: "verified", authority: "k" },
        attestations: [],
      };
      if (answer instanceof Error) throw answer;
      return { ...answer, digest: ref.digest ?? D, cached: false };
    },
  };
  return { verifier, calls };
}

function input(opts: {
  head: RenderedTarget[];
  base?: RenderedTarget[];
  config?: string;
}): CheckInput {
  const config = parseConfig(".github/gitops-gate.yml", opts.config ?? CONFIG);
  const out: CheckInput = {
    config,
    head: tree("head", { "keys/cosign.pub": pem(headKey) }),
    base: tree("base", { "keys/cosign.pub": pem(baseKey) }),
    targets: opts.head,
    changes: { all: false, paths: [], commits: [] },
    environmentOf: (p) => environmentOf(config, p),
  };
  if (opts.base) out.baseTargets = opts.base;
  return out;
}

const brief = (f: {
  ruleId: string;
  severity: string;
  location: { line?: number };
}) => `${f.severity} ${f.ruleId} :${f.location.line}`;

describe("imagesCheck", () => {
  it("verifies only images new in the PR, with the base revision's key", async () => {
    const { verifier, calls } = fakeVerifier();
    const check = createImagesCheck({ verifier });
    const findings = await check.run(
      input({
        base: [target("prod/a.yaml", deployment(`ghcr.io/org/a@${D}`))],
        head: [
          target(
            "prod/a.yaml",
            deployment(`ghcr.io/org/a@${D}`, `ghcr.io/org/b@${D}`),
          ),
        ],
      }),
    );
    expect(findings).toEqual([]);
    expect(calls.map((c) => c.image)).toEqual([`ghcr.io/org/b@${D}`]);
    const authority = calls[0]?.policy.authorities[0];
    expect(authority?.kind === "key" && authority.key.equals(baseKey)).toBe(
      true,
    );
  });

  it("treats an image promoted to another target as new there", async () => {
    const { verifier, calls } = fakeVerifier();
    const image = deployment(`ghcr.io/org/a@${D}`);
    const findings = await createImagesCheck({ verifier }).run(
      input({
        base: [target("dev/a.yaml", image)],
        head: [target("dev/a.yaml", image), target("prod/a.yaml", image)],
      }),
    );
    expect(findings).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it("verifies every image with verify: all", async () => {
    const { verifier, calls } = fakeVerifier();
    const config = CONFIG.replace("policies:", "verify: all\n    policies:");
    const t = target("prod/a.yaml", deployment(`ghcr.io/org/a@${D}`));
    await createImagesCheck({ verifier }).run(
      input({ base: [t], head: [t], config }),
    );
    expect(calls).toHaveLength(1);
  });

  it("reports each failure on the image line, warn-mode environments as warnings", async () => {
    const { verifier } = fakeVerifier({
      "ghcr.io/org/unsigned:v1": {
        signature: { status: "missing", detail: "no signature found" },
        attestations: [],
      },
      [`ghcr.io/org/stranger@${D}`]: {
        signature: { status: "untrusted", detail: "wrong key" },
        attestations: [
          {
            predicateType: "https://spdx.dev/Document",
            status: "missing",
            detail: "",
          },
        ],
      },
    });
    const yaml = deployment(
      "ghcr.io/org/unsigned:v1",
      `ghcr.io/org/stranger@${D}`,
      "docker.io/library/nginx:1",
    );
    const findings = await createImagesCheck({ verifier }).run(
      input({
        head: [target("prod/a.yaml", yaml), target("dev/a.yaml", yaml)],
      }),
    );
    expect(findings.map(brief)).toEqual([
      "warning images/tag-not-pinned :8",
      "error images/unsigned :8",
      "error images/untrusted-signer :9",
      "error images/attestation-missing :9",
      "warning images/tag-not-pinned :8",
      "warning images/unsigned :8",
      "warning images/untrusted-signer :9",
      "warning images/attestation-missing :9",
    ]);
    expect(findings[1]).toMatchObject({
      location: { path: "prod/a.yaml", line: 8 },
      resource: { kind: "Deployment", name: "web" },
      target: "plain:prod/a.yaml",
    });
    expect(findings[5]?.environment).toBe("dev");
  });

  it("fails closed when the registry is unreachable, unless config says warn", async () => {
    const down = new RegistryUnreachableError(
      "request GET https://ghcr.io/v2/org/a/manifests/v1 failed",
      {
        cause: new TypeError("ECONNREFUSED"),
      },
    );
    const answers = {
      [`ghcr.io/org/a@${D}`]: down,
      [`ghcr.io/org/gone@${D}`]: new NotFoundError("gone"),
    };
    const head = [
      target(
        "prod/a.yaml",
        deployment(`ghcr.io/org/a@${D}`, `ghcr.io/org/gone@${D}`),
      ),
    ];
    const strict = await createImagesCheck(fakeVerifier(answers)).run(
      input({ head }),
    );
    expect(strict.map(brief)).toEqual([
      "error images/unreachable :8",
      "error images/not-found :9",
    ]);
    expect(strict[0]?.message).toContain("ECONNREFUSED");
    const config = CONFIG.replace(
      "policies:",
      "unreachable: warn\n    policies:",
    );
    const lenient = await createImagesCheck(fakeVerifier(answers)).run(
      input({ head, config }),
    );
    expect(lenient.map(brief)[0]).toBe("warning images/unreachable :8");
  });

  it("stops asking a registry that could not be reached", async () => {
    let calls = 0;
    const verifier = {
      async verify(): Promise<ImageVerdict> {
        calls++;
        await new Promise((r) => setTimeout(r, 5));
        throw new RegistryUnreachableError("request failed");
      },
    };
    const images = [..."abcdefgh"].map((n) => `ghcr.io/org/${n}@${D}`);
    const head = images.map((i, n) => target(`prod/${n}.yaml`, deployment(i)));
    const findings = await createImagesCheck({ verifier }).run(input({ head }));
    expect(findings.map((f) => f.ruleId)).toEqual(
      Array(8).fill("images/unreachable"),
    );
    expect(calls).toBe(4);
  });

  it("reports a key missing from the base as a policy error", async () => {
    const { verifier, calls } = fakeVerifier();
    const config = CONFIG.replace("keys/cosign.pub", "keys/missing.pub");
    const findings = await createImagesCheck({ verifier }).run(
      input({
        head: [target("prod/a.yaml", deployment(`ghcr.io/org/a@${D}`))],
        config,
      }),
    );
    expect(findings.map(brief)).toEqual(["error images/policy-error :8"]);
    expect(findings[0]?.message).toContain("keys/missing.pub (base revision)");
    expect(calls).toEqual([]);
  });

  it("reports unparsable references and ignores images no policy covers", async () => {
    const { verifier, calls } = fakeVerifier();
    const yaml = deployment("Bad/Ref", "quay.io/other/app:v1");
    const findings = await createImagesCheck({ verifier }).run(
      input({ head: [target("prod/a.yaml", yaml)] }),
    );
    expect(findings.map(brief)).toEqual(["error images/bad-reference :8"]);
    expect(calls).toEqual([]);
  });

  it("warns when the PR changes a policy's key file, and still uses the base key", async () => {
    const { verifier, calls } = fakeVerifier();
    const base = input({
      head: [target("prod/a.yaml", deployment(`ghcr.io/org/a@${D}`))],
    });
    base.changes = {
      all: false,
      paths: ["keys/cosign.pub", "prod/a.yaml"],
      commits: [],
    };
    const findings = await createImagesCheck({ verifier }).run(base);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "images/key-changed-in-pr",
        severity: "warning",
        location: { path: "keys/cosign.pub", line: 1 },
      }),
    ]);
    const authority = calls[0]?.policy.authorities[0];
    expect(authority?.kind === "key" && authority.key.equals(baseKey)).toBe(
      true,
    );
  });

  it("accepts cosign's predicate shorthands in policies", async () => {
    const { verifier, calls } = fakeVerifier();
    const config = CONFIG.replace(
      "environments: { dev: warn }",
      "environments: { dev: warn }\n        attestations: [{ predicateType: cyclonedx }, { predicateType: https://example.com/p }]",
    );
    const head = [target("prod/a.yaml", deployment(`ghcr.io/org/a@${D}`))];
    await createImagesCheck({ verifier }).run(input({ head, config }));
    expect(calls[0]?.policy.attestations).toEqual([
      "https://cyclonedx.org/bom",
      "https://example.com/p",
    ]);
  });

  it("does nothing without policies", async () => {
    const { verifier, calls } = fakeVerifier();
    const findings = await createImagesCheck({ verifier }).run(
      input({
        head: [target("a.yaml", deployment("ghcr.io/org/a"))],
        config: "",
      }),
    );
    expect([findings, calls]).toEqual([[], []]);
  });
});
