import { describe, expect, it } from "vitest";
import { explainKustomizeError } from "./explainKustomizeError.js";

describe("explainKustomizeError", () => {
  it("names a missing resource and cuts the directory retry", () => {
    const got = explainKustomizeError(
      "kustomize failed: error: accumulating resources: accumulation " +
        "err='accumulating resources from 'missing.yaml': evalsymlink " +
        "failure on 'app/missing.yaml' : lstat app/missing.yaml: no such " +
        "file or directory': must build at directory: not a valid " +
        "directory: evalsymlink failure on 'app/missing.yaml'",
    );
    expect(got.entry).toBe("missing.yaml");
    expect(got.message).toMatch(
      /^kustomize failed: resource "missing.yaml" does not exist \(kustomize: error: .*no such file or directory\)$/,
    );
    expect(got.message).not.toContain("must build at directory");
  });

  it.each([
    [
      "error: may not add resource with an already registered id: Namespace.v1.[noGrp]/p.[noNs]': must build at directory: x",
      "a resource is declared twice (Namespace.v1.[noGrp]/p.[noNs])",
    ],
    [
      "error: no matches for Id apps_v1_Deployment|~X|web; failed to find unique target for patch",
      "a patch or replacement targets a resource the build does not have (apps_v1_Deployment|~X|web)",
    ],
  ])("explains %s", (message, cause) => {
    expect(
      explainKustomizeError(`kustomize failed: ${message}`).message,
    ).toContain(`kustomize failed: ${cause} (kustomize: `);
  });

  it("keeps messages it has no explanation for", () => {
    const message = "kustomize failed: error: something new";
    expect(explainKustomizeError(message)).toEqual({ message });
  });
});

describe("explainKustomizeError locations", () => {
  it.each([
    [
      "error: couldn't make target for path 'a/b': invalid Kustomization: yaml: line 2: did not find expected key",
      { dir: "a/b", syntaxLine: 2 },
    ],
    [
      "error: recursed accumulation of path 'a': no resource matches strategic merge patch \"Service.v1.[noGrp]/my.web.[noNs]\": no matches for Id Service.v1.[noGrp]/my.web.[noNs]; failed",
      { dir: "a", patch: { kind: "Service", name: "my.web" } },
    ],
    [
      'error: must specify a target for JSON patch [path: "ops.yaml"]',
      { patch: { path: "ops.yaml" } },
    ],
  ])("reads where %s happened", (message, where) => {
    const { message: _, ...got } = explainKustomizeError(message);
    expect(got).toEqual(where);
  });
});
