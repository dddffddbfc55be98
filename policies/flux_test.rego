package gitopsgate.flux_test

import rego.v1

import data.gitopsgate.flux

ids(results) := {r.id | some r in results}

ks(spec) := {
	"apiVersion": "kustomize.toolkit.fluxcd.io/v1", "kind": "Kustomization",
	"metadata": {"name": "apps", "namespace": "flux-system"},
	"spec": spec,
}

test_service_account_required_when_multi_tenant if {
	ids(flux.deny) == {"GG-FLUX-001"} with input as ks({"path": "./apps"}) with data.gitopsgate.params.multiTenant as true
	count(flux.deny) == 0 with input as ks({"path": "./apps", "serviceAccountName": "team"}) with data.gitopsgate.params.multiTenant as true
	count(flux.deny) == 0 with input as ks({"path": "./apps"})
}

test_force if {
	results := flux.deny with input as ks({"force": true, "serviceAccountName": "t"})
	{r.field | some r in results} == {["spec", "force"]}
	hr := {
		"apiVersion": "helm.toolkit.fluxcd.io/v2", "kind": "HelmRelease",
		"metadata": {"name": "web"},
		"spec": {"upgrade": {"force": true}},
	}
	ids(flux.deny) == {"GG-FLUX-002"} with input as hr
}

test_other_kinds_ignored if {
	count(flux.deny) == 0 with input as {
		"apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization",
		"metadata": {"name": "k"},
		"force": true,
	} with data.gitopsgate.params.multiTenant as true
}
