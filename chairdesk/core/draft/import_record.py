"""Tracked changes recorded as the session's first changes: after the tabled text (every change rejected) is
recorded and marked, each paragraph Word shows changed is amended, inserted or struck, credited to the Word
author who made the change, so the redline and the record show who proposed what."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..log.session import Session
from .imported import ImportedDraft, ImportedParagraph
from .model import CHAIR
from .operations import (
    add_subparagraph,
    amend_paragraph,
    amend_subparagraph,
    insert_paragraph,
    strike_paragraph,
    strike_subparagraph,
)


@dataclass
class Places:
    """Where the tabled text's parts went, by the file paragraph they came from."""

    sections: dict[int, str] = field(default_factory=dict)  # heading's key -> section id
    paragraphs: dict[int, tuple[str, str]] = field(default_factory=dict)  # key -> (section id, paragraph id)
    subparagraphs: dict[int, str] = field(default_factory=dict)  # key -> sub-paragraph id
    authors: dict[str, tuple[str, ...]] = field(default_factory=dict)  # paragraph id -> revision authors

    def note(self, session: Session, section_id: str, pid: str, item: ImportedParagraph) -> None:
        """Remember a recorded paragraph and its sub-paragraphs."""
        self.paragraphs[item.key] = (section_id, pid)
        self.authors[pid] = item.authors
        subs = session.draft.paragraphs[pid].subparagraphs
        for key, sub in zip(item.sub_keys, subs, strict=False):
            self.subparagraphs[key] = sub.id


def _author(authors: tuple[str, ...]) -> str:
    return authors[0] if authors else CHAIR


def record_revisions(session: Session, revised: ImportedDraft, places: Places) -> None:
    """Bring the recorded tabled text to the accepted text, one credited change per part changed."""
    seen: set[int] = set()
    section_id = next(iter(places.sections.values()), None)
    for section in revised.sections:
        section_id = places.sections.get(section.key, section_id)
        if section_id is None:
            continue
        previous: str | None = None
        for item in section.paragraphs():
            place = places.paragraphs.get(item.key)
            if place is None:
                previous = _insert(session, section_id, item, previous)
                continue
            seen.add(item.key)
            previous = place[1]
            _update(session, place[1], item, places)
    for key, (_, pid) in places.paragraphs.items():
        if key not in seen and not session.draft.paragraphs[pid].struck:
            strike_paragraph(session, pid, actor=_author(places.authors.get(pid, ())))


def _insert(session: Session, section_id: str, item: ImportedParagraph, previous: str | None) -> str:
    subs = list(zip(item.subparagraphs, item.sub_levels or [1] * len(item.subparagraphs), strict=True))
    change = insert_paragraph(
        session,
        section_id,
        item.text,
        after=previous,
        index=None if previous else 0,
        subparagraphs=subs,
        kind=item.kind,
        italic=item.italic,
        notes=item.notes,
        actor=_author(item.authors),
    )
    assert change.subject is not None
    return change.subject


def _update(session: Session, pid: str, item: ImportedParagraph, places: Places) -> None:
    if session.draft.paragraphs[pid].text != item.text and item.text.strip():
        amend_paragraph(session, pid, item.text, actor=_author(item.authors))
    kept: set[str] = set()
    for index, (text, key) in enumerate(zip(item.subparagraphs, item.sub_keys, strict=False)):
        actor = _author(item.sub_authors[index] if index < len(item.sub_authors) else item.authors)
        sub_id = places.subparagraphs.get(key)
        para = session.draft.paragraphs[pid]
        if sub_id is None or sub_id not in {s.id for s in para.subparagraphs}:
            level = item.sub_levels[index] if index < len(item.sub_levels) else 1
            change = add_subparagraph(session, pid, text, index=index, actor=actor, level=level)
            kept.add(change.subject or "")
            continue
        kept.add(sub_id)
        if para.subparagraph(sub_id).text != text:
            amend_subparagraph(session, pid, sub_id, text, actor=actor)
    for sub in list(session.draft.paragraphs[pid].subparagraphs):
        if sub.id not in kept and not sub.struck:
            strike_subparagraph(session, pid, sub.id, actor=_author(places.authors.get(pid, ())))
