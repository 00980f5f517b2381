import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/profile/type-drift.ts
function describeTypeDrift(c) {
  const d = c.type_drift;
  const cells = d.examples.map((e) => `${e.file} row ${e.row}: ${JSON.stringify(e.value)}`).join("; ");
  const more = d.non_numeric > d.examples.length ? ` and ${d.non_numeric - d.examples.length} more` : "";
  const share = Math.floor(d.numeric_share * 1e3) / 10;
  return `column "${c.name}" is numeric in ${share}% of ${c.count - c.nulls} cells, not in ${d.non_numeric}: ${cells}${more}`;
}
function typeDriftColumns(profile) {
  return profile.columns.filter((c) => c.type_drift !== void 0);
}

export {
  describeTypeDrift,
  typeDriftColumns
};
