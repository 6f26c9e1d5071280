"""A resolution's shape in the draft: unnumbered preambular paragraphs, numbered operative ones, (a) and (i)
sub-paragraphs, italic opening words; numbering, moves, strikes, brackets, proposals and undo at every level."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chairdesk.core import drafting
from chairdesk.core.draft import operations as ops
from chairdesk.core.draft.model import italic_span
from chairdesk.core.draft.numbering import latin_suffix, roman_label, roman_value, sub_labels
from chairdesk.core.log.errors import DraftError
from chairdesk.core.log.session import Session

from ..conftest import FakeClock


@pytest.fixture()
def resolution(tmp_path: Path):
    """Two preambular paragraphs, then three operative ones; the second has (a) (i) (ii) (b)."""
    session = Session.create(tmp_path / "res.chairdesk", "Resolution", clock=FakeClock())
    sid = drafting.add_section(session, "Draft resolution").subject
    pp1 = ops.insert_paragraph(session, sid, "Recalling its earlier decisions,", kind="preambular", italic=1)
    pp2 = ops.insert_paragraph(
        session, sid, "Noting with concern the delays in reporting,", kind="preambular", italic=3
    )
    op1 = ops.insert_paragraph(session, sid, "Decides to keep the matter under review;", italic=1)
    op2 = ops.insert_paragraph(
        session,
        sid,
        "Requests the secretariat:",
        italic=1,
        subparagraphs=[
            "to collect the replies;",
            ("from member bodies;", 2),
            ("from observers;", 2),
            "to report.",
        ],
    )
    op3 = ops.insert_paragraph(session, sid, "Also decides to meet again.", italic=2)
    ids = {"s": sid, "pp1": pp1.subject, "pp2": pp2.subject, "op1": op1.subject, "op2": op2.subject}
    ids["op3"] = op3.subject
    yield session, ids
    session.close()


def test_preambular_paragraphs_are_not_counted(resolution) -> None:
    session, ids = resolution
    draft = session.draft
    assert [draft.number_of(ids[k]) for k in ("pp1", "pp2", "op1", "op2", "op3")] == [None, None, 1, 2, 3]
    assert [draft.label_of_paragraph(ids[k]) for k in ("pp1", "pp2", "op1")] == ["PP1", "PP2", "1"]
    assert draft.paragraph_by_number(1).id == ids["op1"]
    assert draft.paragraph_by_label("pp 2").id == ids["pp2"]
    assert draft.paragraph_name(ids["pp2"]) == "preambular paragraph 2"
    assert draft.label_range(ids["s"]) == "PP1\u2013PP2, 1\u20133"
    text = draft.plain_text()
    assert "\nRecalling its earlier decisions,\n" in text  # no number in front
    assert "2. Requests the secretariat:\n(a) to collect the replies;\n(i) from member bodies;" in text


def test_three_levels_of_labels(resolution) -> None:
    session, ids = resolution
    para = session.draft.paragraph(ids["op2"])
    assert [para.sub_labels()[s.id] for s in para.subparagraphs] == ["a", "i", "ii", "b"]
    assert [para.sub_references()[s.id] for s in para.subparagraphs] == ["(a)", "(a) (i)", "(a) (ii)", "(b)"]
    first, roman1, roman2, second = (s.id for s in para.subparagraphs)
    ops.strike_subparagraph(session, ids["op2"], roman1)
    para = session.draft.paragraph(ids["op2"])
    assert para.sub_labels() == {first: "a", roman2: "i", second: "b"}
    ops.move_subparagraph(session, ids["op2"], second, 0)  # (b) first: it becomes (a), the rest follow
    para = session.draft.paragraph(ids["op2"])
    assert [para.sub_labels()[s.id] for s in para.live_subparagraphs()] == ["a", "b", "i"]
    change = ops.set_subparagraph_level(session, ids["op2"], roman2, 1)
    assert session.draft.paragraph(ids["op2"]).sub_labels()[roman2] == "c"
    session.undo(change)
    assert session.draft.paragraph(ids["op2"]).sub_labels()[roman2] == "i"


def test_brackets_and_proposals_at_every_level(resolution) -> None:
    session, ids = resolution
    para = session.draft.paragraph(ids["op2"])
    roman2 = para.subparagraphs[2].id
    ops.bracket_text(session, ids["op2"], 5, 15, sub_id=roman2)
    ops.bracket_text(session, ids["pp2"], 0, 6)
    assert session.draft.bracket_places() == ["preambular paragraph 2", "paragraph 2 (a) (ii)"]
    q = ops.propose(session, ids["pp1"], "Recalling also its earlier decisions,", "blue").subject
    ops.accept_proposal(session, q)
    assert session.draft.paragraph(ids["pp1"]).text.startswith("Recalling also")
    assert session.draft.paragraph(ids["pp1"]).italic_words() == "Recalling"
    record = [session.state_at(e.seq - 1).describe(e) for e in session.events[-2:]]
    assert all("preambular paragraph 1" in line for line in record)


def test_moves_and_strikes_renumber_operative_paragraphs_only(resolution) -> None:
    session, ids = resolution
    ops.strike_paragraph(session, ids["op1"])
    draft = session.draft
    assert [draft.label_of_paragraph(ids[k]) for k in ("pp1", "pp2", "op2", "op3")] == [
        "PP1",
        "PP2",
        "1",
        "2",
    ]
    ops.move_paragraph(session, ids["pp2"], ids["s"], 0)
    assert session.draft.label_of_paragraph(ids["pp2"]) == "PP1"
    assert session.draft.number_of(ids["op3"]) == 2
    change = ops.set_paragraph_kind(session, ids["op3"], "preambular")
    assert session.draft.label_of_paragraph(ids["op3"]) == "PP3"
    session.undo(change)
    assert session.draft.label_of_paragraph(ids["op3"]) == "2"


def test_a_wrong_shape_is_refused_and_changes_nothing(resolution) -> None:
    session, ids = resolution
    before = len(session.events)
    with pytest.raises(DraftError, match="numbered or preambular"):
        ops.insert_paragraph(session, ids["s"], "Text.", kind="annex")
    with pytest.raises(DraftError, match="level 1"):
        ops.add_subparagraph(session, ids["op1"], "deeper", level=3)
    assert len(session.events) == before


def test_italic_opening_words_follow_the_amended_wording(resolution) -> None:
    session, ids = resolution
    assert session.draft.paragraph(ids["pp2"]).italic_words() == "Noting with concern"
    ops.amend_paragraph(session, ids["op1"], "Urges all parties to keep the matter under review;")
    assert session.draft.paragraph(ids["op1"]).italic_words() == "Urges"
    assert italic_span("Recalling, with appreciation,", 1) == "Recalling"
    assert italic_span("", 2) == ""


def test_replay_gives_the_same_shape(resolution, tmp_path: Path) -> None:
    session, ids = resolution
    ops.set_subparagraph_level(
        session, ids["op2"], session.draft.paragraph(ids["op2"]).subparagraphs[3].id, 2
    )
    fingerprint = session.draft.fingerprint()
    path = session.path
    session.close()
    again = Session.open(path)
    try:
        assert again.draft.fingerprint() == fingerprint
    finally:
        again.close()


def test_labels() -> None:
    assert [roman_label(i) for i in (0, 3, 8, 13, 48)] == ["i", "iv", "ix", "xiv", "xlix"]
    assert roman_value("xiv") == 14 and roman_value("abc") is None
    assert [latin_suffix(n) for n in (1, 2, 3)] == ["bis", "ter", "quater"]


class _S:
    def __init__(self, i: int, level: int, struck: bool) -> None:
        self.id, self.level, self.struck = f"s{i}", level, struck


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from([1, 2]), st.booleans()), max_size=14))
def test_sub_labels_count_each_level(shape: list[tuple[int, bool]]) -> None:
    subs = [_S(i, level, struck) for i, (level, struck) in enumerate(shape)]
    labels = sub_labels(subs)
    live = [s for s in subs if not s.struck]
    letters = [labels[s.id] for s in live if s.level == 1]
    assert letters == [chr(97 + i) for i in range(len(letters))]
    run: list[str] = []
    for sub in live + [_S(99, 1, False)]:  # each run of (i)… under one letter counts from i
        if sub.level == 1:
            assert run == [roman_label(i) for i in range(len(run))]
            run = []
        else:
            run.append(labels[sub.id])
