import { fromJS } from "../convert.js";
import { register } from "./registry.js";
import { str } from "./strings.js";

function clean(s: string): string | undefined {
  let t = s.toLowerCase();
  if (t.startsWith("urn:uuid:")) t = t.slice(9);
  if (t.startsWith("{") && t.endsWith("}")) t = t.slice(1, -1);
  if (/^[0-9a-f]{32}$/.test(t)) return t;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(t))
    return t.replace(/-/g, "");
  return undefined;
}

register("uuid.parse", 1, ([v]) => {
  const hex = clean(str(v!, 1));
  if (!hex) return undefined;
  const b = Buffer.from(hex, "hex");
  const version = b[6]! >> 4;
  const vb = b[8]!;
  const variant =
    vb >> 7 === 0
      ? "Reserved, NCS backward compatibility"
      : vb >> 6 === 2
        ? "RFC4122"
        : vb >> 5 === 6
          ? "Reserved, Microsoft Corporation backward compatibility"
          : "Reserved, future definition";
  const out: Record<string, unknown> = { variant, version };
  if (version === 1 || version === 2) {
    const low = BigInt(b.readUInt32BE(0));
    const t =
      (BigInt(b.readUInt16BE(6) & 0x0fff) << 48n) |
      (BigInt(b.readUInt16BE(4)) << 32n) |
      low;
    out.time = (t - 122192928000000000n) * 100n;
    out.clocksequence = b.readUInt16BE(8) & 0x3fff;
    out.nodeid = [...b.subarray(10)]
      .map((x) => x.toString(16).padStart(2, "0"))
      .join("-");
    out.macvariables = `${b[10]! & 2 ? "local" : "global"}:${b[10]! & 1 ? "multicast" : "unicast"}`;
    if (version === 2) {
      out.id = b.readUInt32BE(0);
      out.domain = ["Person", "Group", "Org"][b[9]!] ?? `Domain${b[9]}`;
      out.clocksequence = ((b.readUInt16BE(8) & 0x3fff) >> 8) << 8;
    }
  }
  return fromJS(out);
});
