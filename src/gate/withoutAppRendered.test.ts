import { describe, expect, it } from "vitest";
import type { Resource } from "../manifests/Resource.js";
import type { RenderedTarget, TargetKind } from "../render/RenderTarget.js";
import { withoutAppRendered } from "./withoutAppRendered.js";

const resource = (path: string, name: string): Resource => ({
  apiVersion: "v1",
  kind: "Secret",
  name,
  object: {},
  source: { path, line: 1 },
  locate: () => ({ path, line: 1 }),
});

const rendered = (
  kind: TargetKind,
  ok: boolean,
  inputs: string[],
  resources: Resource[],
  appRendered?: string[],
): RenderedTarget => ({
  target: {
    id: `${kind}:${inputs[0]}`,
    kind,
    path: inputs[0]!,
    inputs,
    ...(appRendered ? { options: { appRendered } } : {}),
  },
  ok,
  resources,
  findings: [],
});

const plain = rendered(
  "plain",
  true,
  ["apps/x/a.yaml", "apps/x/b.yaml"],
  [resource("apps/x/a.yaml", "a"), resource("apps/x/b.yaml", "b")],
  ["apps/x/a.yaml"],
);

describe("withoutAppRendered", () => {
  it("leaves files an app rendered to the app", () => {
    const app = rendered(
      "flux",
      true,
      ["clusters/x.yaml", "apps/x/a.yaml"],
      [],
    );
    const [p] = withoutAppRendered([plain, app]);
    expect(p!.resources.map((r) => r.name)).toEqual(["b"]);
  });

  it("keeps them where the app's render failed", () => {
    const app = rendered(
      "flux",
      false,
      ["clusters/x.yaml", "apps/x/a.yaml"],
      [],
    );
    const [p] = withoutAppRendered([plain, app]);
    expect(p!.resources.map((r) => r.name)).toEqual(["a", "b"]);
  });

  it("keeps them when no app of this run renders them", () => {
    expect(withoutAppRendered([plain])[0]).toBe(plain);
  });
});
