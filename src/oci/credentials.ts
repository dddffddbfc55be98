/** A username and password (or token) for one registry. */
export interface Credentials {
  username: string;
  password: string;
}

/** Looks up credentials for a registry host (as written in references). */
export type CredentialsProvider = (registry: string) => Credentials | undefined;

interface DockerConfig {
  auths?: Record<
    string,
    { auth?: string; username?: string; password?: string }
  >;
}

/**
 * Credentials from a Docker `config.json` the app was given (never one from
 * the checked repository). Keys may be bare hosts or URLs, as `docker login`
 * writes them; Docker Hub is also found under its legacy index URL.
 */
export function credentialsFromDockerConfig(json: string): CredentialsProvider {
  const config = JSON.parse(json) as DockerConfig;
  const table = new Map<string, Credentials>();
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    const creds = decodeEntry(entry);
    if (creds !== undefined) table.set(hostOf(key), creds);
  }
  return (registry) =>
    table.get(registry) ??
    (registry === "docker.io" ? table.get("index.docker.io") : undefined);
}

function decodeEntry(entry: {
  auth?: string;
  username?: string;
  password?: string;
}): Credentials | undefined {
  if (entry.username !== undefined && entry.password !== undefined) {
    return { username: entry.username, password: entry.password };
  }
  if (entry.auth === undefined) return undefined;
  const plain = Buffer.from(entry.auth, "base64").toString("utf8");
  const colon = plain.indexOf(":");
  if (colon < 0) return undefined;
  return { username: plain.slice(0, colon), password: plain.slice(colon + 1) };
}

function hostOf(key: string): string {
  const bare = key.replace(/^https?:\/\//, "").split("/")[0] ?? key;
  return bare.toLowerCase();
}

/**
 * Credentials from the app's environment:
 * `GITOPS_GATE_REGISTRY_AUTH` holds a Docker config JSON document, and
 * `GITOPS_GATE_REGISTRY_<HOST>_USERNAME` / `_PASSWORD` (host upper-cased,
 * non-alphanumerics as `_`) name one registry each.
 */
export function credentialsFromEnv(
  env: Record<string, string | undefined>,
): CredentialsProvider {
  const fromConfig =
    env["GITOPS_GATE_REGISTRY_AUTH"] === undefined
      ? undefined
      : credentialsFromDockerConfig(env["GITOPS_GATE_REGISTRY_AUTH"]);
  return (registry) => {
    const key = registry.toUpperCase().replace(/[^A-Z0-9]/g, "_");
    const username = env[`GITOPS_GATE_REGISTRY_${key}_USERNAME`];
    const password = env[`GITOPS_GATE_REGISTRY_${key}_PASSWORD`];
    if (username !== undefined && password !== undefined) {
      return { username, password };
    }
    return fromConfig?.(registry);
  };
}
