import type { RenderedTarget } from "../render/RenderTarget.js";

/**
 * Drops a plain target's resources from files that an Argo CD or Flux app
 * in the same run rendered successfully (listed by the plain renderer in
 * `options.appRendered`): those files are deployed as the app renders them
 * (after Flux substitutes its variables, with the app's namespace), so
 * checking the raw copy too would contradict the app's findings. Where the
 * app's render failed, the raw resources stay, so their problems are still
 * found on their exact lines.
 */
export function withoutAppRendered(
  rendered: readonly RenderedTarget[],
): RenderedTarget[] {
  const covered = new Set(
    rendered
      .filter(
        (t) => t.ok && (t.target.kind === "argocd" || t.target.kind === "flux"),
      )
      .flatMap((t) => t.target.inputs),
  );
  return rendered.map((t) => {
    const claimed = t.target.options?.["appRendered"];
    if (t.target.kind !== "plain" || !Array.isArray(claimed)) return t;
    const drop = new Set(
      claimed.filter((f: unknown) => covered.has(f as string)),
    );
    if (drop.size === 0) return t;
    const resources = t.resources.filter((r) => !drop.has(r.source.path));
    return { ...t, resources };
  });
}
