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

    Only for a section none of them stood in in the baseline: such a paragraph is no item of the section in
    the baseline, so no struck or moved-away place is shown for it there, no place is put after it, and the
    section's moves are not marked again (LazyComparison.update). A paragraph put in then stands right before
    the row of the next item after it that the body shows (a live paragraph or a sub-heading), past the
    places shown after the item before it; or last."""
    if comparison is None or baseline is None or sid not in draft.sections:
        return None
    for pid in named:
        was = baseline.paragraphs.get(pid)
        if was is not None and was.section == sid:
            return None
    rows = [row for row in before if not (row.kind == "paragraph" and row.id in named)]
    items, live = draft.sections[sid].items, draft.numbering().live_label
    coming = sorted(
        (items.index(pid), pid) for pid in named if pid in live and draft.paragraphs[pid].section == sid
    )
    if not coming:
        return rows
    place = {row.key: k for k, row in enumerate(rows)}
    for k, pid in reversed(coming):  # the last first: the rows before each place keep their index
        at = len(rows)
        for item in items[k + 1 :]:
            found = place.get(("paragraph", item) if item in live else ("subheading", item))
            if found is not None:
                at = found
                break
        comp = comparison.paragraphs.get(pid)
        if comp is None:
            return None
        rows.insert(at, make_row(Entry("paragraph", pid, sid, comp)))
        place[("paragraph", pid)] = at
    return rows


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


def home_rows(
    comparison: Comparison | None,
    baseline: Draft | None,
    draft: Draft,
    make_row: Callable[[Entry], Row],
    sid: str,
    before: list[Row],
    named: set[str] | frozenset[str],
) -> list[Row] | None:
    """A section's rows after a change that took the named paragraphs out of it or put them in, where some
    of them stood in the baseline (struck or restored in place, moved away from their tabled section or back
    to it), made from its rows before in one pass, without the walk (None: it must be walked again).

    Only when the marks of the section's moves were made again without moving or putting back any paragraph
    but the named ones (comparison.remarked): then the walk's body, the section's live paragraphs and
    sub-headings in the new order, is the one before with the named paragraphs taken out or put in at their
    place; its struck and moved-away places are those before with the named paragraphs' own; and the two go
    together as the walk puts them (with_old_places)."""
    if (
        comparison is None
        or baseline is None
        or sid not in draft.sections
        or sid not in baseline.order
        or getattr(comparison, "remarked", None) is None
        or comparison.remarked - named
        or not before
        or before[0].kind != "section"
    ):
        return None
    items = draft.sections[sid].items
    live = draft.numbering().live_label
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
    coming = []
    for pid in named:
        comp = comparison.paragraphs.get(pid)
        if comp is None:
            continue  # (neither in the baseline nor live now: not shown)
        if pid in live and draft.paragraphs[pid].section == sid:
            coming.append((items.index(pid), pid, make_row(Entry("paragraph", pid, sid, comp, status=comp.live_status()))))
        if comp.old_section == sid and pid not in live:
            placed.append((pid, make_row(Entry("paragraph", pid, sid, comp, status="struck"))))
        elif comp.old_section == sid and comp.moved:
            placed.append((pid, make_row(Entry("ghost", pid, sid, comp, status="moved"))))
    if coming:
        place = {row.id: k for k, row in enumerate(body)}
        for k, _pid, row in sorted(coming, key=lambda c: c[0], reverse=True):  # the last first, as patched_rows
            at = next((place[item] for item in items[k + 1 :] if item in place), len(body))
            body.insert(at, row)
            place = {each.id: j for j, each in enumerate(body)} if len(coming) > 1 else place
    old_items = baseline.sections[sid].items
    return [before[0], *with_old_places(body, old_items, placed)]
