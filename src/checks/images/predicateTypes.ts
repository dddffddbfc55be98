/**
 * cosign's `--type` shorthands for attestation predicate types
 * (cosign `options/predicate.go`), so a policy may say `spdx` or the URI.
 */
const ALIASES: Record<string, string> = {
  spdx: "https://spdx.dev/Document",
  spdxjson: "https://spdx.dev/Document",
  cyclonedx: "https://cyclonedx.org/bom",
  slsaprovenance: "https://slsa.dev/provenance/v0.2",
  slsaprovenance02: "https://slsa.dev/provenance/v0.2",
  slsaprovenance1: "https://slsa.dev/provenance/v1",
  link: "https://in-toto.io/Link/v1",
  vuln: "https://cosign.sigstore.dev/attestation/vuln/v1",
  openvex: "https://openvex.dev/ns",
};

/**
 * The predicate type URI for a policy value: a cosign shorthand or a URI.
 * @example predicateTypeOf("cyclonedx") // "https://cyclonedx.org/bom"
 */
export function predicateTypeOf(value: string): string {
  return ALIASES[value.toLowerCase()] ?? value;
}
