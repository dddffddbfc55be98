import { isObject } from "../../manifests/toResources.js";
import { AppSetNotice, flattenParams, type Params } from "./appSetParams.js";

/**
 * Whether a parameter set passes a generator's `selector` (a Kubernetes
 * label selector: `matchLabels` and `matchExpressions` with `In`,
 * `NotIn`, `Exists`, `DoesNotExist`), matched like Argo CD's post
 * selectors against the parameters flattened to dotted keys.
 */
export function matchesSelector(selector: unknown, params: Params): boolean {
  if (!isObject(selector)) return true;
  const flat = flattenParams(params);
  const labels = isObject(selector["matchLabels"])
    ? selector["matchLabels"]
    : {};
  const exprs = Array.isArray(selector["matchExpressions"])
    ? selector["matchExpressions"]
    : [];
  return (
    Object.entries(labels).every(
      ([k, v]) => Object.hasOwn(flat, k) && flat[k] === String(v),
    ) && exprs.every((e) => matchesExpression(e, flat))
  );
}

function matchesExpression(expr: unknown, flat: Params): boolean {
  if (!isObject(expr))
    throw new AppSetNotice("selector has a matchExpression that is not a map");
  const key = String(expr["key"] ?? "");
  const values = Array.isArray(expr["values"])
    ? expr["values"].map(String)
    : [];
  const has = Object.hasOwn(flat, key);
  switch (expr["operator"]) {
    case "In":
      return has && values.includes(String(flat[key]));
    case "NotIn":
      return !has || !values.includes(String(flat[key]));
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    default:
      throw new AppSetNotice(
        `selector operator ${JSON.stringify(expr["operator"])} on "${key}" is not one of In, NotIn, Exists, DoesNotExist`,
      );
  }
}
