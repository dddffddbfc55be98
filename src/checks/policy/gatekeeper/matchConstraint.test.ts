import { describe, expect, it } from "vitest";
import {
  globMatch,
  matchConstraint,
  type MatchSubject,
} from "./matchConstraint.js";

const deploy: MatchSubject = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  name: "web-frontend",
  namespace: "shop",
  labels: { app: "web", tier: "front" },
  namespaceLabels: { team: "shop" },
};
const clusterRole: MatchSubject = {
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRole",
  name: "admin",
  labels: {},
};
const ns: MatchSubject = {
  apiVersion: "v1",
  kind: "Namespace",
  name: "kube-system",
  labels: { system: "yes" },
};

const cases: [string, Record<string, unknown>, MatchSubject, boolean][] = [
  ["empty match", {}, deploy, true],
  [
    "kind and group",
    { kinds: [{ apiGroups: ["apps"], kinds: ["Deployment"] }] },
    deploy,
    true,
  ],
  [
    "wrong group",
    { kinds: [{ apiGroups: [""], kinds: ["Deployment"] }] },
    deploy,
    false,
  ],
  ["wildcards", { kinds: [{ apiGroups: ["*"], kinds: ["*"] }] }, deploy, true],
  [
    "core group",
    { kinds: [{ apiGroups: [""], kinds: ["Namespace"] }] },
    ns,
    true,
  ],
  [
    "second kinds entry",
    {
      kinds: [
        { apiGroups: [""], kinds: ["Pod"] },
        { apiGroups: ["apps"], kinds: ["Deployment"] },
      ],
    },
    deploy,
    true,
  ],
  ["namespaces hit", { namespaces: ["shop"] }, deploy, true],
  ["namespaces miss", { namespaces: ["prod"] }, deploy, false],
  ["namespaces prefix glob", { namespaces: ["sh*"] }, deploy, true],
  [
    "namespaces ignore cluster-scoped",
    { namespaces: ["prod"] },
    clusterRole,
    true,
  ],
  [
    "namespaces match a Namespace by name",
    { namespaces: ["kube-*"] },
    ns,
    true,
  ],
  ["excluded", { excludedNamespaces: ["shop"] }, deploy, false],
  [
    "excluded Namespace object",
    { excludedNamespaces: ["kube-system"] },
    ns,
    false,
  ],
  ["excluded other", { excludedNamespaces: ["kube-system"] }, deploy, true],
  ["scope Cluster", { scope: "Cluster" }, deploy, false],
  ["scope Namespaced", { scope: "Namespaced" }, clusterRole, false],
  ["name suffix glob", { name: "*-frontend" }, deploy, true],
  ["name miss", { name: "api" }, deploy, false],
  [
    "matchLabels",
    { labelSelector: { matchLabels: { app: "web" } } },
    deploy,
    true,
  ],
  [
    "matchLabels miss",
    { labelSelector: { matchLabels: { app: "api" } } },
    deploy,
    false,
  ],
  [
    "In",
    {
      labelSelector: {
        matchExpressions: [
          { key: "tier", operator: "In", values: ["front", "back"] },
        ],
      },
    },
    deploy,
    true,
  ],
  [
    "NotIn",
    {
      labelSelector: {
        matchExpressions: [
          { key: "tier", operator: "NotIn", values: ["front"] },
        ],
      },
    },
    deploy,
    false,
  ],
  [
    "Exists",
    {
      labelSelector: { matchExpressions: [{ key: "app", operator: "Exists" }] },
    },
    deploy,
    true,
  ],
  [
    "DoesNotExist",
    {
      labelSelector: {
        matchExpressions: [{ key: "app", operator: "DoesNotExist" }],
      },
    },
    deploy,
    false,
  ],
  [
    "unknown operator never matches",
    { labelSelector: { matchExpressions: [{ key: "app", operator: "Like" }] } },
    deploy,
    false,
  ],
  [
    "prototype label key",
    { labelSelector: { matchLabels: { constructor: "x" } } },
    deploy,
    false,
  ],
  [
    "namespaceSelector",
    { namespaceSelector: { matchLabels: { team: "shop" } } },
    deploy,
    true,
  ],
  [
    "namespaceSelector miss",
    { namespaceSelector: { matchLabels: { team: "ops" } } },
    deploy,
    false,
  ],
  [
    "namespaceSelector on Namespace uses own labels",
    { namespaceSelector: { matchLabels: { system: "yes" } } },
    ns,
    true,
  ],
];

describe("matchConstraint", () => {
  it.each(cases)("%s", (_name, match, subject, expected) => {
    expect(matchConstraint(match, subject)).toBe(expected);
  });
});

describe("globMatch", () => {
  const globs: [string, string, boolean][] = [
    ["*", "anything", true],
    ["kube-*", "kube-system", true],
    ["*-system", "kube-system", true],
    ["*be-sy*", "kube-system", true],
    ["kube", "kube-system", false],
    ["ku*em", "kube-system", false],
  ];
  it.each(globs)("%s ~ %s = %s", (p, v, expected) => {
    expect(globMatch(p, v)).toBe(expected);
  });
});
