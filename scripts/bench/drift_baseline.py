"""numpy/scipy baseline for scripts/bench/drift.ts: the same per-column tests on raw data.

Numeric columns: ks_2samp (auto: asymptotic at these sizes) and wasserstein_distance normalised
by the reference std (the check `auto` runs above 1,000 rows); categorical columns:
jensenshannon (natural log, as Evidently and the check) on category shares. Prints one JSON line with timings.
"""
import json
import resource
import sys
import time

import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon

ref_file, cur_file = sys.argv[1], sys.argv[2]
with open(ref_file) as f:
    header = f.readline().strip().split(",")
numeric = [i for i, h in enumerate(header) if h[0] in "fi"]
categorical = [i for i, h in enumerate(header) if h[0] == "c"]

cpu0 = time.process_time()
t0 = time.perf_counter()
data = {}
for name, file in (("ref", ref_file), ("cur", cur_file)):
    num = np.loadtxt(file, delimiter=",", skiprows=1, usecols=numeric, dtype=np.float64)
    cat = np.loadtxt(file, delimiter=",", skiprows=1, usecols=categorical, dtype=str)
    data[name] = (num, cat)
read_s = time.perf_counter() - t0

t0 = time.perf_counter()
drifted = []
(rn, rc), (cn, cc) = data["ref"], data["cur"]
for j, i in enumerate(numeric):
    stats.ks_2samp(rn[:, j], cn[:, j])
    w = stats.wasserstein_distance(rn[:, j], cn[:, j]) / np.std(rn[:, j])
    if w >= 0.1:
        drifted.append(header[i])
for j, i in enumerate(categorical):
    levels, ref_counts = np.unique(rc[:, j], return_counts=True)
    cur_levels, cur_counts = np.unique(cc[:, j], return_counts=True)
    union = np.union1d(levels, cur_levels)
    p = np.array([ref_counts[levels == u].sum() for u in union], float)
    q = np.array([cur_counts[cur_levels == u].sum() for u in union], float)
    if jensenshannon(p, q) >= 0.1:
        drifted.append(header[i])
tests_s = time.perf_counter() - t0
cpu_s = time.process_time() - cpu0

peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"read_s": read_s, "tests_s": tests_s, "cpu_s": cpu_s, "peak_rss_mb": peak, "drifted": drifted}))
