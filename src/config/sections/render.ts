import { z } from "zod";

/** `render`: how targets are discovered and rendered. */
export const renderSchema = z
  .strictObject({
    kustomize: z
      .strictObject({
        enabled: z.boolean().default(true),
        enableHelm: z
          .boolean()
          .default(false)
          .describe("Allow `helmCharts` in kustomizations (--enable-helm)."),
      })
      .prefault({}),
    helm: z
      .strictObject({
        enabled: z.boolean().default(true),
        kubeVersion: z.string().default("1.33.0"),
        apiVersions: z.array(z.string()).default([]),
      })
      .prefault({}),
    argocd: z
      .strictObject({
        enabled: z.boolean().default(true),
        repoURLs: z
          .array(z.string())
          .default([])
          .describe(
            "URLs that name this repository in Application and " +
              "ApplicationSet sources (any scheme, with or without .git).",
          ),
      })
      .prefault({}),
    flux: z
      .strictObject({
        enabled: z.boolean().default(true),
        gitRepository: z
          .strictObject({
            name: z.string().default("flux-system"),
            namespace: z.string().default("flux-system"),
          })
          .prefault({})
          .describe("The Flux GitRepository that is this repository."),
      })
      .prefault({}),
    plain: z
      .strictObject({
        paths: z
          .array(z.string())
          .default(["**/*.yaml", "**/*.yml"])
          .describe("Globs of plain manifest files."),
        exclude: z
          .array(z.string())
          .default([])
          .describe("Globs never treated as plain manifests."),
      })
      .prefault({}),
    remote: z
      .strictObject({
        allow: z
          .array(z.string())
          .default([])
          .describe(
            "Hosts Helm charts are fetched from (Flux HelmRepository and " +
              "OCIRepository, Argo CD `chart:` sources); `host:port` allows " +
              "that port only, a bare `host` any port. Remote kustomize " +
              "bases and `helmCharts` are not fetched from any host yet.",
          ),
        insecure: z
          .array(z.string())
          .default([])
          .describe(
            "Allowed OCI registries (`host` or `host:port`) reached over " +
              "plain HTTP (`helm pull --plain-http`); never use for a " +
              "registry outside your own network.",
          ),
        maxChartMB: z
          .number()
          .positive()
          .default(20)
          .describe(
            "Cap on each file a chart fetch downloads (index, archive); " +
              "a larger one fails the target.",
          ),
      })
      .prefault({}),
    diff: z
      .strictObject({
        hideChartLabels: z
          .boolean()
          .default(true)
          .describe("Hide `helm.sh/chart` label churn in the rendered diff."),
        maxKB: z
          .number()
          .positive()
          .default(60)
          .describe(
            "Cap on rendered-diff text in the report; the cut is stated.",
          ),
      })
      .prefault({}),
    limits: z
      .strictObject({
        timeoutSeconds: z.number().positive().default(60),
        maxOutputMB: z.number().positive().default(50),
        maxMemoryMB: z.number().positive().default(1024),
        maxFileMB: z
          .number()
          .positive()
          .default(10)
          .describe("YAML files larger than this are reported, not parsed."),
      })
      .prefault({}),
  })
  .prefault({});
