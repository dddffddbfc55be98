# Workload hardening: the Pod Security Standards controls that matter most
# for what a GitOps repository deploys.
package gitopsgate.workloads

import rego.v1

import data.gitopsgate.lib.k8s

# METADATA
# title: Privileged container
# description: >-
#   A privileged container has every capability and all host devices; it
#   can take over the node.
# custom:
#   id: GG-POD-001
#   severity: error
#   remediation: >-
#     Remove `securityContext.privileged: true`; grant only the capabilities the workload needs.
deny contains result if {
	some c in k8s.containers
	c.container.securityContext.privileged == true
	result := {
		"id": "GG-POD-001",
		"msg": sprintf("container %s runs privileged", [c.container.name]),
		"field": array.concat(c.path, ["securityContext", "privileged"]),
	}
}

# METADATA
# title: Host namespace shared
# description: >-
#   `hostNetwork`, `hostPID` or `hostIPC` lets the pod see and reach the
#   node's network, processes or shared memory.
# custom:
#   id: GG-POD-002
#   severity: error
#   remediation: Remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec.
deny contains result if {
	some ps in k8s.pod_specs
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	ps.spec[field] == true
	result := {
		"id": "GG-POD-002",
		"msg": sprintf("%s %s sets %s: true", [input.kind, input.metadata.name, field]),
		"field": array.concat(ps.path, [field]),
	}
}

# METADATA
# title: hostPath volume
# description: A hostPath volume mounts a directory of the node into the pod.
# custom:
#   id: GG-POD-003
#   severity: error
#   remediation: Use a PersistentVolumeClaim, a ConfigMap, a Secret or an emptyDir instead.
deny contains result if {
	some ps in k8s.pod_specs
	some i, v in ps.spec.volumes
	v.hostPath
	result := {
		"id": "GG-POD-003",
		"msg": sprintf("volume %s mounts host path %v", [v.name, object.get(v.hostPath, "path", "")]),
		"field": array.concat(ps.path, ["volumes", i, "hostPath"]),
	}
}

# METADATA
# title: Privilege escalation allowed
# description: >-
#   Without `allowPrivilegeEscalation: false` a process can gain more
#   privileges than its parent (setuid binaries).
# custom:
#   id: GG-POD-004
#   severity: warning
#   remediation: >-
#     Set `securityContext.allowPrivilegeEscalation: false` on every container.
deny contains result if {
	some c in k8s.containers
	c.type != "ephemeralContainers"
	not c.container.securityContext.allowPrivilegeEscalation == false
	result := {
		"id": "GG-POD-004",
		"msg": sprintf("container %s does not set allowPrivilegeEscalation: false", [c.container.name]),
		"field": escalation_field(c),
	}
}

escalation_field(c) := array.concat(c.path, ["securityContext", "allowPrivilegeEscalation"]) if {
	c.container.securityContext.allowPrivilegeEscalation == true
}

escalation_field(c) := c.path if not c.container.securityContext.allowPrivilegeEscalation == true

# Capabilities the Pod Security Standards baseline profile allows to add.
baseline_capabilities := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
	"MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID",
	"SYS_CHROOT",
}

# METADATA
# title: Dangerous capability added
# description: >-
#   The container adds a Linux capability beyond the Pod Security Standards
#   baseline set (for example `SYS_ADMIN`, `NET_ADMIN` or `ALL`).
# custom:
#   id: GG-POD-005
#   severity: error
#   remediation: Drop the capability; if the workload truly needs it, document why and disable this rule for that path.
deny contains result if {
	some c in k8s.containers
	some i, cap in c.container.securityContext.capabilities.add
	name := trim_prefix(upper(cap), "CAP_")
	not baseline_capabilities[name]
	result := {
		"id": "GG-POD-005",
		"msg": sprintf("container %s adds capability %s", [c.container.name, cap]),
		"field": array.concat(c.path, ["securityContext", "capabilities", "add", i]),
	}
}

# METADATA
# title: runAsNonRoot not set
# description: >-
#   Neither the pod nor the container sets `runAsNonRoot: true` (or a
#   non-zero `runAsUser`), so the image decides whether it runs as root.
# custom:
#   id: GG-POD-006
#   severity: warning
#   remediation: >-
#     Set `securityContext.runAsNonRoot: true` on the pod spec.
deny contains result if {
	some ps in k8s.pod_specs
	not non_root(ps.spec.securityContext)
	some type in ["initContainers", "containers"]
	some i, c in ps.spec[type]
	not non_root(c.securityContext)
	not runs_as_root(c.securityContext)
	result := {
		"id": "GG-POD-006",
		"msg": sprintf("container %s may run as root: runAsNonRoot is not set", [c.name]),
		"field": array.concat(ps.path, [type, i]),
	}
}

non_root(sc) if sc.runAsNonRoot == true

non_root(sc) if {
	is_number(sc.runAsUser)
	sc.runAsUser > 0
	not sc.runAsNonRoot == false
}

# Explicit root is reported by GG-POD-008 instead.
runs_as_root(sc) if sc.runAsUser == 0

runs_as_root(sc) if sc.runAsNonRoot == false

# METADATA
# title: Container runs as root
# description: >-
#   The container sets `runAsUser: 0` or `runAsNonRoot: false`.
# custom:
#   id: GG-POD-008
#   severity: warning
#   remediation: >-
#     Run as a non-zero user and set `runAsNonRoot: true`.
deny contains result if {
	some c in k8s.containers
	some field in ["runAsUser", "runAsNonRoot"]
	root_value(field, c.container.securityContext[field])
	result := {
		"id": "GG-POD-008",
		"msg": sprintf("container %s sets %s: %v", [c.container.name, field, c.container.securityContext[field]]),
		"field": array.concat(c.path, ["securityContext", field]),
	}
}

root_value(field, value) if {
	field == "runAsUser"
	value == 0
}

root_value(field, value) if {
	field == "runAsNonRoot"
	value == false
}

# METADATA
# title: No resource limits
# description: >-
#   A container without `resources.limits` can use all of the node's memory
#   and CPU and starve its neighbours.
# custom:
#   id: GG-POD-007
#   severity: warning
#   remediation: Set `resources.limits.memory` (and usually `cpu`) on every container.
deny contains result if {
	some c in k8s.containers
	c.type != "ephemeralContainers"
	count(object.get(c.container, ["resources", "limits"], {})) == 0
	result := {
		"id": "GG-POD-007",
		"msg": sprintf("container %s has no resource limits", [c.container.name]),
		"field": c.path,
	}
}
