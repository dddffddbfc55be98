import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (
  ajv: Ajv,
  formats: string[],
) => Ajv;

/** ajv-formats' formats, less `duration` (ISO 8601 there, Go in k8s). */
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

/** A Go `time.Duration` as Kubernetes CRDs mean `format: duration`. */
const GO_DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+)$/;

/**
 * The ajv set-up every schema of this check is compiled with: all errors
 * (one finding per problem, not just the first), the parent schema kept on
 * each error (for "did you mean"), the OpenAPI formats of ajv-formats
 * (with Go durations, which kubeconform users trip on), and
 * no strict mode, since CRD schemas carry `x-kubernetes-*` keywords and
 * formats (`int-or-string`, `quantity`) that ajv does not know.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    logger: false,
    validateSchema: false,
  });
  addFormats(ajv, FORMATS);
  return ajv.addFormat("duration", GO_DURATION);
}
