# Flux: in a multi-tenant repository every Kustomization and HelmRelease
# must impersonate a tenant's service account, and forced applies hide
# immutable-field conflicts by recreating objects.
package gitopsgate.flux

import rego.v1

# Flux objects that apply manifests, with where `force` lives.
appliers := {
	"kustomize.toolkit.fluxcd.io/Kustomization": ["spec", "force"],
	"helm.toolkit.fluxcd.io/HelmRelease": ["spec", "upgrade", "force"],
}

applier_key := concat("/", [split(input.apiVersion, "/")[0], input.kind])

is_applier if appliers[applier_key]

# METADATA
# title: Flux object without serviceAccountName
# description: >-
#   The repository is declared multi-tenant (`checks.policy.multiTenant`), but
#   this Kustomization or HelmRelease applies with the controller's own
#   cluster-wide rights instead of a tenant's service account.
# custom:
#   id: GG-FLUX-001
#   severity: error
#   remediation: Set `spec.serviceAccountName` to the tenant's service account (and run the controllers with `--default-service-account`).
deny contains result if {
	data.gitopsgate.params.multiTenant == true
	is_applier
	not input.spec.serviceAccountName
	result := {
		"id": "GG-FLUX-001",
		"msg": sprintf("%s %s has no spec.serviceAccountName", [input.kind, input.metadata.name]),
		"field": ["spec"],
	}
}

# METADATA
# title: Flux forced apply
# description: >-
#   `force: true` makes Flux delete and recreate objects whose immutable
#   fields changed, which can cause downtime and data loss.
# custom:
#   id: GG-FLUX-002
#   severity: warning
#   remediation: Remove `force`; change immutable fields with an explicit, reviewed migration.
deny contains result if {
	field := appliers[applier_key]
	object.get(input, field, false) == true
	result := {
		"id": "GG-FLUX-002",
		"msg": sprintf("%s %s sets %s: true", [input.kind, input.metadata.name, concat(".", field)]),
		"field": field,
	}
}
