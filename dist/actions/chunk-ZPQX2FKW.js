import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  openRegistryContext
} from "./chunk-F2U3ZBUW.js";
import {
  booleanInput,
  choiceInput,
  input,
  optionalInput,
  optionalSecretInput
} from "./chunk-JQVGLAA4.js";

// src/github/registry-inputs.ts
function readRegistrySettings() {
  return {
    backend: choiceInput("backend", ["git", "github"], "git"),
    remote: optionalInput("remote"),
    branch: input("branch", "mlops-registry"),
    token: optionalSecretInput("token"),
    tags: booleanInput("tags", false)
  };
}
async function openRegistryFromSettings(settings) {
  return openRegistryContext({ ...settings, cwd: process.cwd(), env: process.env, now: () => /* @__PURE__ */ new Date() });
}

export {
  readRegistrySettings,
  openRegistryFromSettings
};
