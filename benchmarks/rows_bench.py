"""Benchmark the desk's draft rows after a structural change, without the window (DraftRows.update, issue 15).

    python benchmarks/rows_bench.py [--paragraphs 10000] [--session FILE] [--count 15]

On a session from benchmarks/large_session.py (a copy: the file given is not changed), for `count`
paragraphs standing in the section they were tabled in and not moved: strike and restore each in place,
then move it to the next section and back to its place. Prints the median time of the rows' update after
each kind of change, and how many times a section was walked through again for it (each walk reads every
row of the section: 1,250 at 10,000 paragraphs).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.large_session import make_large_session  # noqa: E402
from chairdesk.core import drafting  # noqa: E402
from chairdesk.core.log.change import Change  # noqa: E402
from chairdesk.core.log.session import Session  # noqa: E402
from chairdesk.gui.desk.draft_rows import DraftRows  # noqa: E402


def measure(path: Path, count: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Times of DraftRows.update after each change, by kind of change, and the section walks each needed."""
    times: dict[str, list[float]] = defaultdict(list)
    walks: dict[str, int] = defaultdict(int)
    with Session.open(path) as session:
        draft, tabled = session.draft, session.baseline("tabled")
        rows = DraftRows(draft, tabled, session.state.roster.names())
        comparison = rows.comparison
        assert comparison is not None
        at_home = [
            pid
            for pid in draft.numbering().paragraphs
            if pid in tabled.paragraphs
            and tabled.paragraphs[pid].section == draft.paragraphs[pid].section
            and not comparison.paragraphs[pid].moved
        ][:: max(1, len(draft.paragraphs) // (4 * count))][:count]
        walk = comparison.section_walk
        name = [""]

        def counted(sid: str) -> list:
            walks[name[0]] += 1
            return walk(sid)

        comparison.section_walk = counted  # type: ignore[method-assign]

        def timed(label: str, change: Change) -> None:
            name[0] = label
            started = time.perf_counter()
            rows.update(change.sections, change.paragraphs, change.kind)
            times[label].append(time.perf_counter() - started)

        for pid in at_home:
            section = draft.paragraphs[pid].section
            place = draft.sections[section].items.index(pid)
            other = draft.order[(draft.order.index(section) + 1) % len(draft.order)]
            timed("strike in place", drafting.strike_paragraph(session, pid))
            timed("restore in place", drafting.restore_paragraph(session, pid))
            timed("move to the next section", drafting.move_paragraph(session, pid, other, 0))
            timed("move back to its place", drafting.move_paragraph(session, pid, section, place))
    return times, walks


def main(argv: list[str]) -> int:
    """Build or copy the session, time the rows' updates, print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=10000)
    parser.add_argument("--session", type=Path, help="reuse this session file (made if missing; it is copied)")
    parser.add_argument("--count", type=int, default=15, help="paragraphs struck, restored and moved")
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="chairdesk-rows-"))
    source = args.session or home / "large.chairdesk"
    if not source.exists():
        make_large_session(source, paragraphs=args.paragraphs, events=max(20000, 5 * args.paragraphs))
    path = home / "bench.chairdesk"
    shutil.copy(source, path)
    times, walks = measure(path, args.count)
    print(f"draft rows updated after a change ({source.name}, {args.count} paragraphs):")
    for label, samples in times.items():
        median = statistics.median(samples) * 1000
        print(f"    {label:28s} median {median:6.2f} ms   sections walked {walks[label]} of {len(samples)} changes")
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
