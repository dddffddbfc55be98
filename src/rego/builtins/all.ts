import "./operators.js";
import "./aggregates.js";
