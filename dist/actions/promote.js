import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  openRegistryFromSettings,
  readRegistrySettings
} from "./chunk-ZPQX2FKW.js";
import {
  parseVersion,
  promote,
  rollback,
  versionLabel
} from "./chunk-F2U3ZBUW.js";
import "./chunk-H5C2A4B6.js";
import "./chunk-7NAD3LN6.js";
import "./chunk-MHD452QX.js";
import "./chunk-A7AIN4HT.js";
import "./chunk-WY2OJ7ZN.js";
import {
  booleanInput,
  input,
  optionalInput,
  runAction,
  writeOutputs
} from "./chunk-JQVGLAA4.js";
import {
  summary
} from "./chunk-3WIH4RIN.js";
import "./chunk-I3FICYBY.js";
import {
  MlopsError
} from "./chunk-5MKGLQLX.js";
import "./chunk-UFMD3KOA.js";

// actions/promote/main.ts
function readPromoteSettings() {
  const isRollback = booleanInput("rollback", false);
  const versionText = optionalInput("version");
  if (!isRollback && versionText === void 0) throw new MlopsError('input "version" is required to promote (or set rollback: true)');
  return {
    registry: readRegistrySettings(),
    name: input("name"),
    stage: input("stage", "production"),
    reason: optionalInput("reason"),
    isRollback,
    version: isRollback ? void 0 : parseVersion(versionText)
  };
}
await runAction(
  async () => {
    const { registry, name, stage, reason, isRollback, version } = readPromoteSettings();
    const ctx = await openRegistryFromSettings(registry);
    try {
      const done = version === void 0 ? await rollback(ctx, name, stage, reason) : await promote(ctx, { name, version }, stage, reason);
      const r = done.result;
      writeOutputs({ version: versionLabel(r.version), "previous-version": r.previous ? versionLabel(r.previous) : "", "commit-sha": done.commit });
      const verb = isRollback ? "Rolled back" : "Promoted";
      await summary.addHeading(`${verb} ${r.name} ${r.stage}: ${r.previous ? versionLabel(r.previous) : "none"} \u2192 ${versionLabel(r.version)}`, 3).addRaw(`${reason ? `Reason: ${reason}

` : ""}Registry commit \`${done.commit.slice(0, 12)}\` by ${ctx.actor}.
`).write();
    } finally {
      await ctx.store.close();
    }
  },
  { withoutInputs: ["repo"] }
);
