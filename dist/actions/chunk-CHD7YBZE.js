import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  createGitHubClient,
  parseRepo,
  secondaryRateLimitWait
} from "./chunk-P3KYZO3W.js";
import "./chunk-OAHVFHKC.js";
import "./chunk-I3FICYBY.js";
import "./chunk-UFMD3KOA.js";
export {
  createGitHubClient,
  parseRepo,
  secondaryRateLimitWait
};
