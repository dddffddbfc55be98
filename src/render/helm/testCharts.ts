/** A small chart used by the Helm, Argo CD and Flux tests. */
export const WEB_CHART: Record<string, string> = {
  "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
  "charts/web/values.yaml":
    'replicas: 1\nimage:\n  repository: nginx\n  tag: "1.25"\n',
  "charts/web/values-prod.yaml": 'replicas: 3\nimage:\n  tag: "1.27"\n',
  "charts/web/templates/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
  labels:
    helm.sh/chart: web-1.0.0
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
        - name: web
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`,
  "charts/web/templates/service.yaml": `apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}-web
spec:
  ports:
    - port: 80
`,
};
