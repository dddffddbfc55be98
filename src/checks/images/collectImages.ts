import type { Location } from "../../findings/finding.js";
import type { FieldPath, Resource } from "../../manifests/Resource.js";
import type { RenderedTarget } from "../../render/RenderTarget.js";

/** One `image:` field of one container in a rendered resource. */
export interface ImageUse {
  /** The reference as written (before normalisation). */
  image: string;
  resource: Resource;
  /** Where the `image:` field is in the source a human edits. */
  location: Location;
  target: RenderedTarget;
}

const TEMPLATE = ["spec", "template", "spec"];
/** Where each pod-bearing kind keeps its pod spec. */
const POD_SPEC: Record<string, FieldPath> = {
  Pod: ["spec"],
  PodTemplate: ["template", "spec"],
  Deployment: TEMPLATE,
  StatefulSet: TEMPLATE,
  DaemonSet: TEMPLATE,
  ReplicaSet: TEMPLATE,
  ReplicationController: TEMPLATE,
  Job: TEMPLATE,
  Rollout: TEMPLATE,
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};
const CONTAINER_LISTS = ["initContainers", "containers", "ephemeralContainers"];

/**
 * Every container image of every pod-bearing resource (Pods, workload
 * controllers, Jobs, CronJobs, Argo Rollouts), init and ephemeral
 * containers included, in document order.
 */
export function collectImages(targets: readonly RenderedTarget[]): ImageUse[] {
  return targets.flatMap((target) =>
    target.resources.flatMap((resource) => imagesOf(resource, target)),
  );
}

function imagesOf(resource: Resource, target: RenderedTarget): ImageUse[] {
  const specPath = POD_SPEC[resource.kind];
  if (specPath === undefined) return [];
  if (
    resource.kind === "Rollout" &&
    !resource.apiVersion.startsWith("argoproj.io/")
  ) {
    return [];
  }
  const spec = at(resource.object, specPath);
  if (!isRecord(spec)) return [];
  const out: ImageUse[] = [];
  for (const list of CONTAINER_LISTS) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    containers.forEach((c: unknown, i) => {
      if (!isRecord(c) || typeof c["image"] !== "string") return;
      const location = resource.locate([...specPath, list, i, "image"]);
      out.push({ image: c["image"], resource, location, target });
    });
  }
  return out;
}

function at(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key as string];
  }
  return current;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
