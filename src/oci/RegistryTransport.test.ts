import { describe, expect, it } from "vitest";
import { RegistryTransport } from "./RegistryTransport.js";

interface Seen {
  url: string;
  auth: string | undefined;
}

type Route = (
  url: URL,
  auth: string | undefined,
) => Response | Promise<Response>;

function fakeFetch(route: Route, seen: Seen[]): typeof fetch {
  return async (input, init) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const auth = headers["authorization"];
    seen.push({ url: String(input), auth });
    return route(new URL(String(input)), auth);
  };
}

const noSleep = async () => {};
const BEARER =
  'Bearer realm="https://auth.example/token",service="reg.example"';
const creds = { username: "robot", password: "s3cret-pw" };
const basicCreds = `Basic ${Buffer.from("robot:s3cret-pw").toString("base64")}`;

function tokenRegistry(expectBasic: boolean): Route {
  return (url, auth) => {
    if (url.host === "auth.example") {
      const ok = expectBasic ? auth === basicCreds : auth === undefined;
      return ok
        ? Response.json({ token: "t0k" })
        : new Response("", { status: 403 });
    }
    if (auth === "Bearer t0k") return new Response("ok");
    return new Response("", {
      status: 401,
      headers: { "www-authenticate": BEARER },
    });
  };
}

const req = {
  registry: "reg.example",
  repository: "org/app",
  path: "org/app/manifests/v1",
};

describe("RegistryTransport auth", () => {
  it("runs the anonymous token flow once per scope", async () => {
    const seen: Seen[] = [];
    const t = new RegistryTransport({
      fetch: fakeFetch(tokenRegistry(false), seen),
    });
    expect((await t.send(req)).status).toBe(200);
    expect((await t.send(req)).status).toBe(200);
    expect(seen.map((s) => new URL(s.url).host)).toEqual([
      "reg.example",
      "auth.example",
      "reg.example",
      "reg.example",
    ]);
    const token = new URL(seen[1]!.url);
    expect(token.searchParams.get("scope")).toBe("repository:org/app:pull");
    expect(token.searchParams.get("service")).toBe("reg.example");
  });

  it("sends Basic credentials to the token realm when it has them", async () => {
    const seen: Seen[] = [];
    const t = new RegistryTransport({
      fetch: fakeFetch(tokenRegistry(true), seen),
      credentials: (r) => (r === "reg.example" ? creds : undefined),
    });
    expect((await t.send(req)).status).toBe(200);
  });

  it("answers a Basic challenge with credentials, else returns the 401", async () => {
    const route: Route = (_u, auth) =>
      auth === basicCreds
        ? new Response("ok")
        : new Response("", {
            status: 401,
            headers: { "www-authenticate": 'Basic realm="r"' },
          });
    const withCreds = new RegistryTransport({
      fetch: fakeFetch(route, []),
      credentials: () => creds,
    });
    expect((await withCreds.send(req)).status).toBe(200);
    const anonymous = new RegistryTransport({ fetch: fakeFetch(route, []) });
    expect((await anonymous.send(req)).status).toBe(401);
  });

  it("refuses to send credentials to a plain-HTTP token realm", async () => {
    const seen: Seen[] = [];
    const route: Route = () =>
      new Response("", {
        status: 401,
        headers: {
          "www-authenticate": 'Bearer realm="http://auth.example/token"',
        },
      });
    const t = new RegistryTransport({
      fetch: fakeFetch(route, seen),
      credentials: () => creds,
    });
    await expect(t.send(req)).rejects.toThrow(
      /non-HTTPS token realm http:\/\/auth.example/,
    );
    expect(seen.map((s) => s.auth)).toEqual([undefined]);
  });

  it("never puts credentials in errors", async () => {
    const route: Route = (url) =>
      url.host === "auth.example"
        ? new Response("denied", { status: 403 })
        : new Response("", {
            status: 401,
            headers: { "www-authenticate": BEARER },
          });
    const t = new RegistryTransport({
      fetch: fakeFetch(route, []),
      credentials: () => creds,
    });
    const error = await t.send(req).catch((e: Error) => e);
    expect(String((error as Error).message)).toMatch(
      /token request to auth.example answered 403/,
    );
    expect(JSON.stringify(error)).not.toContain("s3cret");
    expect((error as Error).message).not.toContain("s3cret");
  });
});

