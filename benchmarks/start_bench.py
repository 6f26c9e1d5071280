"""Benchmark the cold start of the window against a bare PySide6 QMainWindow, for one or more checkouts.

    python benchmarks/start_bench.py [--paragraphs 2000] [--session FILE] [--starts 5] [--checkout DIR ...]

Each start is a fresh process: `python -m chairdesk FILE` with CHAIRDESK_EXIT_WHEN_SHOWN=1 (the window says
so, then quits, once the platform has exposed it), timed from the launch to that line (and, beside it, to
the exit), and the bare QMainWindow of desk_bench.py the same way, and a plain PySide6 window with as many
widgets as the (first) checkout's window (benchmarks/same_widgets.py). The kinds are alternated (bare, then each
checkout in turn), so a change of load on the machine falls on all of them alike. It also reports the
heaviest imports of the start path (`python -X importtime`). With several --checkout folders (e.g. the main checkout and a branch), each
runs its own chairdesk on the same session file copy; nothing is written into the checkouts (byte code goes
to a temporary folder).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.desk_bench import BARE_WINDOW, START_PATH, _prepare, installed_env, until_shown  # noqa: E402
from benchmarks.large_session import make_large_session  # noqa: E402
from benchmarks.same_widgets import same_widgets_command, take_census  # noqa: E402


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """A window's start: the time from the launch to the line saying it is shown, and to its exit."""
    return until_shown(command, env, env["START_CWD"])


def heaviest_imports(env: dict[str, str], top: int = 8) -> list[tuple[str, float]]:
    """The start path's imports, own time summed per top-level package."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", START_PATH],
        env=env, capture_output=True, text=True, cwd=env["START_CWD"],
    )
    per_package: dict[str, float] = defaultdict(float)
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            own, _cumulative, name = line.split(":", 1)[1].split("|")
            per_package[name.strip().split(".")[0]] += int(own) / 1e6
    return sorted(per_package.items(), key=lambda item: -item[1])[:top]


def main(argv: list[str]) -> int:
    """Build or reuse the session, alternate the starts, print medians and the ratio to the bare window."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--session", type=Path, help="reuse this session file (made if missing; it is copied)")
    parser.add_argument("--starts", type=int, default=5, help="cold starts of each kind")
    parser.add_argument("--checkout", type=Path, action="append", help="a chairdesk checkout (default: this one)")
    parser.add_argument(
        "--no-snapshot", action="store_true",
        help="no snapshot cache (core/log/snapshot.py): every start replays the whole log",
    )
    args = parser.parse_args(argv)
    checkouts = [c.resolve() for c in (args.checkout or [ROOT])]
    home = Path(tempfile.mkdtemp(prefix="chairdesk-start-"))
    source = args.session or home / "large.chairdesk"
    what = f"{source.name} (reused)"  # a session given is named: its size is its own, not --paragraphs
    if not source.exists():
        make_large_session(source, paragraphs=args.paragraphs, events=max(20000, 5 * args.paragraphs))
        what = f"{args.paragraphs} paragraphs"
    path = home / "bench.chairdesk"
    shutil.copy(source, path)
    _prepare(path, requests=11)  # a roster and a speakers' list, as desk_bench has them
    # The snapshot cache is kept between the starts (the first, untimed start of each checkout writes it),
    # as for a chair who opened the session before; with --no-snapshot it is a file, so none is ever written.
    cache = home / "cache"
    if args.no_snapshot:
        cache.write_text("")
    base = installed_env(  # byte code is cached (outside the checkouts), as installed
        home / "pycache", CHAIRDESK_EXIT_WHEN_SHOWN="1", CHAIRDESK_CONFIG_DIR=str(home / "config"),
        CHAIRDESK_DATA_DIR=str(home / "data"), CHAIRDESK_CACHE_DIR=str(cache),
    )
    # Each checkout has its own copy of the session and its own cache: a snapshot made by other code is
    # removed when read (snapshot.py), so checkouts sharing one would replay the whole log at every start.
    envs, paths = {}, {}
    for k, checkout in enumerate(checkouts):
        paths[checkout] = home / f"bench-{k}.chairdesk"
        shutil.copy(path, paths[checkout])
        own_cache = cache if args.no_snapshot else home / f"cache-{k}"
        envs[checkout] = dict(base, PYTHONPATH=str(checkout), START_CWD=str(checkout), CHAIRDESK_CACHE_DIR=str(own_cache))
    bare_env = dict(base, START_CWD=str(home))
    first = envs[checkouts[0]]  # the plain window gets as many widgets as the first checkout's window has
    census = take_census(
        paths[checkouts[0]], {k: v for k, v in first.items() if k != "CHAIRDESK_EXIT_WHEN_SHOWN"}, first["START_CWD"]
    )
    plain = same_widgets_command(census)
    _run([sys.executable, "-c", BARE_WINDOW], bare_env)  # a first run of each writes the byte code: not timed
    _run(plain, bare_env)
    for checkout, env in envs.items():  # (and the checkout's snapshot, at its close)
        _run([sys.executable, "-m", "chairdesk", str(paths[checkout])], env)
    bare: list[tuple[float, float]] = []
    same: list[tuple[float, float]] = []
    desk: dict[Path, list[tuple[float, float]]] = {c: [] for c in checkouts}
    for _ in range(args.starts):
        bare.append(_run([sys.executable, "-c", BARE_WINDOW], bare_env))
        same.append(_run(plain, bare_env))
        for checkout, env in envs.items():
            desk[checkout].append(_run([sys.executable, "-m", "chairdesk", str(paths[checkout])], env))
    load = os.getloadavg()[0]
    kept = "no snapshot" if args.no_snapshot else "snapshot kept"
    bare_shown = statistics.median(s for s, _ in bare)
    print(f"cold start to a shown window, {what}, n={args.starts}, {kept}, load {load:.1f}")
    print(
        f"    bare QMainWindow                 shown {bare_shown * 1000:6.0f} ms "
        f"(exited {statistics.median(e for _, e in bare) * 1000:.0f} ms)"
    )
    same_shown = statistics.median(s for s, _ in same)
    print(
        f"    a plain PySide6 window with the {census['total']} widgets of chairdesk's (no chairdesk code) "
        f"shown {same_shown * 1000:6.0f} ms: {same_shown / bare_shown:.1f}x the bare window"
    )
    for checkout, runs in desk.items():
        shown = statistics.median(s for s, _ in runs)
        print(
            f"    chairdesk {str(checkout)[-22:]:22} shown {shown * 1000:6.0f} ms: "
            f"{shown / bare_shown:.1f}x the bare window (exited {statistics.median(e for _, e in runs) * 1000:.0f} ms)"
        )
        print("        heaviest imports: " + ", ".join(
            f"{name} {seconds * 1000:.0f} ms" for name, seconds in heaviest_imports(envs[checkout])
        ))
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
