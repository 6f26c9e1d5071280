"""A section's rows after a strike, restore, insert or move, made from its rows before the change when the
comparison's walk through the section would list them the same way (issue 15: a long section walked again
for each change costs milliseconds; these cost a look-up per paragraph named, or one pass over the rows).

Both rest on how Comparison.section_walk lists a section: its live paragraphs and sub-headings in the new
order (the body), then each struck or moved-away paragraph of the baseline at its tabled place, right after
the last item before it in the baseline that the body shows, in the order of the baseline's items.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from ...core.draft.compare import Comparison, Entry, with_old_places
from ...core.draft.model import Draft


class _Row(Protocol):
    """What is read of a row here (draft_rows.Row)."""

    kind: str
    id: str
    status: str
    key: tuple[str, str]


Row = TypeVar("Row", bound=_Row)

ONLY_NAMED = frozenset(  # changes that only take the paragraphs they name out of a section or put them in
    {"draft.paragraph.insert", "draft.paragraph.strike", "draft.paragraph.restore", "draft.paragraph.move"}
)


def patched_rows(
    comparison: Comparison | None,
    baseline: Draft | None,
    draft: Draft,
    make_row: Callable[[Entry], Row],
    sid: str,
    before: list[Row],
    named: set[str] | frozenset[str],
) -> list[Row] | None:
    """A section's rows after a change that took the named paragraphs out of it or put them in and did
    nothing else to it, made from its rows before without walking the section again (None: it must be).

    A section none of them stood in in the baseline: such a paragraph is no item of the section in the
    baseline, so no struck or moved-away place is shown for it there, no place is put after it, and the
    section's moves are not marked again (LazyComparison.update). A paragraph put in then stands right before
    the row of the next item after it that the body shows (a live paragraph or a sub-heading), past the
    places shown after the item before it; or last.

    A section some of them stood in (struck or restored in place, moved away from their tabled section or
    back to it): only when the marks of the section's moves were made again without moving or putting back
    any other paragraph (comparison.remarked). Then the walk's body, the section's live paragraphs and
    sub-headings in the new order, is the one before with the named paragraphs taken out or put in at their
    place; its struck and moved-away places are those before with the named paragraphs' own; and the two go
    together as the walk puts them (with_old_places): one pass over the rows."""
    if comparison is None or baseline is None or sid not in draft.sections:
        return None
    items, live = draft.sections[sid].items, draft.numbering().live_label
    coming: list[tuple[int, Row]] = []
    for pid in named:
        comp = comparison.paragraphs.get(pid)
        if pid in live and draft.paragraphs[pid].section == sid:
            if comp is None:
                return None
            coming.append((items.index(pid), make_row(Entry("paragraph", pid, sid, comp, status=comp.live_status()))))
    if any(baseline.paragraphs[pid].section == sid for pid in named if pid in baseline.paragraphs):
        return _at_home(comparison, baseline, make_row, sid, before, named, (items, live, coming))
    rows = [row for row in before if not (row.kind == "paragraph" and row.id in named)]
    _put_in(rows, items, live, coming)
    return rows


def _at_home(
    comparison: Comparison,
    baseline: Draft,
    make_row: Callable[[Entry], Row],
    sid: str,
    before: list[Row],
    named: set[str] | frozenset[str],
    now: tuple[list[str], dict[str, str], list[tuple[int, Row]]],
) -> list[Row] | None:
    """patched_rows for a section some of the named paragraphs stood in in the baseline (now: the section's
    items, the live paragraphs and the rows coming in, as patched_rows found them)."""
    items, live, coming = now
    remarked = getattr(comparison, "remarked", None)
    if remarked is None or remarked - named or sid not in baseline.order or not before or before[0].kind != "section":
        return None
    in_items = set(items)
    body: list[Row] = []
    placed: list[tuple[str, Row]] = []
    for row in before[1:]:
        if row.id in named and row.kind in ("paragraph", "ghost"):
            continue
        if row.kind == "ghost" or (row.kind == "paragraph" and row.status == "struck"):
            placed.append((row.id, row))
        elif row.kind == "subheading" and row.id not in in_items:
            placed.append((row.id, row))  # (a sub-heading of the baseline the section no longer has)
        else:
            body.append(row)
    for pid in named:
        comp = comparison.paragraphs.get(pid)
        if comp is None or comp.old_section != sid:
            continue  # (not in the baseline's section: no place of its own here)
        if pid not in live:
            placed.append((pid, make_row(Entry("paragraph", pid, sid, comp, status="struck"))))
        elif comp.moved:
            placed.append((pid, make_row(Entry("ghost", pid, sid, comp, status="moved"))))
    _put_in(body, items, live, coming)
    return [before[0], *with_old_places(body, baseline.sections[sid].items, placed)]


def _put_in(rows: list[Row], items: list[str], live: dict[str, str], coming: list[tuple[int, Row]]) -> None:
    """Put each row coming in (with its paragraph's index among the section's items) right before the row of
    the next item after it that `rows` show (a live paragraph or a sub-heading), or last; the last first, so
    that the rows before each place keep their index."""
    place = {row.key: k for k, row in enumerate(rows)}
    for k, row in sorted(coming, key=lambda c: c[0], reverse=True):
        at = len(rows)
        for item in items[k + 1 :]:
            found = place.get(("paragraph", item) if item in live else ("subheading", item))
            if found is not None:
                at = found
                break
        rows.insert(at, row)
        place[row.key] = at


def at_old_places(
    comparison: Comparison | None,
    draft: Draft,
    make_row: Callable[[Entry], Row],
    sid: str,
    before: list[Row],
    places: dict[str, int | None],
) -> list[Row] | None:
    """A section's rows after a change that did not touch it but named paragraphs it showed at their tabled
    place (struck, or moved away; `places`: where), made from its rows before (None: it must be walked
    again). Such a paragraph is still shown there, struck or moved away, at the same place: a struck place
    and a moved-away one go in at the same point, in the order of the baseline's items. The change put
    nothing in the section nor took anything out, and marked none of its moves again
    (LazyComparison.update): its other rows stand as they were."""
    if comparison is None:
        return None
    live = draft.numbering().live_label
    rows = before
    for pid, k in places.items():
        comp = comparison.paragraphs.get(pid)
        if (
            k is None
            or comp is None
            or (pid in live and not (comp.moved and comp.new_section not in (None, sid)))
        ):
            return None
        if rows is before:
            rows = list(before)
        kind = "ghost" if pid in live else "paragraph"
        rows[k] = make_row(Entry(kind, pid, sid, comp, status="moved" if pid in live else "struck"))
    return rows
