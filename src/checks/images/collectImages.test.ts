import { describe, expect, it } from "vitest";
import { parseYaml } from "../../manifests/parseYaml.js";
import { toResources } from "../../manifests/toResources.js";
import type { RenderedTarget } from "../../render/RenderTarget.js";
import { collectImages } from "./collectImages.js";

function images(yaml: string) {
  const { resources } = toResources(
    "f.yaml",
    parseYaml("f.yaml", yaml).documents,
  );
  const target: RenderedTarget = {
    target: { id: "plain:f.yaml", kind: "plain", path: "f.yaml", inputs: [] },
    ok: true,
    resources,
    findings: [],
  };
  return collectImages([target]).map((u) => `${u.image}@${u.location.line}`);
}

const pod = (indent: string) =>
  [
    `${indent}initContainers: [{ name: i, image: init }]`,
    `${indent}containers:`,
    `${indent}  - name: c`,
    `${indent}    image: main`,
    `${indent}ephemeralContainers: [{ name: e, image: debug }]`,
  ].join("\n");

const header = (apiVersion: string, kind: string) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: { name: x }\n`;
const template = (apiVersion: string, kind: string) =>
  `${header(apiVersion, kind)}spec:\n  template:\n    spec:\n${pod("      ")}\n`;

describe("collectImages", () => {
  const cases = [
    {
      kind: "Pod",
      yaml: `${header("v1", "Pod")}spec:\n${pod("  ")}\n`,
      line: 5,
    },
    { kind: "Deployment", yaml: template("apps/v1", "Deployment"), line: 7 },
    { kind: "StatefulSet", yaml: template("apps/v1", "StatefulSet"), line: 7 },
    { kind: "DaemonSet", yaml: template("apps/v1", "DaemonSet"), line: 7 },
    { kind: "ReplicaSet", yaml: template("apps/v1", "ReplicaSet"), line: 7 },
    { kind: "Job", yaml: template("batch/v1", "Job"), line: 7 },
    {
      kind: "Rollout",
      yaml: template("argoproj.io/v1alpha1", "Rollout"),
      line: 7,
    },
    {
      kind: "CronJob",
      yaml: `${header("batch/v1", "CronJob")}spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${pod("          ")}\n`,
      line: 9,
    },
  ];
  it.each(cases)(
    "finds init, main and ephemeral images of a $kind",
    ({ yaml, line }) => {
      expect(images(yaml)).toEqual([
        `init@${line}`,
        `main@${line + 3}`,
        `debug@${line + 4}`,
      ]);
    },
  );

  it("ignores kinds without pods, foreign Rollouts and malformed containers", () => {
    const yaml = [
      `${header("v1", "ConfigMap")}data: { image: nope }`,
      template("example.com/v1", "Rollout"),
      `${header("v1", "Pod")}spec:\n  containers: [{ image: 42 }, null, "x", { name: ok, image: fine }]`,
      `${header("apps/v1", "Deployment")}spec: { template: null }`,
    ].join("\n---\n");
    expect(images(yaml)).toEqual(["fine@23"]);
  });
});
