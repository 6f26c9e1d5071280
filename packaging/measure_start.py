"""Measure a chairdesk's start to a shown window, cold and warm, and the size of a bundle folder.

    python packaging/measure_start.py dist/chairdesk/chairdesk [--runs 5]
    python packaging/measure_start.py .venv/bin/chairdesk

Cold: before each run, the program's folder (the bundle) is dropped from the page cache (posix_fadvise
DONTNEED on every file; no root needed), so its files are read from disk again, as at the first start after a
reboot; the system's own libraries stay cached. Warm: run again at once. Each run starts `PROGRAM --sample`
offscreen (unless QT_QPA_PLATFORM or DISPLAY is set) with CHAIRDESK_EXIT_WHEN_SHOWN=1, in a fresh settings
folder, and the time is the wall time from starting the process to its "window shown" line.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def evict(folder: Path) -> int:
    """Drop every file under folder from the page cache; the number of bytes it held."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as handle:
                os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            total += path.stat().st_size
    return total


def start_once(program: Path) -> float:
    """Seconds from starting the program to its window-shown line."""
    with tempfile.TemporaryDirectory(prefix="chairdesk-measure-") as home:
        env = {**os.environ, "CHAIRDESK_EXIT_WHEN_SHOWN": "1"}
        env.update(CHAIRDESK_CONFIG_DIR=f"{home}/config", CHAIRDESK_DATA_DIR=f"{home}/data")
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        start = time.monotonic()
        process = subprocess.Popen(
            [str(program), "--sample"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        for line in process.stdout:  # type: ignore[union-attr]
            if line.startswith("chairdesk: window shown"):
                elapsed = time.monotonic() - start
                break
        else:
            raise SystemExit(f"{program} never showed its window (exit {process.wait()})")
        process.wait(timeout=60)
        return elapsed


def main(argv: list[str]) -> int:
    """Print the folder's size, then the median cold and warm start to a shown window."""
    parser = argparse.ArgumentParser(description="Measure chairdesk's start to a shown window.")
    parser.add_argument("program", type=Path, help="dist/chairdesk/chairdesk, or .venv/bin/chairdesk")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    program = args.program.absolute()
    folder = program.parent
    if (folder / "_internal").is_dir():
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
        print(
            f"bundle folder {folder}: {size / 2**20:.0f} MiB in {sum(1 for _ in folder.rglob('*'))} entries"
        )
        for archive in sorted(folder.parent.glob("chairdesk-*.tar.gz")):
            print(f"archive {archive.name}: {archive.stat().st_size / 2**20:.0f} MiB")
    cold, warm = [], []
    for _ in range(args.runs):
        evict(folder)
        cold.append(start_once(program))
        warm.append(start_once(program))
    print(
        f"cold start to a shown window: median {statistics.median(cold):.2f} s (runs: "
        + ", ".join(f"{t:.2f}" for t in cold)
        + ")"
    )
    print(
        f"warm start to a shown window: median {statistics.median(warm):.2f} s (runs: "
        + ", ".join(f"{t:.2f}" for t in warm)
        + ")"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
