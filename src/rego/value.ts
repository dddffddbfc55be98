/**
 * Rego values. Scalars are JS primitives (integers beyond 2^53 are `bigint`),
 * arrays are JS arrays (never mutated once built), objects and sets are the
 * classes below so that any value can be a key or an element.
 */
export type Value =
  null | boolean | number | bigint | string | Value[] | RObject | RSet;

/** A primitive usable as a JS Map key that identifies a value exactly. */
export type MapKey = string | number | boolean | null | bigint;

/** The Map key that identifies `v` (equal values give equal keys). */
export function mapKey(v: Value): MapKey {
  switch (typeof v) {
    case "string":
      return v.charCodeAt(0) === 0 ? "\u0000s" + v : v;
    case "number":
      if (Number.isInteger(v) && !Number.isSafeInteger(v)) return BigInt(v);
      return Object.is(v, -0) ? 0 : v;
    case "bigint": {
      const n = Number(v);
      return Number.isSafeInteger(n) ? n : v;
    }
    default:
      if (v === null || typeof v === "boolean") return v;
      return "\u0000c" + canonical(v);
  }
}

/** A Rego object: any value can be a key. Insertion order is kept. */
export class RObject {
  readonly map = new Map<MapKey, [Value, Value]>();
  /** Cached canonical string (see {@link canonical}). */
  canon: string | undefined = undefined;
  get size(): number {
    return this.map.size;
  }
  get(k: Value): Value | undefined {
    return this.map.get(mapKey(k))?.[1];
  }
  has(k: Value): boolean {
    return this.map.has(mapKey(k));
  }
  set(k: Value, v: Value): this {
    this.canon = undefined;
    this.map.set(mapKey(k), [k, v]);
    return this;
  }
  delete(k: Value): void {
    this.canon = undefined;
    this.map.delete(mapKey(k));
  }
  entries(): IterableIterator<[Value, Value]> {
    return this.map.values();
  }
  keys(): Value[] {
    return [...this.map.values()].map((e) => e[0]);
  }
  values(): Value[] {
    return [...this.map.values()].map((e) => e[1]);
  }
  /** Entries sorted by key in Rego's value order. */
  sortedEntries(): [Value, Value][] {
    return [...this.map.values()].sort((a, b) => compare(a[0], b[0]));
  }
  clone(): RObject {
    const o = new RObject();
    for (const [k, e] of this.map) o.map.set(k, e);
    return o;
  }
  static from(entries: Iterable<[Value, Value]>): RObject {
    const o = new RObject();
    for (const [k, v] of entries) o.set(k, v);
    return o;
  }
}

/** A Rego set. */
export class RSet {
  readonly map = new Map<MapKey, Value>();
  /** Cached canonical string (see {@link canonical}). */
  canon: string | undefined = undefined;
  get size(): number {
    return this.map.size;
  }
  has(v: Value): boolean {
    return this.map.has(mapKey(v));
  }
  add(v: Value): this {
    this.canon = undefined;
    this.map.set(mapKey(v), v);
    return this;
  }
  delete(v: Value): void {
    this.canon = undefined;
    this.map.delete(mapKey(v));
  }
  values(): IterableIterator<Value> {
    return this.map.values();
  }
  sorted(): Value[] {
    return [...this.map.values()].sort(compare);
  }
  clone(): RSet {
    const s = new RSet();
    for (const [k, v] of this.map) s.map.set(k, v);
    return s;
  }
  static from(vs: Iterable<Value>): RSet {
    const s = new RSet();
    for (const v of vs) s.add(v);
    return s;
  }
}

/** Rego type name of a value, as `type_name` returns it. */
export function typeName(v: Value): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return "boolean";
    case "number":
    case "bigint":
      return "number";
    case "string":
      return "string";
  }
  if (Array.isArray(v)) return "array";
  return v instanceof RObject ? "object" : "set";
}

function typeRank(v: Value): number {
  if (v === null) return 0;
  switch (typeof v) {
    case "boolean":
      return 1;
    case "number":
    case "bigint":
      return 2;
    case "string":
      return 3;
  }
  if (Array.isArray(v)) return 4;
  return v instanceof RObject ? 5 : 6;
}

