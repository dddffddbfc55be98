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
register("opa.runtime", 0, () => new RObject().set("env", new RObject()));

const NETWORK = "is disabled: policies may not reach the network from the gate";
register("http.send", 1, () => {
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
