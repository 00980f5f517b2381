import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  openRegistryFromSettings,
  readRegistrySettings
} from "./chunk-ZPQX2FKW.js";
import {
  registerFromFiles,
  versionLabel
} from "./chunk-F2U3ZBUW.js";
import "./chunk-H5C2A4B6.js";
import "./chunk-7NAD3LN6.js";
import "./chunk-MHD452QX.js";
import "./chunk-A7AIN4HT.js";
import "./chunk-WY2OJ7ZN.js";
import {
  input,
  optionalInput,
  runAction,
  writeOutputs
} from "./chunk-JQVGLAA4.js";
import {
  summary
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import "./chunk-5MKGLQLX.js";
import "./chunk-UFMD3KOA.js";

// actions/register/main.ts
function readRegisterSettings() {
  return {
    registry: readRegistrySettings(),
    version: {
      name: input("name"),
      model: input("model"),
      lineage: optionalInput("lineage"),
      metrics: optionalInput("metrics"),
      params: optionalInput("params"),
      profile: optionalInput("profile"),
      stage: optionalInput("stage"),
      reason: optionalInput("reason"),
      description: optionalInput("description"),
      features: optionalInput("features")
    }
  };
}
await runAction(
  async () => {
    const settings = readRegisterSettings();
    const ctx = await openRegistryFromSettings(settings.registry);
    try {
      const done = await registerFromFiles(ctx, settings.version, { cwd: process.cwd(), env: process.env });
      const r = done.result;
      const version = versionLabel(r.version);
      writeOutputs({ version, "commit-sha": done.commit });
      await summary.addHeading(`Registered ${r.name} ${version}`, 3).addTable([
        [
          { data: "model", header: true },
          { data: "version", header: true },
          { data: "stage", header: true },
          { data: "sha256", header: true },
          { data: "registry commit", header: true }
        ],
        [r.name, version, r.stage ?? "", r.sha256.slice(0, 12), done.commit.slice(0, 12)]
      ]).addRaw(`
Show it with \`mlops registry show ${r.name}@${version}\`.
`).write();
    } finally {
      await ctx.store.close();
    }
  },
  { withoutInputs: ["model-url", "repo"] }
);
