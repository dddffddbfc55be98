# GitOps controllers' privileges: the controller that applies the repository
# is the most powerful identity in the cluster; keep it and every role
# narrow.
package gitopsgate.rbac

import rego.v1

# Namespaces where Argo CD and Flux install their controllers.
controller_namespaces := {"argocd", "argo-cd", "openshift-gitops", "flux-system"}

flux_controllers := {
	"kustomize-controller", "helm-controller", "source-controller",
	"notification-controller", "image-reflector-controller",
	"image-automation-controller",
}

# METADATA
# title: GitOps controller bound to cluster-admin or wildcards
# description: >-
#   A RoleBinding or ClusterRoleBinding gives an Argo CD or Flux service
#   account `cluster-admin`, or a role granting `*` verbs or resources. Any
#   manifest merged into the repository then runs with those rights.
# custom:
#   id: GG-RBAC-001
#   severity: error
#   remediation: >-
#     Bind the controller to a role listing the kinds and namespaces it
#     manages (Argo CD AppProjects, Flux multi-tenancy with
#     `serviceAccountName` per tenant).
deny contains result if {
	input.kind in {"RoleBinding", "ClusterRoleBinding"}
	some subject in input.subjects
	gitops_controller(subject)
	powerful_role(input.roleRef)
	result := {
		"id": "GG-RBAC-001",
		"msg": sprintf(
			"%s %s grants %s %s to GitOps controller service account %s/%s",
			[
				input.kind, input.metadata.name, input.roleRef.kind, input.roleRef.name,
				subject_namespace(subject), subject.name,
			],
		),
		"field": ["roleRef", "name"],
	}
}

gitops_controller(subject) if {
	subject.kind == "ServiceAccount"
	subject_namespace(subject) in controller_namespaces
}

gitops_controller(subject) if {
	subject.kind == "ServiceAccount"
	startswith(subject.name, "argocd-")
}

gitops_controller(subject) if {
	subject.kind == "ServiceAccount"
	subject.name in flux_controllers
}

subject_namespace(subject) := object.get(subject, "namespace", object.get(input.metadata, "namespace", ""))

powerful_role(ref) if {
	ref.kind == "ClusterRole"
	ref.name == "cluster-admin"
}

# A role of the same render target that grants wildcards.
powerful_role(ref) if {
	some role in data.gitopsgate.target.roles
	role.kind == ref.kind
	role.name == ref.name
	same_namespace(role)
	some rule in role.rules
	wildcard_rule(rule)
}

same_namespace(role) if role.kind == "ClusterRole"

same_namespace(role) if {
	role.kind == "Role"
	object.get(role, "namespace", "") == object.get(input.metadata, "namespace", "")
}

wildcard_rule(rule) if "*" in rule.verbs

wildcard_rule(rule) if "*" in rule.resources

# METADATA
# title: Role grants wildcard verbs or resources
# description: >-
#   A Role or ClusterRole rule uses `*` in `verbs` or `resources`, which
#   also grants every verb or resource added to the cluster later.
# custom:
#   id: GG-RBAC-002
#   severity: warning
#   remediation: List the verbs and resources the subject needs.
deny contains result if {
	input.kind in {"Role", "ClusterRole"}
	some i, rule in input.rules
	some key in ["verbs", "resources"]
	"*" in rule[key]
	result := {
		"id": "GG-RBAC-002",
		"msg": sprintf("%s %s grants * %s", [input.kind, input.metadata.name, key]),
		"field": ["rules", i, key],
	}
}
