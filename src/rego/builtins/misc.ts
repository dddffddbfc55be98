import { RObject } from "../value.js";
import { formatValue } from "./formatValue.js";
import { BuiltinError, register } from "./registry.js";

register("print", -1, (args, ctx) => {
  ctx.print(
    args.map((a) => (typeof a === "string" ? a : formatValue(a))).join(" "),
  );
  return true;
});
register("trace", 1, () => true);
register("opa.runtime", 0, () => new RObject());

const NETWORK = "is disabled: policies may not reach the network from the gate";
const HTTP_KEYS = new Set([
  "method",
  "url",
  "body",
  "enable_redirect",
  "force_json_decode",
  "force_yaml_decode",
  "headers",
  "raw_body",
  "tls_use_system_certs",
  "tls_ca_cert",
  "tls_ca_cert_file",
  "tls_ca_cert_env_variable",
  "tls_client_cert",
  "tls_client_cert_file",
  "tls_client_cert_env_variable",
  "tls_client_key",
  "tls_client_key_file",
  "tls_client_key_env_variable",
  "tls_insecure_skip_verify",
  "tls_server_name",
  "timeout",
  "cache",
  "force_cache",
  "force_cache_duration_seconds",
  "raise_error",
  "caching_mode",
  "max_retry_attempts",
  "cache_ignored_headers",
]);

register("http.send", 1, ([req]) => {
  if (req instanceof RObject) {
    const keys = req.keys().map(String);
    const bad = keys.filter((k) => !HTTP_KEYS.has(k)).sort();
    if (bad.length)
      throw new BuiltinError(
        `invalid request parameters(s): {${bad.map((k) => JSON.stringify(k)).join(", ")}}`,
        "eval_type_error",
      );
    const missing = ["method", "url"].filter((k) => !req.has(k));
    if (missing.length)
      throw new BuiltinError(
        `missing required request parameters(s): {${missing.map((k) => JSON.stringify(k)).join(", ")}}`,
        "eval_type_error",
      );
  }
  throw new BuiltinError(`http.send ${NETWORK}`, "eval_builtin_error", true);
});
register("net.lookup_ip_addr", 1, () => {
  throw new BuiltinError(
    `net.lookup_ip_addr ${NETWORK}`,
    "eval_builtin_error",
    true,
  );
});

register("rego.metadata.rule", 0, (_a, ctx) => ctx.meta?.rule ?? new RObject());
register("rego.metadata.chain", 0, (_a, ctx) => ctx.meta?.chain ?? []);
