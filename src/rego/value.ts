/**
 * Rego values. Scalars are JS primitives (integers beyond 2^53 are `bigint`),
 * arrays are JS arrays (never mutated once built), objects and sets are the
 * classes below so that any value can be a key or an element.
 */
export type Value =
  null | boolean | number | bigint | string | Value[] | RObject | RSet;

/** A JS Map key that identifies a value in an {@link RObject} or {@link RSet}:
 * a primitive for scalars; for composites, the first inserted value of its
 * equality class (found through a structural hash, see {@link hashOf}). */
export type MapKey = string | number | boolean | null | bigint | Composite;

type Composite = Value[] | RObject | RSet;

function isComposite(v: Value): v is Composite {
  return v !== null && typeof v === "object";
}

/** The Map key of a scalar (equal scalars give equal keys). */
export function scalarKey(
  v: null | boolean | number | bigint | string,
): MapKey {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      if (Number.isInteger(v) && !Number.isSafeInteger(v)) return BigInt(v);
      return Object.is(v, -0) ? 0 : v;
    case "bigint": {
      const n = Number(v);
      return Number.isSafeInteger(n) ? n : v;
    }
    default:
      return v;
  }
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++)
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function hashNumber(v: number | bigint): number {
  const k = scalarKey(v);
  if (typeof k === "bigint") return mix(hashString(k.toString()) ^ 0x2b);
  const n = k as number;
  if (Number.isInteger(n))
    return mix((n | 0) ^ Math.imul(Math.floor(n / 4294967296) | 0, 0x9e3779b1));
  return mix(hashString(String(n)) ^ 0x2b);
}

/** A structural hash: equal values give equal hashes. Cached on objects and
 * sets (which invalidate it when changed). */
export function hashOf(v: Value): number {
  if (v === null) return 0x1b873593;
  switch (typeof v) {
    case "boolean":
      return v ? 0x3c6ef372 : 0x7f4a7c15;
    case "number":
    case "bigint":
      return hashNumber(v);
    case "string":
      return hashString(v);
  }
  if (Array.isArray(v)) {
    let h = 0x27d4eb2f ^ v.length;
    for (let i = 0; i < v.length; i++)
      h = (Math.imul(h, 31) + hashOf(v[i]!)) | 0;
    return mix(h);
  }
  if (v.h !== undefined) return v.h;
  let h = 0;
  if (v instanceof RObject) {
    const src = v.lazySource();
    if (src !== undefined) return (v.h = hashPlain(src));
    for (const e of v.map.values())
      h = (h + mix(Math.imul(hashOf(e[0]), 0x5bd1e995) ^ hashOf(e[1]))) | 0;
    h = mix(h ^ 0x68e31da4);
  } else {
    for (const x of v.map.values()) h = (h + mix(hashOf(x) ^ 0x1b56c4e9)) | 0;
    h = mix(h ^ 0x2f4a1c9d);
  }
  return (v.h = h);
}

/** hashOf(fromJS(x)) without converting x. */
function hashJS(x: unknown): number {
  if (x === undefined || x === null) return hashOf(null);
  switch (typeof x) {
    case "string":
    case "boolean":
    case "number":
    case "bigint":
      return hashOf(x);
  }
  if (Array.isArray(x)) {
    let h = 0x27d4eb2f ^ x.length;
    for (let i = 0; i < x.length; i++)
      h = (Math.imul(h, 31) + hashJS(x[i])) | 0;
    return mix(h);
  }
  if (x instanceof RObject || x instanceof RSet) return hashOf(x);
  if (x instanceof Set || x instanceof Map) return hashOf(lazyConvert!(x));
  return hashPlain(x as Record<string, unknown>);
}

function hashPlain(src: Record<string, unknown>): number {
  let h = 0;
  for (const k in src) {
    const x = src[k];
    if (x === undefined || !Object.hasOwn(src, k)) continue;
    h = (h + mix(Math.imul(hashString(k), 0x5bd1e995) ^ hashJS(x))) | 0;
  }
  return mix(h ^ 0x68e31da4);
}

