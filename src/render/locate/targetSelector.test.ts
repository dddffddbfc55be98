import { expect, it } from "vitest";
import { selects } from "./targetSelector.js";

const SVC = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "prod-web", namespace: "shop" },
};

it.each<[Record<string, unknown>, boolean]>([
  [{ kind: "Service" }, true],
  [{ kind: "Deployment" }, false],
  [{ version: "v1", kind: "Service", name: "web" }, true],
  [{ group: "apps", kind: "Service" }, false],
  [{ name: "web|api" }, true],
  [{ name: "we.*" }, true],
  [{ name: "api" }, false],
  [{ namespace: "other" }, false],
  // A nested quantifier is never run: JavaScript would backtrack for ages.
  [{ name: "(a+)+$" }, false],
])("target %j selects the Service: %s", (target, expected) => {
  expect(selects(target, SVC, ["prod-web", "web"])).toBe(expected);
});
