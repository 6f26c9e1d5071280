"""Benchmark the session core: append one event, open a large session, compare it with its baseline.

    python benchmarks/core_bench.py                 # builds a 20,000-event, 2,000-paragraph session in a temp folder
    python benchmarks/core_bench.py --session F     # reuse a session made by benchmarks/large_session.py

Prints the median of several runs for each figure.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.large_session import make_large_session  # noqa: E402
from chairdesk.core import drafting  # noqa: E402
from chairdesk.core.draft.authorship import authored_diff  # noqa: E402
from chairdesk.core.draft.compare import _cached_word_diff, compare  # noqa: E402
from chairdesk.core.draft.model import Draft  # noqa: E402
from chairdesk.core.log.session import Session  # noqa: E402


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """Median wall-clock time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _cold_compare(old: Draft, new: Draft) -> None:
    _cached_word_diff.cache_clear()
    compare(old, new).walk()


def bench(path: Path, repeat: int, appends: int) -> dict[str, float]:
    """Measure the figures on a copy of the session at path."""
    figures: dict[str, float] = {}
    figures["open"] = median_seconds(lambda: Session.open(path).close(), repeat)

    with Session.open(path) as session:
        figures["events"] = len(session.events)
        figures["paragraphs"] = len(session.draft.numbering().paragraphs)
        start = time.perf_counter()
        baseline = session.baseline()
        figures["baseline"] = time.perf_counter() - start
        figures["compare"] = median_seconds(lambda: _cold_compare(baseline, session.draft), repeat)
        figures["compare_warm"] = median_seconds(lambda: compare(baseline, session.draft).walk(), repeat)

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "append.chairdesk"
        shutil.copy(path, copy)
        with Session.open(copy) as session:
            pid = session.draft.numbering().paragraphs[0]
            counter = iter(range(10**9))

            def amend() -> None:
                drafting.amend_paragraph(session, pid, f"Amended wording, version {next(counter)}.")

            figures["append"] = median_seconds(amend, appends)
            ids = session.draft.numbering().paragraphs
            start = time.perf_counter()
            for paragraph in ids:
                authored_diff(session, paragraph)
            figures["authorship"] = time.perf_counter() - start

            def amend_and_ask_all() -> None:
                amend()
                for paragraph in ids:
                    authored_diff(session, paragraph)

            figures["authorship_warm"] = median_seconds(amend_and_ask_all, repeat) - figures["append"]
            raw = iter(range(10**9))
            figures["append_raw"] = median_seconds(
                lambda: session.log.append(
                    "bench.raw", {"n": next(raw)}, "chair", "2026-01-01T00:00:00+00:00"
                ),
                appends,
            )
    return figures


def main() -> None:
    """Parse the arguments, build the session if needed, print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--session", type=Path, help="an existing large session to measure")
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (open, compare)")
    parser.add_argument("--appends", type=int, default=200, help="events appended to time one append")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.session
        if path is None:
            path = Path(folder) / "large.chairdesk"
            start = time.perf_counter()
            make_large_session(path, args.paragraphs, args.events)
            print(f"built {path.name} in {time.perf_counter() - start:.1f} s")
        f = bench(path, args.repeat, args.appends)
    print(f"session: {f['events']:.0f} events, {f['paragraphs']:.0f} paragraphs")
    print(f"append one event (drafting.amend_paragraph, committed): median {f['append'] * 1000:.2f} ms")
    print(f"append one event (EventLog.append only):                median {f['append_raw'] * 1000:.2f} ms")
    print(f"open the session (Session.open + close):                median {f['open'] * 1000:.0f} ms")
    print(f"rebuild the tabled baseline (first session.baseline()):  {f['baseline'] * 1000:.0f} ms")
    print(f"full-document comparison (compare + walk), cold:        median {f['compare'] * 1000:.0f} ms")
    print(f"authorship of every paragraph (authored_diff), first time:       {f['authorship'] * 1000:.0f} ms")
    print(f"after one more amendment (the amendment's own time left out): median {f['authorship_warm'] * 1000:.1f} ms")
    print(
        f"repeated, paragraph diffs remembered:                    median {f['compare_warm'] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
