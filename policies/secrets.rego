# Secrets in Git: plain Kubernetes Secrets must not be committed. SOPS
# encrypted files, SealedSecrets, ExternalSecrets and argocd-vault-plugin
# placeholders are the GitOps ways to ship secrets and pass.
package gitopsgate.secrets

import rego.v1

# METADATA
# title: Secret committed in plain text
# description: >-
#   A `kind: Secret` carries values in `data` or `stringData` and the file is
#   not SOPS-encrypted. Base64 is an encoding, not encryption: anyone who can
#   read the repository can read the secret.
# custom:
#   id: GG-SEC-001
#   severity: error
#   remediation: >-
#     Remove the values from Git and rotate them. Ship them as a SealedSecret,
#     an ExternalSecret, a SOPS-encrypted file, or argocd-vault-plugin
#     `<path:...>` placeholders.
deny contains result if {
	input.kind == "Secret"
	not input.sops
	some section in ["data", "stringData"]
	keys := plain_keys(section)
	count(keys) > 0
	result := {
		"id": "GG-SEC-001",
		"msg": sprintf(
			"Secret %s has plain values in %s (keys: %s)",
			[input.metadata.name, section, concat(", ", sort(keys))],
		),
		"field": [section],
	}
}

# Keys of a section whose value is neither empty nor a vault placeholder.
plain_keys(section) := [k |
	some k, v in input[section]
	is_string(v)
	v != ""
	not placeholder(v)
]

# argocd-vault-plugin `<path:...>` placeholders (inline path form).
placeholder(v) if regex.match(`^<path:[^<>]+>$`, trim_space(v))

# Generic `<key>` placeholders, resolved through the avp path annotation.
placeholder(v) if {
	input.metadata.annotations["avp.kubernetes.io/path"]
	regex.match(`^<[^<>]+>$`, trim_space(v))
}
