import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);
import {
  createGitHubClient,
  parseRepo,
  secondaryRateLimitWait
} from "./cli-chunk-S7FHVWFQ.js";
import "./cli-chunk-SRRUYVY4.js";
import "./cli-chunk-3D3HMA2K.js";
export {
  createGitHubClient,
  parseRepo,
  secondaryRateLimitWait
};
