"""The peer of `lowcarb train` in PyTorch, for bench/vs-pytorch: the same data files, model,
optimiser, batch size, epochs and input standardisation. Prints one JSON line with the training
throughput and the test accuracy."""
import json
import os
import sys
import time

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(__file__))
import data  # noqa: E402  (the loaders shared with compress.py)

dataset, model_name, epochs, batch, lr, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
torch.manual_seed(seed)
# Debian's build starts with one intra-op thread; give it every CPU, as DJL's engine has.
torch.set_num_threads(int(os.environ.get('TORCH_THREADS', os.cpu_count())))


x, y, xt, yt = data.load(dataset, sys.argv[7], seed)
x, y = x[: len(y) - len(y) // 10], y[: len(y) - len(y) // 10]  # lowcarb holds out 10 % for validation
side = x.shape[-1]
model = data.model(model_name, side)
optimiser = torch.optim.Adam(model.parameters(), lr=lr)
loss_fn = nn.CrossEntropyLoss()
start = time.perf_counter()
for epoch in range(epochs):
    model.train()
    for i in torch.randperm(len(y)).split(batch):
        optimiser.zero_grad()
        loss = loss_fn(model(x[i]), y[i])
        loss.backward()
        optimiser.step()
seconds = time.perf_counter() - start
model.eval()
with torch.no_grad():
    accuracy = (model(xt).argmax(1) == yt).float().mean().item()
print(json.dumps({'samples_per_s': len(y) * epochs / seconds, 'accuracy': accuracy, 'threads': torch.get_num_threads()}))
