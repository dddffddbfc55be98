# conftest-style policies: package main, deny/warn rules returning strings
# or objects with msg, an exception rule and data from data.yaml.
package main

import rego.v1

deny contains msg if {
	input.kind == "Deployment"
	not input.metadata.labels["app.kubernetes.io/name"]
	msg := sprintf("Deployment %s must set the app.kubernetes.io/name label", [input.metadata.name])
}

deny_replicas contains result if {
	input.kind == "Deployment"
	input.spec.replicas < data.limits.minReplicas
	result := {
		"msg": sprintf("Deployment %s runs %d replicas; at least %d are required", [input.metadata.name, input.spec.replicas, data.limits.minReplicas]),
		"field": ["spec", "replicas"],
	}
}

warn_team contains msg if {
	input.kind == "Deployment"
	team := object.get(input.metadata, ["labels", "team"], "")
	not team in data.teams
	msg := sprintf("Deployment %s: team %q is not one of %v", [input.metadata.name, team, data.teams])
}

# Batch workloads may run a single replica.
exception contains rules if {
	input.metadata.labels["workload-type"] == "batch"
	rules := ["replicas"]
}
