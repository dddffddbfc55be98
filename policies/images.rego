# Images: mutable tags make a GitOps repository lie about what runs.
package gitopsgate.images

import rego.v1

import data.gitopsgate.lib.k8s

# METADATA
# title: Image uses the latest tag or no tag
# description: >-
#   A container image is referenced as `:latest` or without any tag, so what
#   runs changes without a commit and rollbacks cannot restore it.
# custom:
#   id: GG-IMG-001
#   severity: error
#   remediation: Pin a version tag, ideally with its digest (`app:1.2.3@sha256:...`).
deny contains result if {
	some c in k8s.containers
	image := c.container.image
	is_string(image)
	mutable_tag(image)
	result := {
		"id": "GG-IMG-001",
		"msg": sprintf("container %s uses image %s with a mutable tag", [c.container.name, image]),
		"field": array.concat(c.path, ["image"]),
	}
}

mutable_tag(image) if k8s.image_tag(image) == "latest"

mutable_tag(image) if {
	not k8s.image_tag(image)
	not k8s.has_digest(image)
}

# METADATA
# title: Image not pinned by digest
# description: >-
#   A tag can be moved to another image after review. Only a digest names
#   exactly the image that was reviewed and signed.
# custom:
#   id: GG-IMG-002
#   severity: warning
#   environments:
#     prod: error
#     production: error
#   remediation: Append the digest (`app:1.2.3@sha256:...`); tools such as Renovate keep it current.
deny contains result if {
	some c in k8s.containers
	image := c.container.image
	is_string(image)
	not k8s.has_digest(image)
	result := {
		"id": "GG-IMG-002",
		"msg": sprintf("container %s image %s is not pinned by digest", [c.container.name, image]),
		"field": array.concat(c.path, ["image"]),
	}
}

# METADATA
# title: Image registry not allowed
# description: >-
#   The image comes from a registry outside `checks.policy.builtin.allowedRegistries`.
#   The rule is inactive while that list is empty.
# custom:
#   id: GG-IMG-003
#   severity: error
#   remediation: Mirror the image into an allowed registry, or extend the allowed list in the gate config.
deny contains result if {
	# A direct reference: reading all of data.gitopsgate would recurse.
	allowed := data.gitopsgate.params.allowedRegistries
	count(allowed) > 0
	some c in k8s.containers
	image := c.container.image
	is_string(image)
	not registry_allowed(image, allowed)
	result := {
		"id": "GG-IMG-003",
		"msg": sprintf(
			"container %s image %s is not from an allowed registry (%s)",
			[c.container.name, image, concat(", ", allowed)],
		),
		"field": array.concat(c.path, ["image"]),
	}
}

# An entry is a registry host (`ghcr.io`) or a repository prefix
# (`ghcr.io/my-org/`).
registry_allowed(image, allowed) if {
	some entry in allowed
	not repository_prefix(entry)
	k8s.image_registry(image) == lower(entry)
}

registry_allowed(image, allowed) if {
	some entry in allowed
	repository_prefix(entry)
	prefix := trim_suffix(lower(entry), "/")
	repo := repository(image)
	in_repository(repo, prefix)
}

repository_prefix(entry) if {
	contains(entry, "/")
}

in_repository(repo, prefix) if repo == prefix

in_repository(repo, prefix) if startswith(repo, concat("", [prefix, "/"]))

# The lower-cased repository of an image with its registry, without tag or
# digest: `nginx:1` is `docker.io/nginx`.
repository(image) := name if {
	full := full_name(k8s.image_without_digest(image))
	tag := k8s.image_tag(image)
	name := trim_suffix(full, concat("", [":", lower(tag)]))
}

repository(image) := full_name(k8s.image_without_digest(image)) if {
	not k8s.image_tag(image)
}

full_name(image) := lower(image) if k8s.image_registry(image) != "docker.io"

full_name(image) := lower(image) if startswith(lower(image), "docker.io/")

full_name(image) := concat("/", ["docker.io", lower(image)]) if {
	k8s.image_registry(image) == "docker.io"
	not startswith(lower(image), "docker.io/")
}
