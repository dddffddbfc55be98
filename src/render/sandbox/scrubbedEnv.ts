import { join } from "node:path";

/**
 * The whole environment a child tool gets: a fixed PATH, a fresh HOME and
 * TMPDIR, tool caches inside that HOME, and proxies pointing at a closed
 * local port so that a tool that still tries to reach the network fails fast.
 * Nothing is copied from the gate's own environment, so app credentials,
 * tokens and keys can never reach a child process.
 *
 * @param home - a fresh, empty directory private to this run
 * @param tmp - a fresh temp directory private to this run
 */
export function scrubbedEnv(home: string, tmp: string): NodeJS.ProcessEnv {
  const deadProxy = "http://127.0.0.1:9";
  return {
    ...onlineEnv(home, tmp),
    HTTP_PROXY: deadProxy,
    HTTPS_PROXY: deadProxy,
    http_proxy: deadProxy,
    https_proxy: deadProxy,
    ALL_PROXY: deadProxy,
  };
}

/**
 * {@link scrubbedEnv} without the dead proxies: for the one step that may
 * reach the network (fetching an allowed remote chart). It still holds
 * nothing from the gate's environment, so no credential or token (and no
 * proxy setting) reaches the fetch.
 */
export function onlineEnv(home: string, tmp: string): NodeJS.ProcessEnv {
  return {
    PATH: "/usr/local/bin:/usr/bin:/bin",
    HOME: home,
    TMPDIR: tmp,
    LANG: "C.UTF-8",
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_CACHE_HOME: join(home, ".cache"),
    XDG_DATA_HOME: join(home, ".local", "share"),
    HELM_CONFIG_HOME: join(home, ".config", "helm"),
    HELM_CACHE_HOME: join(home, ".cache", "helm"),
    HELM_DATA_HOME: join(home, ".local", "share", "helm"),
    HELM_PLUGINS: join(home, "no-helm-plugins"),
    KUSTOMIZE_PLUGIN_HOME: join(home, "no-kustomize-plugins"),
    KUBECONFIG: join(home, "no-kubeconfig"),
    GIT_TERMINAL_PROMPT: "0",
    GIT_CONFIG_NOSYSTEM: "1",
  };
}
