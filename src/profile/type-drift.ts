import type { ColumnProfile, Profile } from './schema.ts';

/**
 * One line naming a type-drifted column and its offending cells (file, row, value), e.g.
 * `column "age" is numeric in 99.9% of 800 cells, not in 1: data/train.csv row 17: "forty"`.
 */
export function describeTypeDrift(c: ColumnProfile): string {
  const d = c.type_drift!;
  const cells = d.examples.map((e) => `${e.file} row ${e.row}: ${JSON.stringify(e.value)}`).join('; ');
  const more = d.non_numeric > d.examples.length ? ` and ${d.non_numeric - d.examples.length} more` : '';
  const share = Math.floor(d.numeric_share * 1000) / 10;
  return `column "${c.name}" is numeric in ${share}% of ${c.count - c.nulls} cells, not in ${d.non_numeric}: ${cells}${more}`;
}

export function typeDriftColumns(profile: Profile): ColumnProfile[] {
  return profile.columns.filter((c) => c.type_drift !== undefined);
}
