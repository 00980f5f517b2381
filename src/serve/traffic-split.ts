import { createHash } from 'node:crypto';

/**
 * Where a request id falls in [0, 100): the first 32 bits of its SHA-256, scaled. A hash, not a
 * random draw, so a retried request (same x-request-id) goes to the same model and a replay of
 * logged ids reproduces the split exactly.
 */
export function trafficBucket(requestId: string): number {
  return (createHash('sha256').update(requestId).digest().readUInt32BE(0) / 2 ** 32) * 100;
}

/** Whether a request goes to the canary when `percent` (0..100) of the traffic does. */
export function routesToCanary(requestId: string, percent: number): boolean {
  return percent > 0 && trafficBucket(requestId) < percent;
}
