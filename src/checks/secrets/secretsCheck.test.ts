import { describe, expect, it } from "vitest";
import { b64, fakeSecrets } from "./testing/fakeSecrets.js";
import { runSecrets, summary } from "./testing/runSecrets.js";

const s = fakeSecrets();
const indent = (text: string, n: number) =>
  text
    .trimEnd()
    .split("\n")
    .map((l) => " ".repeat(n) + l)
    .join("\n");

const secret = (data: string) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\n${data}\n`;

interface Case {
  name: string;
  files: Record<string, string>;
  /** `ruleId path:line`, sorted. */
  want: string[];
}

const positives: Case[] = [
  {
    name: "AWS secret key base64-encoded in Secret data",
    files: {
      "s.yaml": secret(`data:\n  aws_secret_access_key: ${b64(s.awsSecret)}`),
    },
    want: ["aws:AWSSecretAccessKey s.yaml:7"],
  },
  {
    name: "AWS access key id in stringData",
    files: { "s.yaml": secret(`stringData:\n  id: ${s.awsKeyId}`) },
    want: ["aws:AWSAccessKeyID s.yaml:7"],
  },
  {
    name: "GitHub token in a prod values file",
    files: {
      "apps/web/values-prod.yaml": `replicas: 3\ngit:\n  token: ${s.githubToken}\n`,
    },
    want: ["github:GITHUB_TOKEN apps/web/values-prod.yaml:3"],
  },
  {
    name: "Slack token in a .env file",
    files: { "config/.env": `LOG=debug\nSLACK=${s.slackToken}\n` },
    want: ["slack:SLACK_TOKEN config/.env:2"],
  },
  {
    name: "RSA-sized private key block in stringData",
    files: {
      "s.yaml": secret(`stringData:\n  key.pem: |\n${indent(s.privateKey, 4)}`),
    },
    want: ["pattern:private key s.yaml:8"],
  },
  {
    name: "private key base64-encoded in data",
    files: { "s.yaml": secret(`data:\n  tls.key: ${b64(s.privateKey)}`) },
    want: ["pattern:private key s.yaml:7"],
  },
  {
    name: "GitLab token in a ConfigMap",
    files: {
      "cm.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  GL: ${s.gitlabToken}\n`,
    },
    want: ["pattern:GitLab token cm.yaml:6"],
  },
  {
    name: "credential-shaped key in a ConfigMap and in its properties",
    files: {
      "cm.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  DB_PASSWORD: ${s.password}\n  app.properties: |\n    db.user=app\n    db.password=${s.password}2\n`,
    },
    want: ["gg:credential-value cm.yaml:6", "gg:credential-value cm.yaml:9"],
  },
  {
    name: "password in Secret data (base64) and in a secretGenerator literal",
    files: {
      "s.yaml": secret(`data:\n  password: ${b64(s.password)}`),
      "k/kustomization.yaml": `secretGenerator:\n- name: db\n  literals:\n  - DB_PASSWORD=${s.password}9\n`,
    },
    want: [
      "gg:credential-value k/kustomization.yaml:4",
      "gg:credential-value s.yaml:7",
    ],
  },
  {
    name: "secretGenerator env file with an unusual name",
    files: {
      "k/kustomization.yaml": `secretGenerator:\n- name: db\n  envs:\n  - db.txt\n`,
      "k/db.txt": `USER=app\nAPI_KEY=${s.password}\n`,
    },
    want: ["gg:credential-value k/db.txt:2"],
  },
  {
    name: "secretGenerator files: whole-file values and config files",
    files: {
      "k/kustomization.yaml": `secretGenerator:\n- name: db\n  files:\n  - password.txt\n  - api-token=secrets/tok\n  - app.properties\n  - ca.crt\n`,
      "k/password.txt": `${s.password}\n`,
      "k/secrets/tok": s.password + "t",
      "k/app.properties": `db.user=app\ndb.password=${s.password}p\n`,
      "k/ca.crt": "not a secret, a certificate\n",
    },
    want: [
      "gg:credential-value k/app.properties:2",
      "gg:credential-value k/password.txt:1",
      "gg:credential-value k/secrets/tok:1",
    ],
  },
  {
    name: "configMapGenerator env files and .properties files",
    files: {
      "k/kustomization.yaml": `configMapGenerator:\n- name: app\n  envs:\n  - app.vars\n`,
      "k/app.vars": `LOG=debug\nSMTP_PASSWORD=${s.password}s\n`,
      "app/application.properties": `spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password=${s.password}j\n`,
    },
    want: [
      "gg:credential-value app/application.properties:2",
      "gg:credential-value k/app.vars:2",
    ],
  },
  {
    name: "registry password in .dockerconfigjson",
    files: {
      "s.yaml": secret(
        `data:\n  .dockerconfigjson: ${b64(JSON.stringify({ auths: { "ghcr.io": { auth: b64(`bot:${s.password}`) } } }))}`,
      ),
    },
    want: ["gg:docker-registry-auth s.yaml:7"],
  },
  {
    name: "Secret in the third document of a stream",
    files: {
      "all.yaml": `kind: Service\nmetadata:\n  name: a\n---\nkind: Deployment\nmetadata:\n  name: b\n--- # secrets\n${secret(`data:\n  aws_secret_access_key: ${b64(s.awsSecret)}`)}`,
    },
    want: ["aws:AWSSecretAccessKey all.yaml:15"],
  },
  {
    name: "Secret in a kubectl List dump",
    files: {
      "dump.yaml": `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: db\n    data:\n      aws_secret_access_key: ${b64(s.awsSecret)}\n`,
    },
    want: ["aws:AWSSecretAccessKey dump.yaml:9"],
  },
  {
    name: "a token in a YAML key name",
    files: { "x.yaml": `annotations:\n  ${s.githubToken}: "1"\n` },
    want: ["github:GITHUB_TOKEN x.yaml:2"],
  },
  {
    name: "multi-line stringData: properties, YAML and JSON config",
    files: {
      "s.yaml": secret(
        `stringData:\n  app.properties: |\n    db.user=app\n    db.password=${s.password}1\n  config.yaml: |\n    db:\n      password: ${s.password}2\n  config.json: '{"user": "a", "apiKey": "${s.password}3"}'`,
      ),
    },
    want: [
      "gg:credential-value s.yaml:9",
      "gg:credential-value s.yaml:12",
      "gg:credential-value s.yaml:13",
    ],
  },
  {
    name: "Flux HelmRelease values and postBuild substitute",
    files: {
      "hr.yaml": `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: db\nspec:\n  values:\n    auth:\n      adminPassword: ${s.password}\n---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nspec:\n  postBuild:\n    substitute:\n      DB_TOKEN: ${s.password}t\n`,
    },
    want: ["gg:credential-value hr.yaml:17", "gg:credential-value hr.yaml:8"],
  },
  {
    name: "Argo CD Application helm values, valuesObject and parameters",
    files: {
      "app.yaml": `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: db\nspec:\n  source:\n    helm:\n      values: |\n        auth:\n          password: ${s.password}\n      valuesObject:\n        redis:\n          password: ${s.password}o\n      parameters:\n        - name: auth.rootPassword\n          value: ${s.password}p\n        - name: auth.existingSecret\n          value: db-credentials\n`,
    },
    want: [
      "gg:credential-value app.yaml:10",
      "gg:credential-value app.yaml:13",
      "gg:credential-value app.yaml:16",
    ],
  },
  {
    name: "a literal password in a container's env",
    files: {
      "d.yaml": `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          env:\n            - name: POSTGRES_PASSWORD\n              value: ${s.password}\n            - name: API_TOKEN\n              valueFrom:\n                secretKeyRef: { name: api, key: token }\n            - name: TOKEN_PATH\n              value: /var/run/secrets/token\n`,
    },
    want: ["gg:credential-value d.yaml:12"],
  },
  {
    name: "a Secret written as JSON, and a quoted-key YAML Secret",
    files: {
      "s.json": JSON.stringify(
        {
          apiVersion: "v1",
          kind: "Secret",
          metadata: { name: "db" },
          data: { aws_secret_access_key: b64(s.awsSecret) },
        },
        null,
        2,
      ),
      "q.yaml": `"apiVersion": "v1"\n"kind": "Secret"\n"metadata": {"name": "q"}\n"data":\n  "password": "${b64(s.password)}"\n`,
    },
    want: ["aws:AWSSecretAccessKey s.json:8", "gg:credential-value q.yaml:5"],
  },
  {
    name: "values files of any name (Argo CD valueFiles) and plain config",
    files: {
      "apps/web/env/prod.yaml": `db:\n  password: ${s.password}\n`,
      "compose.yaml": `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${s.password}c\n`,
    },
    want: [
      "gg:credential-value apps/web/env/prod.yaml:2",
      "gg:credential-value compose.yaml:4",
    ],
  },
];

