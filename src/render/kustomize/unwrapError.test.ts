import { expect, it } from "vitest";
import { unwrapKustomizeError } from "./unwrapError.js";

const WRAP =
  "error: accumulating resources: accumulation err='accumulating " +
  "resources from '../k/overlay': 'k/overlay' must resolve to a file': ";

it.each([
  [`${WRAP}recursed accumulation of path 'k/overlay': no matches`],
  [`${WRAP}couldn't make target for path 'k/overlay': no matches`],
])("cuts the wrapper's own level from %s", (message) => {
  expect(unwrapKustomizeError(message)).toBe("error: no matches");
});
