// The entry Probot loads (`probot run ./dist/app/index.js`): wiring only.
import { createApp } from "./createApp.js";
import { productionDeps } from "./productionDeps.js";

export default createApp(productionDeps());
