"""Data and models shared by the PyTorch peers in bench/: the digits CSV (split as lowcarb's
bench/vs-pytorch does) or IDX files (MNIST, Fashion-MNIST), standardised with the training mean
and deviation."""
import gzip
import os
import struct

import torch
from torch import nn


def idx(path):
    opener = gzip.open if open(path, 'rb').read(2) == b'\x1f\x8b' else open
    with opener(path, 'rb') as f:
        data = f.read()
    magic, count = struct.unpack('>II', data[:8])
    if magic == 0x803:
        rows, cols = struct.unpack('>II', data[8:16])
        return torch.frombuffer(bytearray(data[16:]), dtype=torch.uint8).float().div(255).view(count, 1, rows, cols)
    return torch.frombuffer(bytearray(data[8:]), dtype=torch.uint8).long()


def load(dataset, path, seed=1):
    """Training and test tensors: x, y, xt, yt, standardised."""
    if dataset == 'digits':
        rows = [list(map(float, l.split(','))) for l in gzip.open(path, 'rt')]
        data = torch.tensor(rows)
        x, y = (data[:, :64] / 16).view(-1, 1, 8, 8), data[:, 64].long()
        order = torch.randperm(len(y), generator=torch.Generator().manual_seed(seed))
        test_n = round(len(y) * 0.2)
        xt, yt, x, y = x[order[:test_n]], y[order[:test_n]], x[order[test_n:]], y[order[test_n:]]
    else:
        gz = '.gz' if os.path.exists(f'{path}/train-images-idx3-ubyte.gz') else ''
        x, y = idx(f'{path}/train-images-idx3-ubyte{gz}'), idx(f'{path}/train-labels-idx1-ubyte{gz}')
        xt, yt = idx(f'{path}/t10k-images-idx3-ubyte{gz}'), idx(f'{path}/t10k-labels-idx1-ubyte{gz}')
    mean, std = x.mean(), x.std()
    return (x - mean) / std, y, (xt - mean) / std, yt


def model(name, side):
    """lowcarb's mlp and cnn presets in PyTorch."""
    if name == 'mlp':
        return nn.Sequential(nn.Flatten(), nn.Linear(side * side, 128), nn.ReLU(), nn.Linear(128, 10))
    return nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3, padding=1),
                         nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(64 * (side // 4) ** 2, 128), nn.ReLU(),
                         nn.Linear(128, 10))
