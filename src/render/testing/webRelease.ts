/**
 * A HelmRelease named `name` in namespace `web` of the in-repo chart
 * `charts/web` (see `WEB_CHART`), from the flux-system GitRepository.
 * `chartSpec` goes on under `spec.chart.spec` (indented six spaces) and
 * `spec` under `spec` (two spaces), each with its own line ends.
 */
export function webRelease(name: string, chartSpec = "", spec = ""): string {
  return `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${name}
  namespace: web
spec:
  chart:
    spec:
      chart: ./charts/web
      sourceRef:
        kind: GitRepository
        name: flux-system
        namespace: flux-system
${chartSpec}${spec}`;
}
