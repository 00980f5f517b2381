"""numpy/scipy baseline for scripts/bench/drift-exact.ts: the exact per-column tests on raw values.

Regenerates the benchmark's columns with the same generator (mulberry32 + Irwin–Hall / product
shapes, exactly as test/fixtures/drift-exact/make.py), so both sides test the same doubles, and
times scipy.stats.ks_2samp (method auto: asymptotic at these sizes), wasserstein_distance and
np.std per column. Generation is not timed. Prints one JSON line.
  python3 scripts/bench/drift_exact_baseline.py ROWS COLUMNS
"""
import json
import sys
import time

import numpy as np
from scipy import stats


def mulberry32(seed, count):
    a = (np.uint64(seed) + np.arange(1, count + 1, dtype=np.uint64) * np.uint64(0x6D2B79F5)) % np.uint64(2**32)
    t = a.astype(np.uint32)
    with np.errstate(over="ignore"):
        t = (t ^ (t >> np.uint32(15))) * (t | np.uint32(1))
        t = t ^ (t + (t ^ (t >> np.uint32(7))) * (t | np.uint32(61)))
        t = t ^ (t >> np.uint32(14))
    return t.astype(np.float64) / 4294967296.0


def column(seed, n, j, shift):
    if j % 3 == 0:
        return mulberry32(seed, 12 * n).reshape(n, 12).sum(axis=1) - 6 + shift
    if j % 3 == 1:
        u = mulberry32(seed, 2 * n).reshape(n, 2)
        return 10 * u[:, 0] * u[:, 1] * (1 + shift)
    return np.floor(mulberry32(seed, n) * 20)


rows, columns = int(sys.argv[1]), int(sys.argv[2])
tests_s = 0.0
checksum = 0.0
for j in range(columns):
    a = column(1000 + 2 * j, rows, j, 0.0)
    b = column(1001 + 2 * j, rows, j, 0.01 if j % 5 == 0 else 0.0)
    t0 = time.perf_counter()
    ks = stats.ks_2samp(a, b)
    w = stats.wasserstein_distance(a, b) / np.std(a)
    tests_s += time.perf_counter() - t0
    checksum += ks.statistic + ks.pvalue + w
print(json.dumps({"tests_s": tests_s, "checksum": checksum}))