describe("RegistryTransport redirects", () => {
  const cases = [
    { to: "https://cdn.example/blob", keeps: false },
    { to: "http://reg.example/v2/blob", keeps: false },
    { to: "/v2/org/app/blobs/other", keeps: true },
  ];
  it.each(cases)(
    "redirect to $to keeps auth: $keeps",
    async ({ to, keeps }) => {
      const seen: Seen[] = [];
      const route: Route = (url, auth) => {
        if (url.host === "auth.example")
          return Response.json({ access_token: "t0k" });
        if (
          auth === undefined &&
          url.host === "reg.example" &&
          seen.length === 1
        ) {
          return new Response("", {
            status: 401,
            headers: { "www-authenticate": BEARER },
          });
        }
        if (url.pathname.endsWith("manifests/v1")) {
          return new Response(null, { status: 307, headers: { location: to } });
        }
        return new Response("blob");
      };
      const t = new RegistryTransport({ fetch: fakeFetch(route, seen) });
      expect(await (await t.send(req)).text()).toBe("blob");
      const last = seen.at(-1)!;
      expect(last.auth).toBe(keeps ? "Bearer t0k" : undefined);
    },
  );

  it("stops after too many redirects", async () => {
    const route: Route = () =>
      new Response(null, { status: 302, headers: { location: "/v2/loop" } });
    const t = new RegistryTransport({
      fetch: fakeFetch(route, []),
      retries: 0,
    });
    await expect(t.send(req)).rejects.toThrow(/failed/);
  });
});

describe("RegistryTransport retries and timeouts", () => {
  it("retries 503 and network errors, not 404", async () => {
    const answers = [
      () => new Response("", { status: 503 }),
      () => Promise.reject(new TypeError("socket hang up")),
      () => new Response("ok"),
    ];
    const seen: Seen[] = [];
    const sleeps: number[] = [];
    const t = new RegistryTransport({
      fetch: fakeFetch(() => answers[seen.length - 1]!(), seen),
      sleep: async (ms) => void sleeps.push(ms),
    });
    expect((await t.send(req)).status).toBe(200);
    expect(sleeps).toEqual([200, 400]);
    const notFound: Seen[] = [];
    const t404 = new RegistryTransport({
      fetch: fakeFetch(() => new Response("", { status: 404 }), notFound),
      sleep: noSleep,
    });
    expect((await t404.send(req)).status).toBe(404);
    expect(notFound).toHaveLength(1);
  });

  it("gives up after the last retry with the cause", async () => {
    const t = new RegistryTransport({
      fetch: () => Promise.reject(new TypeError("ECONNREFUSED")),
      retries: 1,
      sleep: noSleep,
    });
    const error = (await t.send(req).catch((e: Error) => e)) as Error;
    expect(error.message).toBe(
      "request GET https://reg.example/v2/org/app/manifests/v1 failed",
    );
    expect((error.cause as Error).message).toBe("ECONNREFUSED");
  });

  it("aborts a hanging registry after timeoutMs", async () => {
    const hanging: typeof fetch = (_i, init) =>
      new Promise((_r, reject) =>
        init?.signal?.addEventListener("abort", () =>
          reject(init.signal?.reason),
        ),
      );
    const t = new RegistryTransport({
      fetch: hanging,
      timeoutMs: 20,
      retries: 0,
    });
    const error = (await t.send(req).catch((e: Error) => e)) as Error;
    expect((error.cause as Error).name).toBe("TimeoutError");
  });

  it("speaks plain HTTP to loopback registries only", () => {
    const t = new RegistryTransport({ fetch });
    expect(t.baseUrl("127.0.0.1:5000")).toBe("http://127.0.0.1:5000/v2/");
    expect(t.baseUrl("localhost")).toBe("http://localhost/v2/");
    expect(t.baseUrl("localhost.evil.com")).toBe(
      "https://localhost.evil.com/v2/",
    );
    expect(t.baseUrl("docker.io")).toBe("https://registry-1.docker.io/v2/");
  });
});
