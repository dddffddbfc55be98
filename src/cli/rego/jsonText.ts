/** JSON.stringify that prints bigints as exact numbers. */
export function jsonText(v: unknown, indent?: number): string {
  const marks: string[] = [];
  const s = JSON.stringify(
    v,
    (_k, x: unknown) => {
      if (typeof x !== "bigint") return x;
      marks.push(x.toString());
      return `\u0000big${marks.length - 1}\u0000`;
    },
    indent,
  );
  return s.replace(
    /"\\u0000big(\d+)\\u0000"/g,
    (_m, i: string) => marks[Number(i)]!,
  );
}