/** Finds (in `idx`, hash → composite keys) the key equal to `v`. */
function findIn(
  idx: Map<number, Composite[]>,
  v: Composite,
): Composite | undefined {
  const bucket = idx.get(hashOf(v));
  if (bucket === undefined) return undefined;
  for (const k of bucket) if (k === v || equal(k, v)) return k;
  return undefined;
}

function indexOf(keys: Iterable<MapKey>): Map<number, Composite[]> {
  const idx = new Map<number, Composite[]>();
  for (const k of keys) if (k !== null && typeof k === "object") addTo(idx, k);
  return idx;
}

function addTo(idx: Map<number, Composite[]>, k: Composite): void {
  const h = hashOf(k);
  const bucket = idx.get(h);
  if (bucket === undefined) idx.set(h, [k]);
  else bucket.push(k);
}

function removeFrom(idx: Map<number, Composite[]>, k: Composite): void {
  const h = hashOf(k);
  const bucket = idx.get(h);
  if (bucket === undefined) return;
  const i = bucket.indexOf(k);
  if (i >= 0) bucket.splice(i, 1);
  if (!bucket.length) idx.delete(h);
}

let lazyConvert: ((x: unknown) => Value) | undefined;

/** Sets the conversion {@link RObject.lazy} objects apply to their
 * properties (convert.ts registers fromJS). */
export function setLazyConvert(f: (x: unknown) => Value): void {
  lazyConvert = f;
}

