import { describe, expect, it } from "vitest";
import {
  NotFoundError,
  RegistryUnreachableError,
  type ImageVerdict,
} from "../../oci/index.js";
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

describe("imagesCheck failures", () => {
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
});
