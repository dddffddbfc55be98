# Argo CD: projects are the tenancy boundary, so an open project or an
# application in `default` lets any repository deploy anything anywhere.
package gitopsgate.argocd

import rego.v1

is_project if {
	input.kind == "AppProject"
	startswith(input.apiVersion, "argoproj.io/")
}

# METADATA
# title: AppProject allows every source repository
# description: "`spec.sourceRepos` contains `*`: applications of the project may deploy from any Git or Helm repository."
# custom:
#   id: GG-ARGO-001
#   severity: warning
#   remediation: List the repositories (URL globs of your org) the project deploys from.
deny contains result if {
	is_project
	some i, repo in input.spec.sourceRepos
	repo == "*"
	result := {
		"id": "GG-ARGO-001",
		"msg": sprintf("AppProject %s allows source repository *", [input.metadata.name]),
		"field": ["spec", "sourceRepos", i],
	}
}

# METADATA
# title: AppProject allows every destination
# description: A destination with `*` as server, name or namespace lets applications deploy to any cluster or namespace.
# custom:
#   id: GG-ARGO-002
#   severity: warning
#   remediation: Name the clusters and namespaces the project may deploy to.
deny contains result if {
	is_project
	some i, dest in input.spec.destinations
	some key in ["server", "name", "namespace"]
	dest[key] == "*"
	result := {
		"id": "GG-ARGO-002",
		"msg": sprintf("AppProject %s allows destination %s *", [input.metadata.name, key]),
		"field": ["spec", "destinations", i, key],
	}
}

# METADATA
# title: AppProject allows every cluster-scoped resource
# description: "`clusterResourceWhitelist` has `group: '*'` and `kind: '*'`: applications may create ClusterRoles, CRDs and webhooks."
# custom:
#   id: GG-ARGO-003
#   severity: warning
#   remediation: List the cluster-scoped kinds the project needs (often none).
deny contains result if {
	is_project
	some list in ["clusterResourceWhitelist", "clusterResourceAllowList"]
	some i, entry in input.spec[list]
	entry.group == "*"
	entry.kind == "*"
	result := {
		"id": "GG-ARGO-003",
		"msg": sprintf("AppProject %s allows every cluster-scoped resource", [input.metadata.name]),
		"field": ["spec", list, i],
	}
}

# Applications and the template of ApplicationSets, with their field path.
app_specs contains {"path": ["spec"], "spec": input.spec} if {
	input.kind == "Application"
	startswith(input.apiVersion, "argoproj.io/")
}

app_specs contains {"path": ["spec", "template", "spec"], "spec": input.spec.template.spec} if {
	input.kind == "ApplicationSet"
	startswith(input.apiVersion, "argoproj.io/")
}

# METADATA
# title: Application in the default project
# description: The `default` AppProject allows every source, destination and kind unless an admin restricted it.
# custom:
#   id: GG-ARGO-004
#   severity: warning
#   remediation: Create an AppProject per team or purpose and set `spec.project` to it.
deny contains result if {
	some app in app_specs
	object.get(app.spec, "project", "default") == "default"
	result := {
		"id": "GG-ARGO-004",
		"msg": sprintf("%s %s uses the default project", [input.kind, input.metadata.name]),
		"field": project_field(app),
	}
}

project_field(app) := array.concat(app.path, ["project"]) if app.spec.project

project_field(app) := app.path if not app.spec.project

# METADATA
# title: Automated sync allows empty
# description: >-
#   `syncPolicy.automated.allowEmpty: true` with pruning lets a broken render
#   or an emptied directory delete every resource of the application.
# custom:
#   id: GG-ARGO-005
#   severity: warning
#   remediation: Remove `allowEmpty` (it defaults to false).
deny contains result if {
	some app in app_specs
	app.spec.syncPolicy.automated.allowEmpty == true
	result := {
		"id": "GG-ARGO-005",
		"msg": sprintf("%s %s allows automated sync of an empty application", [input.kind, input.metadata.name]),
		"field": array.concat(app.path, ["syncPolicy", "automated", "allowEmpty"]),
	}
}
