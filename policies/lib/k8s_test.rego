package gitopsgate.lib.k8s_test

import rego.v1

import data.gitopsgate.lib.k8s

test_image_tag_cases if {
	k8s.image_tag("nginx:1.27") == "1.27"
	k8s.image_tag("registry:5000/team/app:v1") == "v1"
	k8s.image_tag("ghcr.io/o/app:v2@sha256:abc") == "v2"
	not k8s.image_tag("registry:5000/team/app")
	not k8s.image_tag("nginx")
}

test_image_registry_cases if {
	k8s.image_registry("nginx") == "docker.io"
	k8s.image_registry("library/nginx:1") == "docker.io"
	k8s.image_registry("GHCR.io/o/app") == "ghcr.io"
	k8s.image_registry("localhost/app") == "localhost"
	k8s.image_registry("registry:5000/app") == "registry:5000"
}

test_has_digest if {
	k8s.has_digest("app@sha256:0123")
	not k8s.has_digest("app:1")
}

test_containers_of_cronjob if {
	cs := k8s.containers with input as {
		"kind": "CronJob",
		"spec": {"jobTemplate": {"spec": {"template": {"spec": {
			"containers": [{"name": "a", "image": "x"}],
		}}}}},
	}
	paths := {c.path | some c in cs}
	paths == {["spec", "jobTemplate", "spec", "template", "spec", "containers", 0]}
}

test_containers_ignores_non_workloads if {
	count(k8s.containers) == 0 with input as {
		"kind": "ConfigMap",
		"spec": {"template": {"spec": {"containers": [{"name": "a"}]}}},
	}
}

test_containers_of_argo_rollout if {
	cs := k8s.containers with input as {
		"apiVersion": "argoproj.io/v1alpha1",
		"kind": "Rollout",
		"spec": {"template": {"spec": {"initContainers": [{"name": "i"}], "containers": [{"name": "a"}]}}},
	}
	{c.path | some c in cs} == {
		["spec", "template", "spec", "initContainers", 0],
		["spec", "template", "spec", "containers", 0],
	}
}
