package gitopsgate.workloads_test

import rego.v1

import data.gitopsgate.workloads

ids(results) := {r.id | some r in results}

# A container that passes every workload rule.
hardened := {
	"name": "app",
	"image": "app:1",
	"securityContext": {"allowPrivilegeEscalation": false},
	"resources": {"limits": {"memory": "128Mi"}},
}

pod(spec) := {
	"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
	"spec": object.union({"securityContext": {"runAsNonRoot": true}}, spec),
}

# object.union merges nested objects, so replaced keys are removed first.
with_container(c) := pod({"containers": [object.union(object.remove(hardened, object.keys(c)), c)]})

test_hardened_pod_passes if {
	count(workloads.deny) == 0 with input as pod({"containers": [hardened]})
}

test_privileged if {
	ids(workloads.deny) == {"GG-POD-001"} with input as with_container({"securityContext": {"privileged": true, "allowPrivilegeEscalation": false}})
}

test_host_namespaces if {
	results := workloads.deny with input as pod({"hostPID": true, "hostNetwork": true, "containers": [hardened]})
	fields := {r.field | some r in results; r.id == "GG-POD-002"}
	fields == {["spec", "hostPID"], ["spec", "hostNetwork"]}
}

test_host_path if {
	results := workloads.deny with input as pod({
		"containers": [hardened],
		"volumes": [{"name": "tmp", "emptyDir": {}}, {"name": "root", "hostPath": {"path": "/"}}],
	})
	some r in results
	r.id == "GG-POD-003"
	r.field == ["spec", "volumes", 1, "hostPath"]
}

test_privilege_escalation_missing_or_true if {
	ids(workloads.deny) == {"GG-POD-004"} with input as with_container({"securityContext": {}})
	results := workloads.deny with input as with_container({"securityContext": {"allowPrivilegeEscalation": true}})
	some r in results
	r.field == ["spec", "containers", 0, "securityContext", "allowPrivilegeEscalation"]
}

test_dangerous_capabilities if {
	results := workloads.deny with input as with_container({"securityContext": {
		"allowPrivilegeEscalation": false,
		"capabilities": {"add": ["NET_BIND_SERVICE", "cap_sys_admin", "ALL"]},
	}})
	fields := {r.field[6] | some r in results; r.id == "GG-POD-005"}
	fields == {1, 2}
}

test_run_as_non_root_missing if {
	input_pod := {
		"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
		"spec": {"template": {"spec": {"containers": [hardened]}}},
	}
	ids(workloads.deny) == {"GG-POD-006"} with input as input_pod
}

test_run_as_user_counts_as_non_root if {
	count(workloads.deny) == 0 with input as {
		"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
		"spec": {"template": {"spec": {
			"securityContext": {"runAsUser": 1000},
			"containers": [hardened],
		}}},
	}
}

test_explicit_root if {
	ids(workloads.deny) == {"GG-POD-008"} with input as with_container({"securityContext": {"allowPrivilegeEscalation": false, "runAsUser": 0}})
}

test_no_limits if {
	ids(workloads.deny) == {"GG-POD-007"} with input as pod({"containers": [object.remove(hardened, ["resources"])]})
	ids(workloads.deny) == {"GG-POD-007"} with input as with_container({"resources": {"limits": {}}})
}

test_explicit_run_as_non_root_false_is_one_finding if {
	input_pod := {
		"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
		"spec": {"containers": [object.union(hardened, {"securityContext": {"allowPrivilegeEscalation": false, "runAsNonRoot": false}})]},
	}
	ids(workloads.deny) == {"GG-POD-008"} with input as input_pod
}
