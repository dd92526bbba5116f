"""The peer of `lowcarb compress` in PyTorch, for bench/compress-vs-pytorch: train the same model on
the same data, prune 90 % with torch.nn.utils.prune.global_unstructured (L1) while fine-tuning,
then quantize with torch.ao.quantization.quantize_dynamic. Prints one JSON line: for each variant its
accuracy, size on disk (torch.save of the state_dict) and inference throughput at batch 64; for the
pruned model also its weights stored sparse (to_sparse(), COO), with int8 values as lowcarb's sparse
file has them and with fp32 values; and which layers dynamic quantization covered (Linear only: a
CNN's convolutions stay fp32)."""
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


def saved_bytes(state):
    buffer = io.BytesIO()
    torch.save(state, buffer)
    return buffer.getbuffer().nbytes


def measure(m):
    m.eval()
    with torch.no_grad():
        accuracy = (m(xt).argmax(1) == yt).float().mean().item()
        done, start = 0, time.perf_counter()
        while time.perf_counter() - start < 3:
            for b in xt.split(64):
                m(b)
            done += len(xt)
        return {'accuracy': accuracy, 'size_bytes': saved_bytes(m.state_dict()),
                'throughput_per_s': done / (time.perf_counter() - start)}


def int8_sparse(w):
    """w's non-zeros as int8 with one symmetric scale (max |w| / 127), as lowcarb's sparse file keeps
    them; a non-zero that would round to 0 keeps its sign, so the pattern of zeros survives."""
    scale = w.abs().max().clamp(min=1e-12) / 127
    q = (w / scale).round().clamp(-127, 127)
    q = torch.where((q == 0) & (w != 0), w.sign(), q).to(torch.int8)
    return q.to_sparse(), scale


def sparse_state(m, prunable, int8):
    """The state_dict with the prunable weights stored sparse (COO: int64 indices and the values)."""
    state = {}
    for name, t in m.state_dict().items():
        if name in prunable:
            if int8:
                state[name], state[name + '.scale'] = int8_sparse(t)
            else:
                state[name] = t.to_sparse()
        else:
            state[name] = t
    return state


out = {'runtime': f"PyTorch {torch.__version__} eager, {torch.get_num_threads()} threads, "
                  f"quantized engine {torch.backends.quantized.engine}"}
train(epochs, 0.001)
out['baseline'] = measure(model)
layers = [(m, 'weight') for m in model if isinstance(m, (nn.Linear, nn.Conv2d))]
prune.global_unstructured(layers, pruning_method=prune.L1Unstructured, amount=ratio)
train(fine_tune, 0.001 if dataset != 'digits' else 0.005)
for m, name in layers:
    prune.remove(m, name)
out['pruned'] = measure(model)
out['pruned']['nonzero_weights'] = int(sum((m.weight != 0).sum().item() for m, _ in layers))
prunable = {f'{i}.weight' for i, m in enumerate(model) if isinstance(m, (nn.Linear, nn.Conv2d))}
out['pruned-sparse'] = {'size_bytes': saved_bytes(sparse_state(model, prunable, True)),
                        'fp32_size_bytes': saved_bytes(sparse_state(model, prunable, False))}
quantized = torch.ao.quantization.quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
out['pruned-int8'] = measure(quantized)
out['pruned-int8']['int8_layers'] = [type(m).__name__ for m in model if isinstance(m, nn.Linear)]
out['pruned-int8']['fp32_layers'] = [type(m).__name__ for m in model if isinstance(m, nn.Conv2d)]
print(json.dumps(out))
