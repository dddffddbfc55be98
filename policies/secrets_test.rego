package gitopsgate.secrets_test

import rego.v1

import data.gitopsgate.secrets

ids(results) := {r.id | some r in results}

secret(extra) := object.union(
	{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"}},
	extra,
)

test_plain_data_denied if {
	ids(secrets.deny) == {"GG-SEC-001"} with input as secret({"data": {"password": "aHVudGVyMg=="}})
}

test_string_data_denied_with_field if {
	results := secrets.deny with input as secret({"stringData": {"token": "t0k3n"}})
	some r in results
	r.field == ["stringData"]
	contains(r.msg, "token")
	not contains(r.msg, "t0k3n")
}

test_sops_file_passes if {
	count(secrets.deny) == 0 with input as secret({
		"data": {"password": "ENC[AES256_GCM,data:abc]"},
		"sops": {"version": "3.9.0"},
	})
}

test_vault_path_placeholder_passes if {
	count(secrets.deny) == 0 with input as secret({"stringData": {"password": "<path:kv/data/db#password>"}})
}

test_generic_placeholder_needs_annotation if {
	count(secrets.deny) == 1 with input as secret({"stringData": {"password": "<password>"}})
	count(secrets.deny) == 0 with input as secret({
		"metadata": {"name": "db", "annotations": {"avp.kubernetes.io/path": "kv/data/db"}},
		"stringData": {"password": "<password>"},
	})
}

test_mixed_placeholder_and_plain_denied if {
	results := secrets.deny with input as secret({"stringData": {"a": "<path:kv#a>", "b": "plain"}})
	some r in results
	contains(r.msg, "keys: b")
}

test_empty_secret_passes if {
	count(secrets.deny) == 0 with input as secret({"data": {}})
	count(secrets.deny) == 0 with input as secret({"type": "kubernetes.io/service-account-token"})
}

test_sealed_and_external_secrets_pass if {
	count(secrets.deny) == 0 with input as {
		"apiVersion": "bitnami.com/v1alpha1", "kind": "SealedSecret",
		"metadata": {"name": "db"},
		"spec": {"encryptedData": {"password": "AgBy3i4OJSWK+PiTySYZZA=="}},
	}
	count(secrets.deny) == 0 with input as {
		"apiVersion": "external-secrets.io/v1", "kind": "ExternalSecret",
		"metadata": {"name": "db"},
		"spec": {"data": [{"secretKey": "password"}]},
	}
}
