"""The peer of `lowcarb compress` in PyTorch, for bench/compress-vs-pytorch: train the same model on
the same data, prune 90 % with torch.nn.utils.prune.global_unstructured (L1) while fine-tuning,
then quantize with torch.ao.quantization.quantize_dynamic (int8 Linear layers). Prints one JSON
line: accuracy, size on disk (torch.save) and inference throughput at batch 64 of each variant."""
import io
import json
import os
import sys
import time

import torch
from torch import nn
from torch.nn.utils import prune

sys.path.insert(0, os.path.dirname(__file__))
dataset, model_name, epochs, fine_tune, ratio, path = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
torch.manual_seed(1)
torch.set_num_threads(int(os.environ.get('TORCH_THREADS', os.cpu_count())))
import data  # noqa: E402  (bench/pytorch/data.py: the same loaders as train.py)

x, y, xt, yt = data.load(dataset, path)
side = x.shape[-1]
model = data.model(model_name, side)


def train(epochs, lr):
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(epochs):
        model.train()
        for i in torch.randperm(len(y)).split(32 if dataset == 'digits' else 64):
            optimiser.zero_grad()
            nn.functional.cross_entropy(model(x[i]), y[i]).backward()
            optimiser.step()


def measure(m):
    m.eval()
    with torch.no_grad():
        accuracy = (m(xt).argmax(1) == yt).float().mean().item()
        buffer = io.BytesIO()
        torch.save(m.state_dict(), buffer)
        done, start = 0, time.perf_counter()
        while time.perf_counter() - start < 3:
            for b in xt.split(64):
                m(b)
            done += len(xt)
        return {'accuracy': accuracy, 'size_bytes': buffer.getbuffer().nbytes,
                'throughput_per_s': done / (time.perf_counter() - start)}


train(epochs, 0.001)
out = {'baseline': measure(model)}
layers = [(m, 'weight') for m in model if isinstance(m, (nn.Linear, nn.Conv2d))]
prune.global_unstructured(layers, pruning_method=prune.L1Unstructured, amount=ratio)
train(fine_tune, 0.001 if dataset != 'digits' else 0.005)
for m, name in layers:
    prune.remove(m, name)
out['pruned'] = measure(model)
out['pruned']['nonzero_weights'] = int(sum((m.weight != 0).sum().item() for m, _ in layers))
quantized = torch.ao.quantization.quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
out['pruned-int8'] = measure(quantized)
print(json.dumps(out))
