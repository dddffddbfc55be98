package gitopsgate.argocd_test

import rego.v1

import data.gitopsgate.argocd

ids(results) := {r.id | some r in results}

project(spec) := {
	"apiVersion": "argoproj.io/v1alpha1", "kind": "AppProject",
	"metadata": {"name": "team", "namespace": "argocd"},
	"spec": spec,
}

app(spec) := {
	"apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
	"metadata": {"name": "web", "namespace": "argocd"},
	"spec": spec,
}

test_narrow_project_passes if {
	count(argocd.deny) == 0 with input as project({
		"sourceRepos": ["https://github.com/acme/*"],
		"destinations": [{"server": "https://kubernetes.default.svc", "namespace": "web"}],
		"clusterResourceWhitelist": [{"group": "", "kind": "Namespace"}],
	})
}

test_open_project if {
	results := argocd.deny with input as project({
		"sourceRepos": ["https://github.com/acme/*", "*"],
		"destinations": [{"server": "*", "namespace": "*"}],
		"clusterResourceWhitelist": [{"group": "*", "kind": "*"}],
	})
	{[r.id, r.field] | some r in results} == {
		["GG-ARGO-001", ["spec", "sourceRepos", 1]],
		["GG-ARGO-002", ["spec", "destinations", 0, "server"]],
		["GG-ARGO-002", ["spec", "destinations", 0, "namespace"]],
		["GG-ARGO-003", ["spec", "clusterResourceWhitelist", 0]],
	}
}

test_default_project if {
	results := argocd.deny with input as app({"project": "default"})
	{r.field | some r in results} == {["spec", "project"]}
	ids(argocd.deny) == {"GG-ARGO-004"} with input as app({})
	count(argocd.deny) == 0 with input as app({"project": "web"})
}

test_application_set_template if {
	ids(argocd.deny) == {"GG-ARGO-004", "GG-ARGO-005"} with input as {
		"apiVersion": "argoproj.io/v1alpha1", "kind": "ApplicationSet",
		"metadata": {"name": "all"},
		"spec": {"template": {"spec": {
			"project": "default",
			"syncPolicy": {"automated": {"prune": true, "allowEmpty": true}},
		}}},
	}
}

test_allow_empty if {
	ids(argocd.deny) == {"GG-ARGO-005"} with input as app({"project": "web", "syncPolicy": {"automated": {"allowEmpty": true}}})
	count(argocd.deny) == 0 with input as app({"project": "web", "syncPolicy": {"automated": {"prune": true}}})
}
