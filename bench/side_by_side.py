#!/usr/bin/env python3
"""Times two commands side by side, interleaved (A, B, A, B, …), so that a shared machine's
drift affects both alike, and prints each one's median and min–max wall time and the ratio.

Usage: side_by_side.py --runs N --warmup W NAME_A 'COMMAND A' NAME_B 'COMMAND B'
Commands run through /bin/sh with their output discarded; a failing command stops the run.
"""
import argparse
import statistics
import subprocess
import sys
import time


def run(command):
    started = time.perf_counter()
    done = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"side_by_side: '{command}' failed ({done.returncode}): {done.stderr.decode(errors='replace').strip()}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("name_a")
    parser.add_argument("command_a")
    parser.add_argument("name_b")
    parser.add_argument("command_b")
    args = parser.parse_args()
    for _ in range(args.warmup):
        run(args.command_a)
        run(args.command_b)
    a, b = [], []
    for _ in range(args.runs):
        a.append(run(args.command_a))
        b.append(run(args.command_b))
    ma, mb = statistics.median(a), statistics.median(b)
    print(f"| {args.name_a} | {ma:.3f} s | {min(a):.3f}–{max(a):.3f} s |")
    print(f"| {args.name_b} | {mb:.3f} s | {min(b):.3f}–{max(b):.3f} s |")
    print(f"| ratio {args.name_b} / {args.name_a} | {mb / ma:.2f}× | {min(b) / max(a):.2f}–{max(b) / min(a):.2f}× |")


if __name__ == "__main__":
    main()
