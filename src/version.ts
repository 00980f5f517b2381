/** This release, as `mlops --version` prints it and lineage records it; `npm version` rewrites it (scripts/sync-version.mjs). */
export const VERSION = '0.1.0';
