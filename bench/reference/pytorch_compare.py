"""PyTorch's side of `AstDsl.Bench compare`: the same shapes as bench/, printed as one JSON object on stdout.

Measures, at --threads threads: a 1024^3 matmul in fp32 and bf16 (the FLOP floor), AST inference (the model of
pytorch_ast_bench.py) for the requested (size, batch) pairs, optionally a training step, each in fp32 and, for the
pairs given to --bf16-inference / --bf16-train, under CPU autocast to bfloat16 (PyTorch's own mixed precision), and
torchaudio's Kaldi fbank on 10 s clips with the official AST settings. Every figure has wall-clock and process CPU seconds (CPU time is
the fairer one on a shared machine). Also says which BLAS torch loaded: Debian's torch is built against the generic
libblas.so.3, which is the reference BLAS (~6 GFLOPS) unless libopenblas0-pthread provides it.
Usage: python3 bench/reference/pytorch_compare.py --threads 2 --inference tiny224:1,tiny224:8,base384:1 [--train base384:4]
       [--bf16-inference base384:1] [--bf16-train base384:4]
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_ast_bench import Ast  # noqa: E402  (the one PyTorch statement of the model)

MATMUL_WARMUP_SECONDS = 1.0  # as bench/Compare/OurFigures.cs
SIZES = {"tiny224": (192, 12, 3), "base384": (768, 12, 12)}


def measure(fn, warmup, repeats):
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return {"wall_seconds": statistics.median(wall), "cpu_seconds": statistics.median(cpu)}


def blas_library():
    """The BLAS shared object this process mapped (after a matmul has loaded it)."""
    torch.randn(64, 64) @ torch.randn(64, 64)
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    resolved = sorted({os.path.realpath(p) for p in paths})
    reference = any("/blas/libblas" in p for p in resolved) and not any("openblas" in p or "mkl" in p or "blis" in p for p in resolved)
    return {"libraries": resolved, "reference_blas": reference, "config": torch.__config__.show()}


def matmul(dtype, repeats):
    a, b = torch.randn(1024, 1024).to(dtype), torch.randn(1024, 1024).to(dtype)
    # A second of calls first: after an idle spell the first ten or so run at half speed on this VM.
    start = time.perf_counter()
    while time.perf_counter() - start < MATMUL_WARMUP_SECONDS:
        a @ b
    t = measure(lambda: a @ b, 0, repeats)
    return {"dtype": str(dtype).replace("torch.", ""), **t, "gflops": 2 * 1024 ** 3 / t["wall_seconds"] / 1e9,
            "gflops_per_cpu_second": 2 * 1024 ** 3 / t["cpu_seconds"] / 1e9 if t["cpu_seconds"] > 0 else None}


def pairs(text):
    return [(p.split(":")[0], int(p.split(":")[1])) for p in text.split(",") if p]


def precision(bf16):
    """fp32 as written, or PyTorch's CPU autocast to bfloat16 (weights stay fp32, as in AstDsl's bf16)."""
    return torch.autocast(device_type="cpu", dtype=torch.bfloat16, enabled=bf16)


def cases(fp32_pairs, bf16_pairs):
    return [(name, batch, False) for name, batch in pairs(fp32_pairs)] + [(name, batch, True) for name, batch in pairs(bf16_pairs)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--inference", default="tiny224:1,tiny224:8,base384:1")
    parser.add_argument("--train", default="base384:4")
    parser.add_argument("--bf16-inference", default="")
    parser.add_argument("--bf16-train", default="")
    parser.add_argument("--fbank-clips", type=int, default=8)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_library()}
    out["matmul"] = [matmul(torch.float32, 10), matmul(torch.bfloat16, 10)]
    if out["blas"]["reference_blas"]:
        print(json.dumps(out))
        return
    models = {}
    out["inference"] = []
    for name, batch, bf16 in cases(args.inference, args.bf16_inference):
        model = models.setdefault(name, Ast(*SIZES[name])).eval()
        x = torch.randn(batch, 1024, 128)

        def forward():
            with torch.no_grad(), precision(bf16):
                model(x)

        out["inference"].append({"model": name, "batch": batch, "precision": "bf16" if bf16 else "fp32", **measure(forward, 1, args.repeats)})
    out["train_step"] = []
    for name, batch, bf16 in cases(args.train, args.bf16_train):
        model = models.setdefault(name, Ast(*SIZES[name])).train()
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-5, betas=(0.95, 0.999), weight_decay=5e-7)
        x, y = torch.randn(batch, 1024, 128), torch.rand(batch, 527)

        def step():
            optimizer.zero_grad()
            with precision(bf16):
                loss = nn.functional.binary_cross_entropy_with_logits(model(x), y)
            loss.backward()
            optimizer.step()

        out["train_step"].append({"model": name, "batch": batch, "precision": "bf16" if bf16 else "fp32", **measure(step, 1, args.repeats)})
    try:
        import torchaudio
        from torchaudio_fbank import official_fbank  # noqa: E402  (the one statement of the official call)
        clips = torch.randn(args.fbank_clips, 160000) * 0.1
        out["torchaudio"] = torchaudio.__version__
        out["fbank"] = {"clips": args.fbank_clips, "clip_seconds": 10, **measure(lambda: official_fbank(clips), 2, max(args.repeats, 7))}
    except ImportError:
        out["fbank"] = None
    print(json.dumps(out))


if __name__ == "__main__":
    main()