/** Compares two numbers exactly (number or bigint). */
export function compareNum(a: number | bigint, b: number | bigint): number {
  if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
  const fa = typeof a === "number" ? a : b;
  const other = typeof a === "number" ? b : a;
  const sign = typeof a === "number" ? 1 : -1;
  if (!Number.isFinite(fa)) return fa > 0 ? sign : -sign;
  const fl = Math.floor(fa as number);
  const bi = BigInt(fl);
  let c = bi < (other as bigint) ? -1 : bi > (other as bigint) ? 1 : 0;
  if (c === 0 && fl !== fa) c = 1;
  return c * sign;
}

function compareLists(a: Value[], b: Value[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compare(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length < 0 ? -1 : a.length > b.length ? 1 : 0;
}

function compareObjects(a: RObject, b: RObject): number {
  const ea = a.sortedEntries();
  const eb = b.sortedEntries();
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) {
    const c = compare(ea[i]![0], eb[i]![0]);
    if (c !== 0) return c;
    const d = compare(ea[i]![1], eb[i]![1]);
    if (d !== 0) return d;
  }
  return ea.length < eb.length ? -1 : ea.length > eb.length ? 1 : 0;
}

/** Total order of Rego values (null < bool < number < string < array <
 * object < set). */
export function compare(a: Value, b: Value): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0:
      return 0;
    case 1:
      return a === b ? 0 : a ? 1 : -1;
    case 2:
      return compareNum(a as number, b as number);
    case 3:
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
    case 4:
      return compareLists(a as Value[], b as Value[]);
    case 5:
      return compareObjects(a as RObject, b as RObject);
    default:
      return compareLists((a as RSet).sorted(), (b as RSet).sorted());
  }
}

/** Value equality. */
export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta !== "object" || a === null || b === null || typeof b !== "object") {
    if ((ta === "number" || ta === "bigint") && typeof b === "bigint")
      return compareNum(a as number, b) === 0;
    if (ta === "bigint" && typeof b === "number")
      return compareNum(a as bigint, b) === 0;
    return false;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i]!, b[i]!)) return false;
    return true;
  }
  if (a instanceof RObject) {
    if (!(b instanceof RObject) || a.size !== b.size) return false;
    for (const [k, e] of a.map) {
      const o = b.map.get(k);
      if (o === undefined || !equal(e[1], o[1])) return false;
    }
    return true;
  }
  if (!(b instanceof RSet) || (a as RSet).size !== b.size) return false;
  for (const k of (a as RSet).map.keys()) if (!b.map.has(k)) return false;
  return true;
}

const CANON = new WeakMap<object, string>();

/** A canonical string for a value (equal values give equal strings).
 * Objects and sets keep it in a field; arrays in a WeakMap, top level only
 * (a WeakMap entry per nested array costs more in GC than it saves). */
export function canonical(v: Value): string {
  if (v === null || typeof v !== "object") return canonicalOf(v);
  if (Array.isArray(v)) {
    let c = CANON.get(v);
    if (c === undefined) {
      c = canonicalOf(v);
      CANON.set(v, c);
    }
    return c;
  }
  return v.canon ?? (v.canon = canonicalOf(v));
}

function canonicalInner(v: Value): string {
  if (v === null || typeof v !== "object") return canonicalOf(v);
  if (Array.isArray(v)) return CANON.get(v) ?? canonicalOf(v);
  return v.canon ?? (v.canon = canonicalOf(v));
}

function canonicalOf(v: Value): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "number":
      if (Number.isInteger(v) && !Number.isSafeInteger(v))
        return BigInt(v).toString();
      return Object.is(v, -0) ? "0" : String(v);
    case "bigint":
      return String(v);
    case "string":
      return JSON.stringify(v);
  }
  if (Array.isArray(v)) return "[" + v.map(canonicalInner).join(",") + "]";
  // Only equality matters here, so any deterministic order will do.
  if (v instanceof RObject) {
    const parts: string[] = [];
    for (const [k, x] of v.entries())
      parts.push(canonicalInner(k) + ":" + canonicalInner(x));
    return "{" + parts.sort().join(",") + "}";
  }
  const parts: string[] = [];
  for (const x of v.values()) parts.push(canonicalInner(x));
  return "set(" + parts.sort().join(",") + ")";
}

/** True when a value is Rego-truthy as an expression result. */
export function isFalse(v: Value): boolean {
  return v === false;
}
