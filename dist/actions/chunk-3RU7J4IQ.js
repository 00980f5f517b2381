import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  openRegistryContext
} from "./chunk-VAJS7OGD.js";
import {
  booleanInput,
  choiceInput,
  input,
  optionalInput,
  optionalSecretInput
} from "./chunk-DSG4NIVZ.js";

// src/github/registry-inputs.ts
async function registryFromInputs() {
  return openRegistryContext({
    backend: choiceInput("backend", ["git", "github"], "git"),
    cwd: process.cwd(),
    env: process.env,
    remote: optionalInput("remote"),
    branch: input("branch", "mlops-registry"),
    token: optionalSecretInput("token"),
    tags: booleanInput("tags", false),
    now: () => /* @__PURE__ */ new Date()
  });
}

export {
  registryFromInputs
};
