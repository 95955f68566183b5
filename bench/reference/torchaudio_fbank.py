"""torchaudio's side of `AstDsl.Bench fbank --torchaudio on`: the official AST fbank call on 10 s, 16 kHz clips, one
call per clip as the official dataloader makes it; every timed run printed as one JSON object on stdout (plus the BLAS
check that `bench` requires of every PyTorch figure).
Usage: python3 bench/reference/torchaudio_fbank.py --threads 2 --clips 8 --repeats 3
"""
import argparse
import json
import os
import sys
import time

import torch


def official_fbank(clips):
    """torchaudio.compliance.kaldi.fbank of each row of clips with the official AST settings."""
    import torchaudio
    for i in range(clips.shape[0]):
        torchaudio.compliance.kaldi.fbank(clips[i:i + 1], htk_compat=True, sample_frequency=16000, use_energy=False,
                                          window_type="hanning", num_mel_bins=128, dither=0.0, frame_shift=10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--clips", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    import torchaudio
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from pytorch_compare import blas_library  # noqa: E402  (one definition of the BLAS check)
    torch.set_num_threads(args.threads)
    clips = torch.randn(args.clips, 160000) * 0.1
    for _ in range(args.warmup):
        official_fbank(clips)
    runs = []
    for _ in range(args.repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        official_fbank(clips)
        runs.append({"wall_seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu})
    print(json.dumps({"torch": torch.__version__, "torchaudio": torchaudio.__version__, "threads": torch.get_num_threads(),
                      "blas": blas_library(), "runs": runs}))


if __name__ == "__main__":
    main()
