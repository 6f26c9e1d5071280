"""Benchmark importing a long draft: a Markdown draft of N paragraphs (with sections, sub-headings and lettered
sub-paragraphs) imported into a new session with `chairdesk import`'s function.

    python benchmarks/import_bench.py                   # 5,000 and 20,000 paragraphs
    python benchmarks/import_bench.py --paragraphs 2000

Prints the wall-clock time of each import (one run each: a 20,000-paragraph import is long enough to measure).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chairdesk.core.draft.importers import create_session_from_draft  # noqa: E402


def write_draft(path: Path, paragraphs: int) -> Path:
    """A Markdown draft: a section every 200 paragraphs, a sub-heading every 50, sub-paragraphs every 10."""
    lines = ["# Outcome document of the working group", ""]
    for n in range(paragraphs):
        if n % 200 == 0:
            lines += [f"## Section {n // 200 + 1}", ""]
        if n % 50 == 25:
            lines += [f"### Sub-heading {n}", ""]
        lines += [f"{n + 1}. States [considered] the matter raised in paragraph {n + 1} of the report.", ""]
        if n % 10 == 9:
            lines += ["(a) share information;", "", "(b) hold exercises.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def time_import(paragraphs: int) -> float:
    """Seconds to import a draft of that many paragraphs into a new session file."""
    with tempfile.TemporaryDirectory() as folder:
        draft = write_draft(Path(folder) / "draft.md", paragraphs)
        start = time.perf_counter()
        session = create_session_from_draft(draft, Path(folder) / "imported.chairdesk")
        elapsed = time.perf_counter() - start
        assert len(session.draft.numbering().paragraphs) == paragraphs
        session.close()
    return elapsed


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, nargs="*", default=[5000, 20000])
    args = parser.parse_args()
    for count in args.paragraphs:
        print(f"import of {count:,} paragraphs: {time_import(count):.1f} s", flush=True)


if __name__ == "__main__":
    main()
