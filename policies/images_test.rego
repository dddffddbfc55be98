package gitopsgate.images_test

import rego.v1

import data.gitopsgate.images

ids(results) := {r.id | some r in results}

deployment(image) := {
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": "web"},
	"spec": {"template": {"spec": {"containers": [{"name": "app", "image": image}]}}},
}

digest := "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

test_latest_and_untagged_denied if {
	"GG-IMG-001" in ids(images.deny) with input as deployment("nginx:latest")
	"GG-IMG-001" in ids(images.deny) with input as deployment("nginx")
	"GG-IMG-001" in ids(images.deny) with input as deployment("registry:5000/app")
}

test_versioned_tag_only_warns_digest if {
	ids(images.deny) == {"GG-IMG-002"} with input as deployment("nginx:1.27.0")
}

test_digest_pinned_passes if {
	count(images.deny) == 0 with input as deployment(sprintf("nginx:1.27.0@%s", [digest]))
	count(images.deny) == 0 with input as deployment(sprintf("nginx@%s", [digest]))
}

test_field_points_at_image if {
	some r in images.deny with input as deployment("nginx:1")
	r.field == ["spec", "template", "spec", "containers", 0, "image"]
}

test_registry_allow_list if {
	img := sprintf("ghcr.io/acme/web:1@%s", [digest])
	count(images.deny) == 0 with input as deployment(img) with data.gitopsgate.params.allowedRegistries as ["ghcr.io"]
	count(images.deny) == 0 with input as deployment(img) with data.gitopsgate.params.allowedRegistries as ["ghcr.io/acme/"]
	ids(images.deny) == {"GG-IMG-003"} with input as deployment(img) with data.gitopsgate.params.allowedRegistries as ["ghcr.io/other"]
	ids(images.deny) == {"GG-IMG-003"} with input as deployment(sprintf("nginx:1@%s", [digest])) with data.gitopsgate.params.allowedRegistries as ["ghcr.io"]
}

test_docker_hub_prefix if {
	count(images.deny) == 0 with input as deployment(sprintf("nginx:1@%s", [digest])) with data.gitopsgate.params.allowedRegistries as ["docker.io/nginx"]
}

test_registry_rule_off_without_list if {
	not "GG-IMG-003" in ids(images.deny) with input as deployment("evil.example/x:1")
}