/** A Rego object: any value can be a key. Insertion order is kept. */
export class RObject {
  /** Entries; undefined while the object still wraps a plain JS object. */
  private m: Map<MapKey, [Value, Value]> | undefined;
  /** A plain JS object (from {@link RObject.lazy}) converted on demand. */
  private src: Record<string, unknown> | undefined = undefined;
  /** Children of `src` converted so far (kept, so each converts once). */
  private got: Map<string, Value> | undefined = undefined;
  /** Cached structural hash (see {@link hashOf}). */
  h: number | undefined = undefined;
  /** Composite keys by hash, built on first use. */
  private idx: Map<number, Composite[]> | undefined = undefined;
  /** An empty object; see {@link RObject.lazy} for `src`. */
  constructor(src?: Record<string, unknown>) {
    if (src === undefined) this.m = new Map();
    else this.src = src;
  }
  /** An object over a plain JS object's own enumerable properties (those
   * not undefined), each converted when first read. */
  static lazy(src: Record<string, unknown>): RObject {
    return new RObject(src);
  }
  /** The plain JS object this object still wraps, if not yet converted. */
  lazySource(): Record<string, unknown> | undefined {
    return this.m === undefined ? this.src : undefined;
  }
  get map(): Map<MapKey, [Value, Value]> {
    return this.m ?? this.force();
  }
  private force(): Map<MapKey, [Value, Value]> {
    const src = this.src!;
    const got = this.got;
    const m = new Map<MapKey, [Value, Value]>();
    for (const k of Object.keys(src)) {
      const x = src[k];
      if (x === undefined) continue;
      m.set(k, [k, got?.get(k) ?? lazyConvert!(x)]);
    }
    this.src = undefined;
    this.got = undefined;
    return (this.m = m);
  }
  private lazyGet(k: Value): Value | undefined {
    const src = this.src!;
    if (typeof k !== "string") return undefined;
    const x = src[k];
    // Missing keys (common in policies) skip the own-property check.
    if (x === undefined || !Object.hasOwn(src, k)) return undefined;
    // Scalars convert cheaply; only composites are kept (for identity).
    if (x === null || typeof x !== "object") return lazyConvert!(x);
    let got = this.got;
    if (got === undefined) this.got = got = new Map();
    let v = got.get(k);
    if (v === undefined) got.set(k, (v = lazyConvert!(x)));
    return v;
  }
  get size(): number {
    return this.map.size;
  }
  private index(): Map<number, Composite[]> {
    return (this.idx ??= indexOf(this.map.keys()));
  }
  /** The Map key of `k` when present (or `k`'s own key when scalar). */
  keyOf(k: Value): MapKey | undefined {
    return isComposite(k) ? findIn(this.index(), k) : scalarKey(k);
  }
  get(k: Value): Value | undefined {
    if (this.m === undefined) return this.lazyGet(k);
    if (typeof k === "string") return this.m.get(k)?.[1];
    const key = this.keyOf(k);
    return key === undefined ? undefined : this.map.get(key)?.[1];
  }
  has(k: Value): boolean {
    if (this.m === undefined) return this.lazyGet(k) !== undefined;
    const key = this.keyOf(k);
    return key !== undefined && this.map.has(key);
  }
  set(k: Value, v: Value): this {
    this.h = undefined;
    if (isComposite(k)) {
      const idx = this.index();
      let key = findIn(idx, k);
      if (key === undefined) addTo(idx, (key = k));
      this.map.set(key, [k, v]);
    } else this.map.set(scalarKey(k), [k, v]);
    return this;
  }
  delete(k: Value): void {
    const key = this.keyOf(k);
    if (key === undefined) return;
    this.h = undefined;
    if (isComposite(key)) removeFrom(this.index(), key);
    this.map.delete(key);
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
    o.h = this.h;
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
  /** Cached structural hash (see {@link hashOf}). */
  h: number | undefined = undefined;
  /** Composite elements by hash, built on first use. */
  private idx: Map<number, Composite[]> | undefined = undefined;
  get size(): number {
    return this.map.size;
  }
  private index(): Map<number, Composite[]> {
    return (this.idx ??= indexOf(this.map.keys()));
  }
  has(v: Value): boolean {
    if (isComposite(v)) return findIn(this.index(), v) !== undefined;
    return this.map.has(scalarKey(v));
  }
  add(v: Value): this {
    this.h = undefined;
    if (isComposite(v)) {
      const idx = this.index();
      if (findIn(idx, v) === undefined) {
        addTo(idx, v);
        this.map.set(v, v);
      }
    } else this.map.set(scalarKey(v), v);
    return this;
  }
  delete(v: Value): void {
    this.h = undefined;
    if (isComposite(v)) {
      const idx = this.index();
      const key = findIn(idx, v);
      if (key === undefined) return;
      removeFrom(idx, key);
      this.map.delete(key);
    } else this.map.delete(scalarKey(v));
  }
  values(): IterableIterator<Value> {
    return this.map.values();
  }
  sorted(): Value[] {
    const vs = [...this.map.values()];
    for (const v of vs) if (typeof v !== "string") return vs.sort(compare);
    // Only strings: the default sort's order (UTF-16 code units) is
    // compare's order for strings.
    return vs.sort();
  }
  clone(): RSet {
    const s = new RSet();
    for (const [k, v] of this.map) s.map.set(k, v);
    s.h = this.h;
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
    if (a.h !== undefined && b.h !== undefined && a.h !== b.h) return false;
    for (const [k, e] of a.map) {
      const o = isComposite(e[0]) ? b.get(e[0]) : b.map.get(k)?.[1];
      if (o === undefined || !equal(e[1], o)) return false;
    }
    return true;
  }
  const sa = a as RSet;
  if (!(b instanceof RSet) || sa.size !== b.size) return false;
  if (sa.h !== undefined && b.h !== undefined && sa.h !== b.h) return false;
  for (const [k, v] of sa.map)
    if (isComposite(v) ? !b.has(v) : !b.map.has(k)) return false;
  return true;
}

/** True when a value is Rego-truthy as an expression result. */
export function isFalse(v: Value): boolean {
  return v === false;
}
