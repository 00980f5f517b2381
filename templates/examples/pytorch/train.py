#!/usr/bin/env python3
"""Trains a small PyTorch MLP classifier on a CSV and exports it the way PyTorch does by default:
one [N, k] float input. mlops feeds that input from named columns because the export records
their order in the model's metadata ("mlops.features"), so serve, predict and evaluate take rows
with named fields like any other model.

Run by the command trainer:
  mlops train --command "python train.py --data data/train.csv --target churned --out model" \
    --outputs model/model.onnx,model/metrics.json --data data/train.csv --out model

--seed fixes the split and the initial weights (pass the same number to `mlops train --seed` so
the lineage records it). Uses CUDA when available.
"""
import argparse
import csv
import json
import os

import onnx
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--data", required=True)
parser.add_argument("--target", required=True)
parser.add_argument("--out", default="model")
parser.add_argument("--epochs", type=int, default=200)
parser.add_argument("--hidden", type=int, default=16)
parser.add_argument("--validation", type=float, default=0.2)
parser.add_argument("--seed", type=int, default=42)
args = parser.parse_args()

seed = args.seed
torch.manual_seed(seed)
device = "cuda" if torch.cuda.is_available() else "cpu"

with open(args.data, newline="") as f:
    rows = list(csv.DictReader(f))
if not rows:
    raise SystemExit(f"{args.data}: no rows")


def numeric(name):
    try:
        [float(r[name]) for r in rows if r[name] != ""]
        return True
    except ValueError:
        return False


features = [c for c in rows[0].keys() if c != args.target and numeric(c)]
classes = sorted({r[args.target] for r in rows})
if len(classes) != 2:
    raise SystemExit(f"{args.target}: this example trains a binary classifier; found classes {classes}")
X = torch.tensor([[float(r[c]) if r[c] != "" else 0.0 for c in features] for r in rows], dtype=torch.float32)
y = torch.tensor([classes.index(r[args.target]) for r in rows], dtype=torch.long)
order = torch.randperm(len(rows), generator=torch.Generator().manual_seed(seed))
n_val = max(1, int(len(rows) * args.validation))
val, train = order[:n_val], order[n_val:]
mean, std = X[train].mean(0), X[train].std(0).clamp_min(1e-6)


class Model(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.net = torch.nn.Sequential(torch.nn.Linear(len(features), args.hidden), torch.nn.ReLU(), torch.nn.Linear(args.hidden, 2))

    def forward(self, x):
        return torch.softmax(self.net((x - self.mean) / self.std), dim=1)


model = Model().to(device)
opt = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = torch.nn.CrossEntropyLoss()
Xd, yd = X.to(device), y.to(device)
for _ in range(args.epochs):
    opt.zero_grad()
    loss = loss_fn(model.net((Xd[train] - model.mean) / model.std), yd[train])
    loss.backward()
    opt.step()
model.eval()
with torch.no_grad():
    p = model(Xd[val])[:, 1].cpu()
accuracy = float(((p >= 0.5).long() == y[val]).float().mean())

os.makedirs(args.out, exist_ok=True)
path = os.path.join(args.out, "model.onnx")
model.cpu()
torch.onnx.export(model, X[:2], path, input_names=["x"], output_names=["probabilities"], dynamic_axes={"x": {0: "N"}, "probabilities": {0: "N"}}, opset_version=13)
# The column order of the [N, k] input, so the model can be fed rows with named fields, and the
# labels of the probability columns.
exported = onnx.load(path)
onnx.helper.set_model_props(exported, {"mlops.features": json.dumps(features), "mlops.classes": json.dumps(classes)})
onnx.save(exported, path)
with open(os.path.join(args.out, "metrics.json"), "w") as f:
    json.dump({"accuracy": accuracy, "validation_rows": n_val}, f)
print(f"trained on {device}: {len(features)} features, validation accuracy {accuracy:.4f}")
