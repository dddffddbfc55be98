package main

import rego.v1

test_single_replica_denied if {
	some r in deny_replicas with input as {"kind": "Deployment", "metadata": {"name": "a"}, "spec": {"replicas": 1}}
	r.field == ["spec", "replicas"]
}
