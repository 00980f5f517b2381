import { createRequire as __mlopsCreateRequire } from 'node:module';
const require = __mlopsCreateRequire(import.meta.url);

// src/util/random.ts
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

export {
  mulberry32
};
