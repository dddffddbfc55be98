# Helpers shared by the built-in GitOps Gate pack: where pod specs and
# containers live in each workload kind, and image reference parsing.
package gitopsgate.lib.k8s

import rego.v1

# Kinds whose pod template sits at spec.template.spec (Rollout: Argo
# Rollouts).
template_kinds := {
	"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
	"ReplicationController", "Job", "Rollout",
}

# Every pod spec of the input, with its field path.
pod_specs contains {"path": ["spec"], "spec": input.spec} if {
	input.kind == "Pod"
	is_object(input.spec)
}

pod_specs contains {"path": ["spec", "template", "spec"], "spec": spec} if {
	template_kinds[input.kind]
	spec := input.spec.template.spec
	is_object(spec)
}

pod_specs contains {"path": p, "spec": spec} if {
	input.kind == "CronJob"
	spec := input.spec.jobTemplate.spec.template.spec
	is_object(spec)
	p := ["spec", "jobTemplate", "spec", "template", "spec"]
}

container_types := ["initContainers", "containers", "ephemeralContainers"]

# Every container of every pod spec, with its field path and type.
containers contains {"path": p, "container": c, "type": type} if {
	some ps in pod_specs
	some type in container_types
	some i, c in ps.spec[type]
	is_object(c)
	p := array.concat(ps.path, [type, i])
}

# The image reference without its digest.
image_without_digest(image) := split(image, "@")[0]

# True when the image is pinned by a digest (`name@sha256:...`).
has_digest(image) if {
	contains(image, "@")
}

# The tag of an image, undefined when it has none. A colon in the first
# path component is a registry port, not a tag.
image_tag(image) := tag if {
	name := image_without_digest(image)
	parts := split(name, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	tag := split(last, ":")[1]
}

# The registry host of an image: `docker.io` when the first component does
# not look like a host.
image_registry(image) := reg if {
	parts := split(image, "/")
	count(parts) > 1
	looks_like_host(parts[0])
	reg := lower(parts[0])
}

image_registry(image) := "docker.io" if {
	parts := split(image, "/")
	not looks_like_host_first(parts)
}

looks_like_host_first(parts) if {
	count(parts) > 1
	looks_like_host(parts[0])
}

looks_like_host(s) if {
	contains(s, ".")
}

looks_like_host(s) if {
	contains(s, ":")
}

looks_like_host(s) if s == "localhost"
