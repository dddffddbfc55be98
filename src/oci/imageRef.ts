/**
 * Container image references, normalised the way Docker and
 * go-containerregistry read them: `nginx` is
 * `docker.io/library/nginx:latest`.
 */

/** A parsed, normalised image reference. */
export interface ImageRef {
  /** Registry host with optional port, e.g. `docker.io`, `127.0.0.1:5000`. */
  registry: string;
  /** Repository path inside the registry, e.g. `library/nginx`. */
  repository: string;
  /** Tag when one was written (or `latest` when neither tag nor digest). */
  tag?: string;
  /** `sha256:<hex>` when the reference pins a digest. */
  digest?: string;
}

/** Docker Hub's canonical name and the host its API actually lives on. */
export const DOCKER_HUB = "docker.io";
const DOCKER_HUB_API = "registry-1.docker.io";

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;

/**
 * Parses and normalises an image reference; throws on anything that is not
 * a valid reference (upper case repositories, bad digests, empty parts).
 * @example parseImageRef("nginx") // docker.io / library/nginx : latest
 * @example parseImageRef("localhost:5000/app:v1@sha256:…") // tag + digest
 */
export function parseImageRef(input: string): ImageRef {
  const text = input.trim();
  if (text.length === 0 || text.length > 1024) {
    throw new Error(`image reference ${JSON.stringify(input)}: bad length`);
  }
  const at = text.lastIndexOf("@");
  const digest = at >= 0 ? text.slice(at + 1) : undefined;
  const named = at >= 0 ? text.slice(0, at) : text;
  if (digest !== undefined && !DIGEST.test(digest)) {
    throw new Error(`image reference ${input}: digest must be sha256:<64 hex>`);
  }
  const { name, tag } = splitTag(named, input);
  const { registry, repository } = splitRegistry(name, input);
  const ref: ImageRef = { registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  if (tag === undefined && digest === undefined) ref.tag = "latest";
  return ref;
}

function splitTag(named: string, input: string) {
  const colon = named.lastIndexOf(":");
  if (colon < 0 || colon < named.lastIndexOf("/")) return { name: named };
  const tag = named.slice(colon + 1);
  if (!TAG.test(tag)) throw new Error(`image reference ${input}: bad tag`);
  return { name: named.slice(0, colon), tag };
}

function splitRegistry(name: string, input: string) {
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  const isHost =
    first === "localhost" || first.includes(".") || first.includes(":");
  let registry = isHost ? first.toLowerCase() : DOCKER_HUB;
  let repository = isHost ? name.slice(slash + 1) : name;
  if (registry === "index.docker.io" || registry === DOCKER_HUB_API) {
    registry = DOCKER_HUB;
  }
  if (registry === DOCKER_HUB && !repository.includes("/")) {
    repository = `library/${repository}`;
  }
  if (!HOST.test(registry)) {
    throw new Error(`image reference ${input}: bad registry host`);
  }
  const parts = repository.split("/");
  if (repository.length > 255 || !parts.every((p) => COMPONENT.test(p))) {
    throw new Error(`image reference ${input}: bad repository name`);
  }
  return { registry, repository };
}

/** The full name without tag or digest: `docker.io/library/nginx`. */
export function repositoryName(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}`;
}

/**
 * The canonical string: `registry/repository[:tag][@digest]`.
 * @example formatImageRef(parseImageRef("nginx")) // docker.io/library/nginx:latest
 */
export function formatImageRef(ref: ImageRef): string {
  const tag = ref.tag === undefined ? "" : `:${ref.tag}`;
  const digest = ref.digest === undefined ? "" : `@${ref.digest}`;
  return `${repositoryName(ref)}${tag}${digest}`;
}

/** The host that serves the registry API (Docker Hub's differs). */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}
