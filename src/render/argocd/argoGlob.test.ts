import { describe, expect, it } from "vitest";
import { argoGlob } from "./argoGlob.js";

// Patterns from Argo CD's directory docs, and gobwas/glob's rules: no
// separators, so `*` crosses `/`; a pattern that does not compile
// matches nothing.
const cases: [pattern: string, path: string, match: boolean][] = [
  ["{skip.yaml}", "skip.yaml", true],
  ["{skip.yaml}", "other.yaml", false],
  ["{a.yaml,b.yaml}", "b.yaml", true],
  ["{a.yaml,b.yaml}", "c.yaml", false],
  ["{*.yml,*.yaml}", "deploy.yml", true],
  ["{config.json,env-usw2/*}", "config.json", true],
  ["{config.json,env-usw2/*}", "env-usw2/configmap.yaml", true],
  ["{config.json,env-usw2/*}", "env-use2/configmap.yaml", false],
  ["*.yaml", "sub/dir/cm.yaml", true],
  ["some-directory/*", "some-directory/a/b.yaml", true],
  ["some-directory/*", "other/a.yaml", false],
  ["cm-?.yaml", "cm-1.yaml", true],
  ["[abc].yaml", "b.yaml", true],
  ["[!abc].yaml", "b.yaml", false],
  ["[a-c].yaml", "d.yaml", false],
  ["{a,{b,c}}.yaml", "c.yaml", true],
  ["a.yaml", "aXyaml", false],
  ["\\{a\\}.yaml", "{a}.yaml", true],
  ["{a.yaml", "a.yaml", false],
  ["{a.yaml", "{a.yaml", false],
  ["[a.yaml", "a.yaml", false],
  ["[z-a].yaml", "b.yaml", false],
];

describe("argoGlob", () => {
  for (const [pattern, path, match] of cases) {
    it(`${pattern} ${match ? "matches" : "does not match"} ${path}`, () => {
      expect(argoGlob(pattern)(path)).toBe(match);
    });
  }
});
