import type { TrustedRoot } from "@sigstore/protobuf-specs";
import { describe, expect, it } from "vitest";
import { refreshingTrustedRoot } from "./refreshingTrustedRoot.js";
import { shippedTrustedRoot } from "./trustedRoot.js";

const rootNamed = (uri: string) =>
  ({ certificateAuthorities: [{ uri }] }) as unknown as TrustedRoot;
const uriOf = (r: TrustedRoot) => r.certificateAuthorities[0]?.uri;

describe("refreshingTrustedRoot", () => {
  it("reuses a fetched root until maxAge, then refreshes", async () => {
    let clock = 0;
    let fetched = 0;
    const source = refreshingTrustedRoot({
      fetchRoot: async () => rootNamed(`v${++fetched}`),
      maxAgeMs: 100,
      now: () => clock,
    });
    expect(uriOf(await source())).toBe("v1");
    clock = 99;
    expect(uriOf(await source())).toBe("v1");
    clock = 100;
    expect(uriOf(await source())).toBe("v2");
  });

  it("falls back to the last good root, then to the shipped one", async () => {
    const stale: unknown[] = [];
    let fail = false;
    let clock = 0;
    const source = refreshingTrustedRoot({
      fetchRoot: async () => {
        if (fail) throw new Error("mirror down");
        return rootNamed("fresh");
      },
      maxAgeMs: 1,
      now: () => clock,
      onStale: (e) => stale.push(e),
    });
    expect(uriOf(await source())).toBe("fresh");
    fail = true;
    clock = 5;
    expect(uriOf(await source())).toBe("fresh");
    expect(stale).toHaveLength(1);
    const offline = refreshingTrustedRoot({
      fetchRoot: () => Promise.reject(new Error("offline")),
    });
    const shipped = await shippedTrustedRoot();
    expect(uriOf(await offline())).toBe(uriOf(shipped));
    expect(uriOf(shipped)).toBe("https://fulcio.sigstore.dev");
  });
});
