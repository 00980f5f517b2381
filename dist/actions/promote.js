import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  registryFromInputs
} from "./chunk-3RU7J4IQ.js";
import {
  parseVersion,
  promote,
  rollback,
  versionLabel
} from "./chunk-VAJS7OGD.js";
import "./chunk-3YEWR3YU.js";
import "./chunk-LURG2SKJ.js";
import "./chunk-7NAD3LN6.js";
import "./chunk-MHD452QX.js";
import "./chunk-ESN2JISM.js";
import "./chunk-FSEDJN55.js";
import {
  booleanInput,
  input,
  optionalInput,
  runAction
} from "./chunk-DSG4NIVZ.js";
import {
  setOutput,
  summary
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import {
  MlopsError
} from "./chunk-C6QX2IVX.js";
import "./chunk-UFMD3KOA.js";

// actions/promote/main.ts
await runAction(async () => {
  const ctx = await registryFromInputs();
  try {
    const name = input("name");
    const stage = input("stage", "production");
    const reason = optionalInput("reason");
    const isRollback = booleanInput("rollback", false);
    const versionText = optionalInput("version");
    if (!isRollback && versionText === void 0) throw new MlopsError('input "version" is required to promote (or set rollback: true)');
    const done = isRollback ? await rollback(ctx, name, stage, reason) : await promote(ctx, { name, version: parseVersion(versionText) }, stage, reason);
    const r = done.result;
    setOutput("version", versionLabel(r.version));
    setOutput("previous-version", r.previous ? versionLabel(r.previous) : "");
    setOutput("commit-sha", done.commit);
    const verb = isRollback ? "Rolled back" : "Promoted";
    await summary.addHeading(`${verb} ${r.name} ${r.stage}: ${r.previous ? versionLabel(r.previous) : "none"} \u2192 ${versionLabel(r.version)}`, 3).addRaw(`${reason ? `Reason: ${reason}

` : ""}Registry commit \`${done.commit.slice(0, 12)}\` by ${ctx.actor}.
`).write();
  } finally {
    await ctx.store.close();
  }
});
