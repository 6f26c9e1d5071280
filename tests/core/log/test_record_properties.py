"""Property test: random hand-made payloads for every kind of event go through Session.record.

Each one is either refused with a ChairdeskError (and nothing is recorded) or accepted, and after each
accepted one the rules the operations follow still hold: replay gives the same state, an adopted section has
no open brackets and says truly whether it was amended, an endorsed report's hash is its text's, the report
can be written, and the file reopens to the same state with its chain verified.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chairdesk.core import drafting
from chairdesk.core.adoption.model import (
    ADOPTED_AS_AMENDED,
    ADOPTED_STATES,
    OPEN_STATES,
    section_changed,
    text_hash,
)
from chairdesk.core.floor.operations import set_roster
from chairdesk.core.floor.roster import Delegation
from chairdesk.core.log.errors import ChairdeskError
from chairdesk.core.log.session import Session, replay
from chairdesk.export.report_docx import report_text

FIELDS: dict[str, tuple[str, ...]] = {
    "meeting.set": ("title", "body", "venue", "dates"),
    "draft.title.set": ("title",),
    "draft.section.add": ("id", "title", "index"),
    "draft.section.retitle": ("id", "title"),
    "draft.section.move": ("id", "index"),
    "draft.section.remove": ("id",),
    "draft.section.restore": ("id", "index", "paragraphs"),
    "draft.subheading.add": ("id", "section", "title", "after"),
    "draft.subheading.retitle": ("id", "title"),
    "draft.subheading.remove": ("id",),
    "draft.subheading.restore": ("id",),
    "draft.paragraph.insert": ("id", "section", "after", "text", "subparagraphs"),
    "draft.paragraph.amend": ("id", "text", "author"),
    "draft.paragraph.strike": ("id",),
    "draft.paragraph.restore": ("id",),
    "draft.paragraph.move": ("id", "section", "after"),
    "draft.subparagraph.add": ("paragraph", "id", "text", "after"),
    "draft.subparagraph.amend": ("paragraph", "id", "text", "author"),
    "draft.subparagraph.strike": ("paragraph", "id"),
    "draft.subparagraph.restore": ("paragraph", "id"),
    "draft.subparagraph.move": ("paragraph", "id", "after"),
    "draft.proposal.add": ("id", "paragraph", "text"),
    "draft.proposal.accept": ("id",),
    "draft.proposal.set_aside": ("id",),
    "draft.proposal.reopen": ("id", "text", "author"),
    "draft.baseline": ("label",),
    "adoption.take_up": ("section",),
    "adoption.adopt": ("section", "amended"),
    "adoption.object": ("section", "delegation", "reason"),
    "adoption.reopen": ("section", "reason"),
    "adoption.report.adopt": ("hash",),
    "adoption.report.reopen": ("reason",),
    "adoption.vote": (
        "subject_kind",
        "subject",
        "rule",
        "ballots",
        "totals",
        "carried",
        "amended",
    ),
    "floor.request": ("id", "delegation", "kind", "section", "paragraph", "online"),
    "floor.withdraw": ("id",),
    "floor.reorder": ("order",),
    "floor.give": ("delegation", "kind", "request", "allotted", "section", "paragraph", "suspends"),
    "floor.end": (),
    "floor.pause": (),
    "floor.resume": (),
    "floor.item.end": (),
    "floor.time.set": ("kind", "seconds"),
    "roster.set": ("delegations",),
    "roster.add": ("delegation", "index"),
    "roster.update": ("code", "delegation"),
    "roster.remove": ("code",),
    "transcript.attach": ("source", "text"),
    "transcript.map": ("name", "delegation"),
    "transcript.detach": (),
}
# adoption's steps come in order (take up, then adopt, then the report), so they are drawn more often
KINDS = sorted(FIELDS) + [k for k in sorted(FIELDS) if k.startswith("adoption.") or k.endswith("restore")] * 4
WORDS = [
    "simple majority",
    "two-thirds of those voting",
    "section",
    "report",
    "proposal",
    "speaker",
    "point of order",
    "right of reply",
    "yes",
    "no",
    "chair",
    "A reason.",
    "States [agreed] to meet.",
    "States agreed.",
    "[",
]


def _pool(session: Session) -> list[Any]:
    draft, state = session.draft, session.state
    ids: list[Any] = list(draft.sections) + list(draft.paragraphs) + list(draft.subheadings)
    ids += [s.id for p in draft.paragraphs.values() for s in p.subparagraphs] + list(draft.proposals)
    ids += [r.id for r in state.floor.queue] + state.roster.codes() + ["s99", "p99", "r99", "BLU"]
    return ids + WORDS


def _junk(data: st.DataObject, pool: list[Any]) -> Any:
    """Any value at all: an id of the wrong kind, a wrong type, a nested structure."""
    delegation = st.fixed_dictionaries(
        {"code": st.sampled_from(["BLU", "RED", "NEW"]), "name": st.text(max_size=8)}
    )
    leaf = st.one_of(
        st.sampled_from(pool), st.none(), st.booleans(), st.integers(-2, 5), st.text(max_size=12), delegation
    )
    return data.draw(
        st.one_of(leaf, st.lists(leaf, max_size=3), st.dictionaries(st.sampled_from(pool), leaf, max_size=3))
    )


def _plausible(data: st.DataObject, session: Session, kind: str, name: str) -> Any:
    """A value of the right type for the field, mostly naming things that exist."""
    draft, state = session.draft, session.state
    sections = list(draft.sections) or ["s1"]
    paragraphs = list(draft.paragraphs) or ["p1"]
    subs = [s.id for p in draft.paragraphs.values() for s in p.subparagraphs] or ["p1a"]
    codes = state.roster.codes() or ["BLU"]
    items = paragraphs + list(draft.subheadings)
    queue = [r.id for r in state.floor.queue]
    open_sections = [sid for sid in draft.order if state.adoption.section_status(sid) in OPEN_STATES]
    texts = st.sampled_from(["States agreed.", "States [agreed] to meet.", "A reason.", "first;", "Overview"])
    fresh = f"x{len(session.events)}"
    if kind.startswith("roster.") and name == "delegation":
        code = data.draw(st.sampled_from([*codes, "NEW"]))
        return {"code": code, "name": data.draw(st.sampled_from(["New", "Blue"]))}
    choices: dict[str, Any] = {
        "id": st.sampled_from(
            [fresh, *sections, *paragraphs, *subs, *draft.subheadings, *draft.proposals, *queue]
        ),
        "section": st.sampled_from(open_sections * 3 + sections),
        "subject": st.sampled_from(open_sections * 3 + [*sections, *draft.proposals, None]),
        "paragraph": st.sampled_from(paragraphs),
        "index": st.integers(0, len(draft.order)),
        "after": st.sampled_from([None, *items, *subs]),
        "paragraphs": st.lists(st.sampled_from(paragraphs), max_size=2),
        "subparagraphs": st.lists(
            st.fixed_dictionaries({"id": st.just(fresh + "a"), "text": texts}), max_size=1
        ),
        "author": st.sampled_from(["chair", *codes]),
        "delegation": st.sampled_from(codes),
        "code": st.sampled_from(codes),
        "suspends": st.sampled_from([None, *codes]),
        "amended": st.booleans(),
        "online": st.booleans(),
        "carried": st.booleans(),
        "hash": st.sampled_from([text_hash(draft), "0" * 64]),
        "subject_kind": st.sampled_from(["section", "section", "report", "proposal"]),
        "rule": st.sampled_from(
            ["simple majority", "two-thirds of those voting", "two-thirds of those present"]
        ),
        "ballots": st.one_of(
            st.none(),
            st.none(),
            st.dictionaries(st.sampled_from(codes), st.sampled_from(["yes", "no", "abstain"]), min_size=1),
        ),
        "totals": st.fixed_dictionaries(
            {"yes": st.integers(0, 5), "no": st.integers(0, 5), "abstain": st.integers(0, 2)}
        ),
        "kind": st.sampled_from(["speaker", "point of order", "right of reply"]),
        "request": st.sampled_from([None, *queue]),
        "order": st.permutations(queue),
        "allotted": st.integers(30, 300),
        "seconds": st.integers(30, 300),
        "delegations": st.lists(
            st.fixed_dictionaries(
                {"code": st.sampled_from(["BLU", "RED", "GRN", "PUR"]), "name": st.just("N")}
            ),
            max_size=4,
        ),
    }
    return data.draw(choices.get(name, texts))


def _check_invariants(session: Session, event_kind: str, amended_before: dict[str, bool]) -> None:
    state = session.state
    again = replay(session.events)
    assert again.draft.fingerprint() == state.draft.fingerprint()
    assert again.adoption.report_adopted == state.adoption.report_adopted
    draft = state.draft
    for sid in draft.sections:
        status = state.adoption.section_status(sid)
        assert status == again.adoption.section_status(sid)
        if status in ADOPTED_STATES:
            assert sid in draft.order, "an adopted section is in the document"
            assert not draft.bracket_places(sid), "an adopted section has no open brackets"
    if event_kind in ("adoption.adopt", "adoption.vote"):
        for sid, amended in amended_before.items():
            status = state.adoption.section_status(sid)
            if status in ADOPTED_STATES and sid in session.events[-1].payload.values():
                assert (status == ADOPTED_AS_AMENDED) == amended
    if state.adoption.report_adopted:
        assert state.adoption.report_hash == text_hash(draft)
        assert not state.adoption.unadopted(draft)
    report_text(state)


def _amended_now(session: Session) -> dict[str, bool]:
    draft = session.draft
    if not draft.baselines:
        return {sid: False for sid in draft.order}
    base = session.baseline("last")
    return {sid: section_changed(base, draft, sid) for sid in draft.order}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_payloads_never_break_the_rules(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.chairdesk"
        session = Session.create(path, "Property")
        try:
            set_roster(
                session, [Delegation("BLU", "Blue"), Delegation("RED", "Red"), Delegation("GRN", "Green")]
            )
            a = drafting.add_section(session, "Overview").subject
            drafting.insert_paragraph(session, a, "States met.", subparagraphs=["first;", "second."])
            b = drafting.add_section(session, "Norms").subject
            drafting.insert_paragraph(session, b, "States [noted] the norms.")
            drafting.mark_baseline(session, "Tabled draft")
            for _ in range(data.draw(st.integers(1, 40))):
                kind = data.draw(st.sampled_from(KINDS))
                payload = {name: _plausible(data, session, kind, name) for name in FIELDS[kind]}
                if (
                    kind == "adoption.vote" and data.draw(st.integers(0, 3)) == 0
                ):  # a section beside the subject
                    payload["section"] = _plausible(data, session, kind, "section")
                if payload and data.draw(st.integers(0, 3)) == 0:  # one field hand-made wrong, or left out
                    name = data.draw(st.sampled_from(sorted(payload)))
                    if data.draw(st.booleans()):
                        payload[name] = _junk(data, _pool(session))
                    else:
                        del payload[name]
                actor = data.draw(st.sampled_from(["chair", "chair", "BLU", "nobody"]))
                before = len(session.events)
                amended = _amended_now(session)
                try:
                    session.record(kind, payload, actor)
                except ChairdeskError:
                    assert len(session.events) == before
                    continue
                assert len(session.events) == before + 1
                _check_invariants(session, kind, amended)
            fingerprint = session.draft.fingerprint()
        finally:
            session.close()
        with Session.open(path) as again:
            assert again.verify().ok
            assert again.draft.fingerprint() == fingerprint
