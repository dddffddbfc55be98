import { describe, expect, it } from "vitest";
import { fakeSecrets } from "../checks/secrets/testing/fakeSecrets.js";
import { scrubDeep } from "./scrubDeep.js";
import { SecretRegistry } from "./SecretRegistry.js";

const s = fakeSecrets("deep");

describe("scrubDeep", () => {
  it("masks strings and keys at any depth, known values and shapes", () => {
    const registry = new SecretRegistry();
    registry.add(s.password);
    const data = {
      findings: [{ message: `render failed: ${s.password}`, line: 3 }],
      [s.githubToken]: { nested: [s.slackToken, true, null] },
    };
    const out = JSON.stringify(scrubDeep(data, (t) => registry.mask(t)));
    for (const v of [s.password, s.githubToken, s.slackToken]) {
      expect(out).not.toContain(v);
    }
    expect(out).toContain('"line":3');
    expect(out).toContain("[secret ");
  });

  it("leaves the input untouched", () => {
    const data = { a: s.githubToken };
    scrubDeep(data, (t) => t);
    expect(data.a).toBe(s.githubToken);
  });
});
