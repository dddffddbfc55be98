import { describe, expect, it } from "vitest";
import { compile } from "../index.js";

const src = `package t
import rego.v1
limit := data.config.max
too_many if count(input.items) > limit
double(n) := n * 2
d := double(2)
now := time.now_ns()`;

const p = compile([{ path: "t.rego", source: src }]);
const x = (q: string, data?: unknown): unknown =>
  p.eval(q, { data })[0]?.bindings.x;

describe("with", () => {
  it("replaces input", () => {
    expect(
      x(
        'x := data.t.too_many with input as {"items": [1, 2, 3]} with data.config.max as 2',
      ),
    ).toBe(true);
  });

  it("replaces base data without leaking past the expression", () => {
    const data = { config: { max: 10 } };
    const r = p.eval(
      "a := data.t.limit with data.config.max as 1; b := data.t.limit",
      { data },
    );
    expect(r[0]?.bindings).toEqual({ a: 1, b: 10 });
  });

  it("replaces a user function with a value and with another function", () => {
    expect(x("x := data.t.d with data.t.double as 7")).toBe(7);
    expect(x("x := data.t.d with data.t.double as abs")).toBe(2);
  });

  it("replaces a builtin", () => {
    expect(x("x := data.t.now with time.now_ns as 5")).toBe(5);
  });
});