const negatives: Case[] = [
  {
    name: "ExternalSecret",
    files: {
      "es.yaml": `apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: db\nspec:\n  secretStoreRef: {name: vault, kind: ClusterSecretStore}\n  data:\n  - secretKey: password\n    remoteRef: {key: prod/db, property: password}\n`,
    },
    want: [],
  },
  {
    name: "SealedSecret",
    files: {
      "ss.yaml": `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq${"A".repeat(300)}\n    token: AgCtr8OJSWK+PiTy${b64(s.password).repeat(8)}\n`,
    },
    want: [],
  },
  {
    name: "sops-encrypted Secret",
    files: {
      "s.enc.yaml": secret(
        `data:\n  password: ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]\nsops:\n  age:\n  - recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n    enc: |\n      -----BEGIN AGE ENCRYPTED FILE-----\n      YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBLd2Jw\n      -----END AGE ENCRYPTED FILE-----\n  lastmodified: "2026-01-01T00:00:00Z"\n  mac: ENC[AES256_GCM,data:abc=,iv:d=,tag:e=,type:str]\n  encrypted_regex: ^(data|stringData)$\n  version: 3.9.0`,
      ),
    },
    want: [],
  },
  {
    name: "argocd-vault-plugin placeholders and obvious placeholders",
    files: {
      "s.yaml": secret(
        `stringData:\n  password: <path:secret/data/db#password>\n  token: \${TOKEN}\n  api_key: changeme\n  secret: xxxxxxxx\n  client_secret: "{{ .Values.secret }}"`,
      ),
      "values.yaml": `auth:\n  password: REPLACE_ME\n  existingSecret: db-credentials\n  passwordKey: password\n`,
      ".env": `DB_PASSWORD=\nAPI_TOKEN=<your-token>\n`,
    },
    want: [],
  },
  {
    name: "Argo CD argocd-cm references to argocd-secret ($key, $secret:key)",
    files: {
      "cm.yaml": `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\ndata:\n  oidc.config: |\n    clientID: argo\n    clientSecret: $oidc.okta.clientSecret\n  dex.config: |\n    connectors:\n      - config:\n          clientSecret: $dex-github:clientSecret\n`,
    },
    want: [],
  },
  {
    name: "config files with references and flags only",
    files: {
      ".github/workflows/ci.yml": `jobs:\n  push:\n    steps:\n      - with:\n          password: \${{ secrets.REGISTRY_PASSWORD }}\n`,
      "charts/web/Chart.yaml": `apiVersion: v2\nname: web\nversion: 1.0.0\n`,
      "config.json": `{\n  "tokenTTL": "24h",\n  "apiKey": "",\n  "secretEnabled": true,\n  "password": false\n}\n`,
    },
    want: [],
  },
  {
    name: "AWS documentation example keys",
    files: {
      "docs.yaml": `id: AKIAIOSFODNN7EXAMPLE\naws_secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`,
    },
    want: [],
  },
  {
    name: "public certificate in a Secret",
    files: {
      "s.yaml": secret(
        `data:\n  ca.crt: ${b64("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")}`,
      ),
    },
    want: [],
  },
];

describe("secretsCheck on a whole tree", () => {
  it.each([...positives, ...negatives])("$name", async ({ files, want }) => {
    const findings = await runSecrets({ head: files });
    expect(summary(findings)).toEqual([...want].sort());
  });

  it.each(positives)("never shows the value: $name", async ({ files }) => {
    const findings = await runSecrets({ head: files });
    const out = JSON.stringify(findings);
    for (const value of Object.values(s)) {
      expect(out).not.toContain(value);
      expect(out).not.toContain(b64(value));
      expect(out).not.toContain(value.slice(5, 17));
    }
  });
});
