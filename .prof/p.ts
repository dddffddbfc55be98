import { compile } from "../src/rego/index.js";
import { policyPack, resources } from "../bench/regoPack.js";
const rs = resources(1000);
const pack = policyPack(40);
const three = [pack[0]!, pack[2]!, pack[3]!, pack[4]!];
const q = compile(three).prepare("v := {m | some p; m := data.k8s[p].deny[_]}");
let t = performance.now();
for (let k = 0; k < 40; k++) for (const r of rs) q.eval({ input: r });
console.log("per 1000:", (performance.now() - t) / 40);
