import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  registryFromInputs
} from "./chunk-3RU7J4IQ.js";
import {
  registerFromFiles,
  versionLabel
} from "./chunk-VAJS7OGD.js";
import "./chunk-3YEWR3YU.js";
import "./chunk-LURG2SKJ.js";
import "./chunk-7NAD3LN6.js";
import "./chunk-MHD452QX.js";
import "./chunk-ESN2JISM.js";
import "./chunk-FSEDJN55.js";
import {
  input,
  optionalInput,
  runAction
} from "./chunk-DSG4NIVZ.js";
import {
  setOutput,
  summary
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import "./chunk-C6QX2IVX.js";
import "./chunk-UFMD3KOA.js";

// actions/register/main.ts
await runAction(async () => {
  const env = process.env;
  const ctx = await registryFromInputs();
  try {
    const done = await registerFromFiles(
      ctx,
      {
        name: input("name"),
        model: input("model"),
        lineage: optionalInput("lineage"),
        metrics: optionalInput("metrics"),
        params: optionalInput("params"),
        profile: optionalInput("profile"),
        stage: optionalInput("stage"),
        reason: optionalInput("reason"),
        description: optionalInput("description")
      },
      { cwd: process.cwd(), env }
    );
    const r = done.result;
    const version = versionLabel(r.version);
    setOutput("version", version);
    setOutput("commit-sha", done.commit);
    await summary.addHeading(`Registered ${r.name} ${version}`, 3).addTable([
      [{ data: "model", header: true }, { data: "version", header: true }, { data: "stage", header: true }, { data: "sha256", header: true }, { data: "registry commit", header: true }],
      [r.name, version, r.stage ?? "", r.sha256.slice(0, 12), done.commit.slice(0, 12)]
    ]).addRaw(`
Show it with \`mlops registry show ${r.name}@${version}\`.
`).write();
  } finally {
    await ctx.store.close();
  }
});
