import { describe, expect, it } from "vitest";
import { compile } from "../index.js";

const run = (q: string): unknown =>
  compile([]).eval(q, { strictBuiltinErrors: true })[0]?.bindings.x;

describe("net.cidr_* builtins", () => {
  const cases: { q: string; want: unknown }[] = [
    { q: 'x := net.cidr_contains("10.0.0.0/8", "10.1.2.3")', want: true },
    { q: 'x := net.cidr_contains("10.0.0.0/8", "11.0.0.1")', want: false },
    { q: 'x := net.cidr_contains("2001:db8::/32", "2001:db8::1")', want: true },
    { q: 'x := net.cidr_intersects("10.0.0.0/8", "10.5.0.0/16")', want: true },
    {
      q: 'x := net.cidr_expand("192.168.0.0/31")',
      want: ["192.168.0.0", "192.168.0.1"],
    },
    {
      q: 'x := net.cidr_merge(["10.0.0.0/25", "10.0.0.128/25"])',
      want: ["10.0.0.0/24"],
    },
    { q: 'x := net.cidr_is_valid("10.0.0.0/33")', want: false },
    {
      q: 'x := net.cidr_contains_matches(["1.1.1.0/24"], {"a": "1.1.1.1"})',
      want: [[0, "a"]],
    },
  ];
  for (const c of cases) it(c.q, () => expect(run(c.q)).toEqual(c.want));

  it("rejects an invalid CIDR in strict mode", () => {
    expect(() => run('x := net.cidr_contains("nope", "1.1.1.1")')).toThrow(
      /invalid CIDR/,
    );
  });
});
