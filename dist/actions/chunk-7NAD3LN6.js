import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/registry/store.ts
function markerRef(branch) {
  return `refs/mlops/issued/${branch}`;
}
var COMMITTER = { name: "mlops registry", email: "mlops-registry@users.noreply.github.com" };

export {
  markerRef,
  COMMITTER
};
