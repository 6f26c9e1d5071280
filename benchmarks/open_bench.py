"""Benchmark Session.open of a large session without and with a snapshot in the cache (issue 15, cold start).

    python benchmarks/open_bench.py [--session FILE] [--opens 7]

The session is copied to a temporary folder (the copy is what is opened) and the cache folder is a temporary
one ($CHAIRDESK_CACHE_DIR). "without" removes the cache before each open; "with" opens after a first open and
close wrote the snapshot. Each open is timed in this process, up to the Session being ready (state derived),
and then what the window's first paint asks of the log besides: the draft at the tabled baseline and the
credits of a paragraph (the authorship index). As in the window's start (gui/start_up.py), the garbage
collector is held while an open is timed (and run between opens). The close is not timed. Prints medians,
the snapshot's size and what writing it on close costs.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    """Open the copy n times without a snapshot, then n times with one; print medians."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--session", type=Path, default=Path("/tmp/b2k.chairdesk"))
    parser.add_argument("--opens", type=int, default=7)
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="chairdesk-open-"))
    os.environ["CHAIRDESK_CACHE_DIR"] = str(home / "cache")
    os.environ["CHAIRDESK_DATA_DIR"] = str(home / "data")
    from chairdesk.core.draft.authorship import change_authors
    from chairdesk.core.log import snapshot
    from chairdesk.core.log.session import Session

    path = home / "bench.chairdesk"
    shutil.copy(args.session, path)
    snapshot.code_fingerprint()  # once per process, as in the app (about a ms)

    def timed_open() -> tuple[float, float, Session]:
        gc.collect()
        gc.disable()
        started = time.perf_counter()
        session = Session.open(path)
        opened = time.perf_counter()
        session.baseline("tabled")
        first = next(iter(session.draft.paragraphs.values()))
        change_authors(session, first.id, [s.id for s in first.subparagraphs])
        ready = time.perf_counter()
        gc.enable()
        return opened - started, ready - started, session

    without, with_snapshot, painted, painted_with, closing = [], [], [], [], []
    for _ in range(args.opens):
        shutil.rmtree(home / "cache", ignore_errors=True)
        seconds, ready, session = timed_open()
        without.append(seconds)
        painted.append(ready)
        started = time.perf_counter()
        session.close()  # writes the snapshot
        closing.append(time.perf_counter() - started)
    for _ in range(args.opens):
        seconds, ready, session = timed_open()
        with_snapshot.append(seconds)
        painted_with.append(ready)
        loaded = session.log.loaded
        events = session.log.count
        session.close()
    size = sum(p.stat().st_size for p in (home / "cache").rglob("*.snapshot"))
    load = os.getloadavg()[0]
    print(f"Session.open of {args.session.name} ({events} events), n={args.opens}, load {load:.1f}")
    for name, opens, ready in (("without", without, painted), ("with", with_snapshot, painted_with)):
        print(
            f"    {name + ' a snapshot':20} {statistics.median(opens) * 1000:6.0f} ms; with the baseline and "
            f"credits {statistics.median(ready) * 1000:4.0f} ms"
        )
    print(f"    (with a snapshot, every event was read: {loaded})")
    print(f"    close, writing it    {statistics.median(closing) * 1000:6.0f} ms ({size / 1e6:.1f} MB)")
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
