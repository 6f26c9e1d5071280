"""Benchmark the record export on large sessions: wall time and peak resident memory, per format.

    python benchmarks/record_bench.py                       # 50,000 and 100,000 events, 2,000 paragraphs
    python benchmarks/record_bench.py --events 50000 --runs 3 --keep /tmp/sessions
    python benchmarks/record_bench.py --code /work/main     # the same, with another checkout's chairdesk

Builds each session with benchmarks/large_session.py (kept in --keep to reuse), then exports its record in
a fresh subprocess per run and format (`chairdesk export --record` does the same: open read-only, export),
and prints medians over the runs: the export's wall time, the resident memory once the session is open, and
the peak resident memory of the whole process (VmHWM, what ru_maxrss reports). The load (`uptime`) is
printed beside the figures: the machine is shared, so compare runs made minutes apart.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
FORMATS = {"docx": ".docx", "md": ".md"}


def _status_kb(field: str) -> int:
    """A field of /proc/self/status in kB (VmRSS, VmHWM); ru_maxrss where there is no /proc."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(code: str, session_path: str, out: str) -> None:
    """In a fresh process: open the session read-only, export its record to out; print the figures as JSON."""
    sys.path.insert(0, code)
    from chairdesk.core.log.session import Session
    from chairdesk.export import export_record

    started = time.perf_counter()
    with Session.open(session_path, read_only=True) as session:
        opened = time.perf_counter()
        rss_open = _status_kb("VmRSS")
        export_record(session, out)
        done = time.perf_counter()
    figures = {
        "open_s": opened - started,
        "export_s": done - opened,
        "rss_open_mb": rss_open / 1024,
        "peak_mb": _status_kb("VmHWM") / 1024,
        "bytes": Path(out).stat().st_size,
    }
    print(json.dumps(figures))


def load() -> str:
    """The load averages, as `uptime` gives them."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def run_once(code: Path, session: Path, suffix: str) -> dict[str, float]:
    """One export in a fresh subprocess; its figures."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"record{suffix}"
        result = subprocess.run(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--child",
                str(session),
                str(out),
                "--code",
                str(code),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise SystemExit(f"the export failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def session_for(events: int, paragraphs: int, keep: Path) -> Path:
    """The benchmark session of that size, built once with large_session.py and kept."""
    sys.path.insert(0, str(HERE))
    from benchmarks.large_session import make_large_session

    path = keep / f"record-bench-{paragraphs}p-{events}e.chairdesk"
    if not path.exists():
        started = time.perf_counter()
        make_large_session(path, paragraphs=paragraphs, events=events)
        print(f"built {path} in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def main() -> None:
    """Parse the options, run the exports, print the medians."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, nargs="+", default=[50000, 100000])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", nargs="+", choices=sorted(FORMATS), default=sorted(FORMATS))
    parser.add_argument(
        "--keep", type=Path, default=Path(tempfile.gettempdir()), help="where sessions are kept"
    )
    parser.add_argument("--code", type=Path, default=HERE, help="the checkout whose chairdesk exports")
    parser.add_argument("--session", type=Path, help="export this session instead of building one")
    parser.add_argument("--child", nargs=2, metavar=("SESSION", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(str(args.code), *args.child)
        return
    sessions = (
        [args.session] if args.session else [session_for(n, args.paragraphs, args.keep) for n in args.events]
    )
    print(f"chairdesk from {args.code}; medians of {args.runs} runs, each in a fresh process")
    print(
        f"{'session':<44} {'format':<6} {'export s':>9} {'open MB':>8} {'peak MB':>8} {'output MB':>9}  load"
    )
    for session in sessions:
        for name in args.formats:
            runs = [run_once(args.code, session, FORMATS[name]) for _ in range(args.runs)]

            def median(key: str, runs: list[dict[str, float]] = runs) -> float:
                return statistics.median(run[key] for run in runs)

            print(
                f"{session.name:<44} {name:<6} {median('export_s'):>9.1f} {median('rss_open_mb'):>8.0f} "
                f"{median('peak_mb'):>8.0f} {median('bytes') / 1e6:>9.1f}  {load()}",
                flush=True,
            )


if __name__ == "__main__":
    main()
