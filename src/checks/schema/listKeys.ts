import type { Ajv, ErrorObject } from "ajv";

/**
 * The ajv keyword that holds a `x-kubernetes-list-type: map` list's
 * `x-kubernetes-list-map-keys`: `strictCrdSchema` moves them here so the
 * keyword only exists where the list type says the keys are unique.
 */
export const LIST_MAP_KEYS = "gitopsGateListMapKeys";

type KeyedValidate = ((schema: string[], data: unknown) => boolean) & {
  errors?: Partial<ErrorObject>[];
};

/**
 * Adds the check the API server makes on a `map` list: no two items with
 * the same values for all the map keys (`name` of `ports`, say).
 */
export function addListMapKeys(ajv: Ajv): Ajv {
  const validate: KeyedValidate = (keys, data) => {
    validate.errors = [];
    if (!Array.isArray(data)) return true;
    const seen = new Map<string, number>();
    data.forEach((item, i) => {
      const id = JSON.stringify(keys.map((k) => keyOf(item, k)));
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else validate.errors?.push(duplicate(keys, first, i));
    });
    return validate.errors.length === 0;
  };
  return ajv.addKeyword({
    keyword: LIST_MAP_KEYS,
    type: "array",
    schemaType: "array",
    errors: true,
    validate,
  });
}

function keyOf(item: unknown, key: string): unknown {
  if (typeof item !== "object" || item === null) return undefined;
  return (item as Record<string, unknown>)[key] ?? null;
}

function duplicate(keys: string[], i: number, j: number): Partial<ErrorObject> {
  return {
    keyword: LIST_MAP_KEYS,
    params: { i, j, keys },
    message: "duplicate key",
  };
}
