import { describe, expect, it } from "vitest";
import {
  CONFIG,
  D,
  baseKey,
  brief,
  deployment,
  fakeVerifier,
  input,
  target,
} from "./testing/checkHarness.js";
import { createImagesCheck } from "./imagesCheck.js";

describe("imagesCheck selection and findings", () => {
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
