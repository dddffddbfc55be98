import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running local registry (Debian's `docker-registry`, distribution 2.8). */
export interface LocalRegistry {
  /** `127.0.0.1:<port>`, usable as an image reference's registry. */
  host: string;
  stop(): Promise<void>;
}

const BINARY = process.env["DOCKER_REGISTRY_BIN"] ?? "docker-registry";
const INSTALL_HINT =
  "docker-registry binary not found: install it with " +
  "`apt-get update && apt-get install -y docker-registry` " +
  "(or set DOCKER_REGISTRY_BIN)";

/**
 * Starts a registry on 127.0.0.1 with a random free port and a temporary
 * storage directory; fails loudly with the install hint when the binary is
 * missing, so the image tests never skip silently.
 */
export async function startRegistry(): Promise<LocalRegistry> {
  const probe = spawnSync(BINARY, ["--version"], { encoding: "utf8" });
  if (probe.error !== undefined)
    throw new Error(INSTALL_HINT, { cause: probe.error });
  const dir = await mkdtemp(join(tmpdir(), "gg-registry-"));
  const port = await freePort();
  const config = join(dir, "config.yml");
  await writeFile(config, configYaml(join(dir, "storage"), port));
  const child = spawn(BINARY, ["serve", config], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin" },
  });
  const log: string[] = [];
  child.stderr?.on("data", (d: Buffer) => log.push(d.toString()));
  const host = `127.0.0.1:${port}`;
  await waitReady(host, child, log);
  return { host, stop: () => stop(child, dir) };
}

function configYaml(storage: string, port: number): string {
  return [
    "version: 0.1",
    "log:",
    "  level: error",
    "  accesslog:",
    "    disabled: true",
    "storage:",
    "  filesystem:",
    `    rootdirectory: ${storage}`,
    "  delete:",
    "    enabled: true",
    "http:",
    `  addr: 127.0.0.1:${port}`,
    "",
  ].join("\n");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(host: string, child: ChildProcess, log: string[]) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) {
      throw new Error(`docker-registry exited: ${log.join("").slice(-2000)}`);
    }
    try {
      const res = await fetch(`http://${host}/v2/`);
      if (res.ok) return;
    } catch (error) {
      if (i === 99)
        throw new Error(`registry ${host} never answered`, { cause: error });
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`registry ${host} never became ready`);
}

async function stop(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
}
