// A Gatekeeper-library-style pack of Kubernetes policies (v1 syntax) and a
// generator of resources, for bench/rego.ts.

const LIB = `package lib.k8s
import rego.v1

pod_spec(obj) := obj.spec if obj.kind == "Pod"
pod_spec(obj) := obj.spec.template.spec if obj.kind in {"Deployment", "StatefulSet", "DaemonSet"}
containers contains c if {
  spec := pod_spec(input)
  some c in spec.containers
}
containers contains c if {
  spec := pod_spec(input)
  some c in object.get(spec, "initContainers", [])
}
name := input.metadata.name
`;

type Template = (i: number) => string;

const TEMPLATES: Template[] = [
  (i) => `deny contains msg if {
  some c in data.lib.k8s.containers
  not c.resources.limits.${["cpu", "memory", "cpu", "memory"][i % 4]}
  msg := sprintf("%s: container %s has no ${["cpu", "memory", "cpu", "memory"][i % 4]} limit", [data.lib.k8s.name, c.name])
}`,
  () => `deny contains msg if {
  some c in data.lib.k8s.containers
  c.securityContext.privileged == true
  msg := sprintf("%s: privileged container %s", [data.lib.k8s.name, c.name])
}`,
  (i) => `required := {"app", "team", "owner", "tier"}
deny contains msg if {
  input.kind in {"Deployment", "Pod", "Service"}
  provided := {k | input.metadata.labels[k]}
  missing := required - provided
  count(missing) > ${i % 3}
  msg := sprintf("%s: missing labels %v", [data.lib.k8s.name, sort(missing)])
}`,
  () => `deny contains msg if {
  some c in data.lib.k8s.containers
  endswith(c.image, ":latest")
  msg := sprintf("%s: image %s uses latest", [data.lib.k8s.name, c.image])
}
deny contains msg if {
  some c in data.lib.k8s.containers
  not contains(c.image, ":")
  msg := sprintf("%s: image %s has no tag", [data.lib.k8s.name, c.image])
}`,
  (
    i,
  ) => `allowed := ["registry.example.com/", "ghcr.io/acme${i}/", "docker.io/library/"]
deny contains msg if {
  some c in data.lib.k8s.containers
  not strings.any_prefix_match(c.image, allowed)
  msg := sprintf("%s: image %s from untrusted registry", [data.lib.k8s.name, c.image])
}`,
  () => `deny contains msg if {
  spec := data.lib.k8s.pod_spec(input)
  not spec.securityContext.runAsNonRoot
  msg := sprintf("%s: must set runAsNonRoot", [data.lib.k8s.name])
}`,
  (i) => `deny contains msg if {
  spec := data.lib.k8s.pod_spec(input)
  spec.${["hostNetwork", "hostPID", "hostIPC", "hostNetwork"][i % 4]}
  msg := sprintf("%s: host namespace", [data.lib.k8s.name])
}`,
  () => `deny contains msg if {
  spec := data.lib.k8s.pod_spec(input)
  some v in spec.volumes
  v.hostPath
  msg := sprintf("%s: hostPath volume %s", [data.lib.k8s.name, v.name])
}`,
  () => `deny contains msg if {
  input.kind in {"Role", "ClusterRole"}
  some rule in input.rules
  some verb in rule.verbs
  verb == "*"
  msg := sprintf("%s: wildcard verb", [data.lib.k8s.name])
}`,
  (i) => `deny contains msg if {
  input.kind == "Deployment"
  input.spec.replicas > ${50 + i}
  msg := sprintf("%s: too many replicas", [data.lib.k8s.name])
}
deny contains msg if {
  some c in data.lib.k8s.containers
  port := c.ports[_].containerPort
  port < 1024
  regex.match("^[a-z0-9-]+$", c.name)
  msg := sprintf("%s: privileged port %d", [data.lib.k8s.name, port])
}`,
];

/** Source of the 40 policy modules plus the shared library. */
export function policyPack(count = 40): { path: string; source: string }[] {
  const out = [{ path: "lib.rego", source: LIB }];
  for (let i = 0; i < count; i++) {
    const body = TEMPLATES[i % TEMPLATES.length]!(
      Math.floor(i / TEMPLATES.length),
    );
    out.push({
      path: `p${i}.rego`,
      source: `package k8s.p${i}\nimport rego.v1\n\n${body}\n`,
    });
  }
  return out;
}

/** Deterministic pseudo-random resources (Deployments, Pods, Roles). */
export function resources(n = 1000): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const kind = ["Deployment", "Pod", "Deployment", "Role"][i % 4]!;
    const labels: Record<string, string> = { app: `app${i}` };
    if (i % 3) labels.team = "core";
    if (i % 5) labels.owner = "me";
    const container = {
      name: `c${i}`,
      image:
        i % 7 === 0
          ? `nginx:latest`
          : i % 11 === 0
            ? "busybox"
            : `registry.example.com/app${i}:1.${i}`,
      ports: [{ containerPort: i % 13 === 0 ? 80 : 8080 }],
      securityContext: { privileged: i % 17 === 0 },
      resources: i % 9 === 0 ? {} : { limits: { cpu: "1", memory: "1Gi" } },
    };
    const podSpec = {
      containers: [container, { ...container, name: `side${i}` }],
      securityContext: { runAsNonRoot: i % 4 !== 1 },
      hostNetwork: i % 23 === 0,
      volumes:
        i % 19 === 0
          ? [{ name: "h", hostPath: { path: "/" } }]
          : [{ name: "e", emptyDir: {} }],
    };
    const metadata = { name: `r${i}`, labels };
    if (kind === "Pod") out.push({ kind, metadata, spec: podSpec });
    else if (kind === "Role")
      out.push({
        kind,
        metadata,
        rules: [{ verbs: i % 8 === 3 ? ["*"] : ["get", "list"] }],
      });
    else
      out.push({
        kind,
        metadata,
        spec: { replicas: i % 70, template: { spec: podSpec } },
      });
  }
  return out;
}
