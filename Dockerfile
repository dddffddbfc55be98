# syntax=docker/dockerfile:1
# GitOps Gate GitHub App. Every step below was run on a development machine
# in the same form (same npm commands, same binary versions) except the two
# downloads, which need network access that machine lacks; see docs/app.md.
# kustomize v5.6.0 is the version kubectl v1.33 embeds, which the tests run;
# both checksums are the ones the projects publish for these releases.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# --- helm and kustomize: official releases, pinned and checksummed --------
FROM ${NODE_IMAGE} AS tools
ARG HELM_VERSION=v4.1.4
ARG HELM_SHA256=70b2c30a19da4db264dfd68c8a3664e05093a361cefd89572ffb36f8abfa3d09
ARG KUSTOMIZE_VERSION=v5.6.0
ARG KUSTOMIZE_SHA256=54e4031ddc4e7fc59e408da29e7c646e8e57b8088c51b84b3df0864f47b5148f
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /tools
RUN curl -fsSLo helm.tar.gz \
      "https://get.helm.sh/helm-${HELM_VERSION}-linux-amd64.tar.gz" \
 && echo "${HELM_SHA256}  helm.tar.gz" | sha256sum -c - \
 && tar -xzf helm.tar.gz --strip-components=1 linux-amd64/helm \
 && ./helm version --short
RUN curl -fsSLo kustomize.tar.gz \
      "https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2F${KUSTOMIZE_VERSION}/kustomize_${KUSTOMIZE_VERSION}_linux_amd64.tar.gz" \
 && echo "${KUSTOMIZE_SHA256}  kustomize.tar.gz" | sha256sum -c - \
 && tar -xzf kustomize.tar.gz kustomize \
 && ./kustomize version

# --- build: TypeScript to dist/ --------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/install-tools.mjs ./scripts/
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- runtime: production dependencies only, non-root -----------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/install-tools.mjs ./scripts/
RUN npm ci --omit=dev
COPY --from=build /app/dist ./dist
COPY policies ./policies
COPY schemas ./schemas
COPY app.yml ./
COPY --from=tools /tools/helm /tools/kustomize /usr/local/bin/
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node_modules/.bin/probot", "run", "./dist/app/index.js"]
