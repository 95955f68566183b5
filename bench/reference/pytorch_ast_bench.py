"""Throughput of the AST computation in PyTorch, shaped like the official code, for comparison with bench/.

This is our own re-statement of the official forward pass (timm 0.4.5 DeiT: attention written out as
softmax(q @ k^T * scale) @ v, exact GELU, pre-norm blocks, mean of cls and dist tokens), so that the C#
numbers can be compared against PyTorch on the same machine. Usage:
    python3 bench/reference/pytorch_ast_bench.py [--threads 2] [--out results.json]
Needs torch (Debian: apt-get install python3-torch).
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn as nn


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads, self.scale = heads, (dim // heads) ** -0.5
        self.qkv, self.proj = nn.Linear(dim, dim * 3), nn.Linear(dim, dim)

    def forward(self, x):
        b, n, c = x.shape
        q, k, v = self.qkv(x).reshape(b, n, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4)
        attn = ((q @ k.transpose(-2, -1)) * self.scale).softmax(dim=-1)
        return self.proj((attn @ v).transpose(1, 2).reshape(b, n, c))


class Block(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.norm1, self.attn = nn.LayerNorm(dim, eps=1e-6), Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class Ast(nn.Module):
    def __init__(self, dim, depth, heads, labels=527, frames=1024, bins=128, stride=10):
        super().__init__()
        f, t = (bins - 16) // stride + 1, (frames - 16) // stride + 1
        self.proj = nn.Conv2d(1, dim, 16, stride)
        self.cls, self.dist = nn.Parameter(torch.zeros(1, 1, dim)), nn.Parameter(torch.zeros(1, 1, dim))
        self.pos = nn.Parameter(torch.zeros(1, f * t + 2, dim))
        self.blocks = nn.ModuleList(Block(dim, heads) for _ in range(depth))
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.head = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, labels))

    def forward(self, x):
        x = self.proj(x.unsqueeze(1).transpose(2, 3)).flatten(2).transpose(1, 2)
        b = x.shape[0]
        x = torch.cat((self.cls.expand(b, -1, -1), self.dist.expand(b, -1, -1), x), dim=1) + self.pos
        for blk in self.blocks:
            x = blk(x)
        x = self.norm(x)
        return self.head((x[:, 0] + x[:, 1]) / 2)


def median_seconds(fn, warmup, repeats):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", default=None)
    parser.add_argument("--sizes", default="tiny224,base384")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    results = {"torch": torch.__version__, "threads": args.threads, "inference": [], "train_step": []}
    for name, (dim, depth, heads) in {k: v for k, v in {"tiny224": (192, 12, 3), "base384": (768, 12, 12)}.items() if k in args.sizes.split(",")}.items():
        model = Ast(dim, depth, heads).eval()
        for batch in (1, 8):
            x = torch.randn(batch, 1024, 128)
            with torch.no_grad():
                sec = median_seconds(lambda: model(x), 1, args.repeats if batch == 1 or dim < 768 else 3)
            results["inference"].append({"model": name, "batch": batch, "clips_per_second": batch / sec})
            print(f"{name} batch {batch}: {batch / sec:.2f} clips/s", flush=True)
        model.train()
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-5, betas=(0.95, 0.999), weight_decay=5e-7)
        x, y = torch.randn(4, 1024, 128), torch.rand(4, 527)

        def step():
            optimizer.zero_grad()
            nn.functional.binary_cross_entropy_with_logits(model(x), y).backward()
            optimizer.step()

        sec = median_seconds(step, 1, 3)
        results["train_step"].append({"model": name, "batch": 4, "seconds": sec})
        print(f"{name} train step batch 4: {sec:.3f} s", flush=True)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
