"""The tracked-changes walk is linear: four times the paragraphs take about four times as long, not sixteen."""

from __future__ import annotations

import copy
import gc
import time

from chairdesk.core.draft.compare import compare
from chairdesk.core.draft.model import Draft, Paragraph, Section


def _drafts(paragraphs: int) -> tuple[Draft, Draft]:
    """A two-section draft and a later version with every third paragraph struck and every fifth moved."""
    old = Draft()
    for sid in ("s1", "s2"):
        old.sections[sid] = Section(sid, f"Section {sid}")
        old.order.append(sid)
    for k in range(paragraphs):
        pid = f"p{k}"
        old.paragraphs[pid] = Paragraph(pid, f"Paragraph {k} on capacity building.", "s1")
        old.sections["s1"].items.append(pid)
    new = copy.deepcopy(old)
    for k in range(paragraphs):
        pid = f"p{k}"
        if k % 3 == 0:
            new.paragraphs[pid].struck = True
        elif k % 5 == 0:
            new.sections["s1"].items.remove(pid)
            new.sections["s2"].items.append(pid)
            new.paragraphs[pid].section = "s2"
    new.invalidate()
    return old, new


def _best_walk_seconds(*sizes: int, rounds: int = 7) -> list[float]:
    """The fastest of several walks at each size, the sizes taken in turn so a busy moment hits them alike."""
    comparisons = [compare(*_drafts(size)) for size in sizes]
    for comparison in comparisons:
        comparison.walk()  # the section titles' diffs are cached from here on
    best = [float("inf")] * len(sizes)
    gc.disable()  # a collection landing in one run would weigh on the ratio, not the walk
    try:
        for _ in range(rounds):
            for k, comparison in enumerate(comparisons):
                started = time.perf_counter()
                comparison.walk()
                best[k] = min(best[k], time.perf_counter() - started)
    finally:
        gc.enable()
    return best


def test_walk_places_struck_and_moved_paragraphs_at_their_old_places() -> None:
    entries = compare(*_drafts(12)).walk()
    first = [(e.kind, e.id, e.status) for e in entries if e.section == "s1"][:8]
    assert first == [
        ("section", "s1", "unchanged"),
        ("paragraph", "p0", "struck"),
        ("paragraph", "p1", "unchanged"),
        ("paragraph", "p2", "unchanged"),
        ("paragraph", "p3", "struck"),
        ("paragraph", "p4", "unchanged"),
        ("ghost", "p5", "moved"),
        ("paragraph", "p6", "struck"),
    ]
    # p11 stayed in s1 after p8, as before: not moved (compared over the whole document, the longest run
    # of matching blocks left it out for the paragraphs moved after it into s2)
    assert [e.id for e in entries if e.kind == "ghost"] == ["p5", "p10"]
    assert [e.id for e in entries if e.section == "s2" and e.kind == "paragraph"] == ["p5", "p10"]


def test_walk_time_grows_linearly_with_the_paragraphs() -> None:
    # Linear is 4 (measured 4.5-6.7 on the loaded 2-core machine: caches), the old quadratic walk 14-16.
    # A busy moment on a shared machine can spoil one measurement: up to three, the best ratio counts (a
    # quadratic walk fails all three by far).
    tried = []
    for _ in range(3):
        small, large = _best_walk_seconds(1000, 4000)
        tried.append(f"1,000 paragraphs {small * 1000:.1f} ms, 4,000 {large * 1000:.1f} ms")
        if large / small < 8:
            return
    raise AssertionError("walk is not linear: " + "; ".join(tried))
