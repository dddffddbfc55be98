import { randomUUID } from "node:crypto";
import { RObject, RSet, type Value } from "../value.js";
import { register, typeErr } from "./registry.js";

function neighbours(g: RObject, n: Value): Value[] {
  const e = g.get(n);
  if (Array.isArray(e)) return e;
  if (e instanceof RSet) return e.sorted();
  return [];
}

function initial(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof RSet) return v.sorted();
  throw typeErr(2, "one of {array, set}", v);
}

register("graph.reachable", 2, ([g, i]) => {
  if (!(g instanceof RObject)) throw typeErr(1, "object", g!);
  const seen = new RSet();
  const queue = [...initial(i!)];
  while (queue.length) {
    const n = queue.shift()!;
    if (seen.has(n) || !g.has(n)) continue;
    seen.add(n);
    queue.push(...neighbours(g, n));
  }
  return seen;
});

register("graph.reachable_paths", 2, ([g, i]) => {
  if (!(g instanceof RObject)) throw typeErr(1, "object", g!);
  const out = new RSet();
  const walk = (n: Value, path: Value[]): void => {
    if (!g.has(n)) {
      if (path.length) out.add(path);
      return;
    }
    const p = [...path, n];
    const next = neighbours(g, n).filter((x) => !p.some((y) => y === x));
    if (!next.length) {
      out.add(p);
      return;
    }
    for (const x of next) walk(x, p);
  };
  for (const n of initial(i!)) walk(n, []);
  return out;
});

register("uuid.rfc4122", 1, ([s], ctx) => {
  const key = `uuid:${String(s)}`;
  let v = ctx.memo.get(key);
  if (v === undefined) ctx.memo.set(key, (v = randomUUID()));
  return v;
});
