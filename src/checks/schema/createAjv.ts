import { Ajv } from "ajv";
import type { RegExpEngine } from "ajv/dist/types/index.js";
import { RE2JS } from "re2js";
import addFormatsModule from "ajv-formats";
import { addListMapKeys } from "./listKeys.js";

const addFormats = addFormatsModule as unknown as (
  ajv: Ajv,
  formats: string[],
) => Ajv;

/** ajv-formats' formats, less `duration` (ISO 8601 there, Go in k8s) and
 * `byte` (Go's decoder skips line breaks, which folded YAML has). */
const FORMATS = [
  "date",
  "time",
  "date-time",
  "uri",
  "uri-reference",
  "url",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "regex",
  "uuid",
  "byte",
  "int32",
  "int64",
  "float",
  "double",
  "password",
  "binary",
];

/** Padded standard base64, as `Secret.data` must be. */
const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A Go `time.Duration` as Kubernetes CRDs mean `format: duration`. */
const GO_DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+)$/;

/** Compiles `pattern`s with RE2 (`re2js`): no backtracking. */
const re2Engine: RegExpEngine = Object.assign(
  (pattern: string) => {
    const re = RE2JS.compile(pattern);
    return { test: (s: string) => re.matcher(s).find() };
  },
  { code: "re2js" },
);

/**
 * The ajv set-up every schema of this check is compiled with: all errors
 * (one finding per problem, not just the first), the parent schema kept on
 * each error (for "did you mean"), the OpenAPI formats of ajv-formats
 * (with Go durations, which kubeconform users trip on), and
 * no strict mode, since CRD schemas carry `x-kubernetes-*` keywords and
 * formats (`int-or-string`, `quantity`) that ajv does not know, and the
 * uniqueness of `x-kubernetes-list-type: map` keys.
 *
 * @param untrusted - schemas come from the pull request (its CRDs): their
 *   `pattern`s run on RE2 (linear time, and the dialect the API server
 *   itself uses), so a crafted pattern cannot hang the gate
 */
export function createAjv(untrusted = false): Ajv {
  const ajv = new Ajv({
    ...(untrusted ? { code: { regExp: re2Engine } } : {}),
    allErrors: true,
    verbose: true,
    strict: false,
    logger: false,
    validateSchema: false,
  });
  addFormats(ajv, FORMATS);
  ajv.addFormat("byte", (v: string) => BASE64.test(v.replace(/[\r\n]/g, "")));
  ajv.addFormat("duration", GO_DURATION);
  return addListMapKeys(ajv);
}
