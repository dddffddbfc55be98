package gitopsgate.rbac_test

import rego.v1

import data.gitopsgate.rbac

ids(results) := {r.id | some r in results}

binding(role, subject) := {
	"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
	"metadata": {"name": "b"},
	"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role},
	"subjects": [subject],
}

argocd_sa := {"kind": "ServiceAccount", "name": "argocd-application-controller", "namespace": "argocd"}

flux_sa := {"kind": "ServiceAccount", "name": "kustomize-controller", "namespace": "flux-system"}

test_cluster_admin_to_controllers if {
	ids(rbac.deny) == {"GG-RBAC-001"} with input as binding("cluster-admin", argocd_sa)
	ids(rbac.deny) == {"GG-RBAC-001"} with input as binding("cluster-admin", flux_sa)
}

test_cluster_admin_to_others_is_not_this_rule if {
	count(rbac.deny) == 0 with input as binding("cluster-admin", {"kind": "ServiceAccount", "name": "ci", "namespace": "tools"})
	count(rbac.deny) == 0 with input as binding("cluster-admin", {"kind": "Group", "name": "argocd-admins"})
}

test_wildcard_role_from_target if {
	roles := [{"kind": "ClusterRole", "name": "everything", "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]}]
	ids(rbac.deny) == {"GG-RBAC-001"} with input as binding("everything", flux_sa) with data.gitopsgate.target.roles as roles
	count(rbac.deny) == 0 with input as binding("view", flux_sa) with data.gitopsgate.target.roles as roles
}

test_wildcard_roles if {
	results := rbac.deny with input as {
		"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
		"metadata": {"name": "r", "namespace": "team"},
		"rules": [
			{"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]},
			{"apiGroups": [""], "resources": ["*"], "verbs": ["*"]},
		],
	}
	{r.field | some r in results} == {["rules", 1, "verbs"], ["rules", 1, "resources"]}
}
