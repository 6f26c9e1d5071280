"""Comparing two versions: word diffs, the tracked-changes walk with ghosts, and the crosswalk sentences."""

from __future__ import annotations

import pytest

from chairdesk.core import drafting
from chairdesk.core.draft.compare import apply_diff, compare, new_text, old_text, word_diff


def test_word_diff_keeps_words_whole() -> None:
    diff = word_diff(
        "Member States are invited to share views.", "Member States stress the need to share views."
    )
    assert old_text(diff) == "Member States are invited to share views."
    assert new_text(diff) == "Member States stress the need to share views."
    assert ("delete", "are invited") in diff
    assert ("insert", "stress the need") in diff


@pytest.mark.parametrize(
    ("old", "new", "deleted", "inserted"),
    [
        ("States decided", "States de\u0301cided", "decided", "de\u0301cided"),  # a combining accent
        (
            "\u0909\u0938\u0928\u0947 \u0915\u0939\u093e",
            "\u0909\u0938\u0928\u0947 \u0915\u0939\u0940",
            "\u0915\u0939\u093e",
            "\u0915\u0939\u0940",
        ),  # Hindi vowel signs
        (
            "\u0642\u0627\u0644 \u0645\u062d\u0645\u062f",
            "\u0642\u0627\u0644 \u0645\u064f\u062d\u0645\u062f",
            "\u0645\u062d\u0645\u062f",
            "\u0645\u064f\u062d\u0645\u062f",
        ),  # Arabic harakat
        (
            "Team \U0001f44d\U0001f3fd agrees",
            "Team \U0001f44d\U0001f3ff agrees",
            "\U0001f44d\U0001f3fd",
            "\U0001f44d\U0001f3ff",
        ),  # skin tone
        (
            "a \U0001f469\u200d\U0001f4bb b",
            "a \U0001f469\u200d\U0001f52c b",
            "\U0001f469\u200d\U0001f4bb",
            "\U0001f469\u200d\U0001f52c",
        ),  # ZWJ
    ],
)
def test_word_diff_never_splits_a_letter_from_its_marks(
    old: str, new: str, deleted: str, inserted: str
) -> None:
    # A redline must not show a lone accent, vowel sign or skin tone as the change inside a word.
    diff = word_diff(old, new)
    assert ("delete", deleted) in diff and ("insert", inserted) in diff
    assert apply_diff(old, diff) == new


def test_apply_diff_refuses_a_diff_for_another_text() -> None:
    diff = word_diff("one two three", "one three")
    assert apply_diff("one two three", diff) == "one three"
    with pytest.raises(ValueError):
        apply_diff("one four three", diff)


def test_walk_shows_moves_as_ghosts_and_strikes_in_place(small_session) -> None:
    session, ids = small_session
    drafting.mark_baseline(session, "Tabled draft")
    drafting.move_paragraph(session, ids["p1"], ids["B"])
    drafting.strike_paragraph(session, ids["p3"])
    drafting.amend_paragraph(session, ids["p5"], "The group will meet again in July.")
    new = drafting.insert_paragraph(session, ids["A"], "A new closing paragraph.").subject
    comparison = compare(session.baseline(), session.draft)
    walk = [(e.kind, e.id, e.status) for e in comparison.walk()]
    assert walk == [
        ("section", ids["A"], "unchanged"),
        ("ghost", ids["p1"], "moved"),
        ("paragraph", ids["p2"], "unchanged"),
        ("paragraph", new, "inserted"),
        ("section", ids["B"], "unchanged"),
        ("paragraph", ids["p3"], "struck"),
        ("subheading", ids["h"], "unchanged"),
        ("paragraph", ids["p4"], "unchanged"),
        ("paragraph", ids["p5"], "amended"),
        ("paragraph", ids["p1"], "moved"),
    ]
    p5 = comparison.paragraphs[ids["p5"]]
    assert p5.diff[-1] == ("equal", ".") and ("insert", " in July") in p5.diff
    assert comparison.describe_crosswalk() == [
        "former 1 is now 5",
        "former 2 is now 1",
        "3 was struck",
        "former 4 is now 3",
        "former 5 is now 4",
        "2 is new",
    ]


def test_walk_from_a_later_point_back_to_an_earlier_one(small_session) -> None:
    session, ids = small_session
    start = len(session.events)
    extra = drafting.insert_paragraph(session, ids["A"], "Added later.").subject
    later = len(session.events)
    comparison = compare(session.draft_at(later), session.draft_at(start))
    entries = [(e.kind, e.id, e.status) for e in comparison.walk() if e.kind != "section"]
    assert ("paragraph", extra, "struck") in entries
    assert comparison.describe_crosswalk() == [
        "3 was struck",
        "former 4 is now 3",
        "former 5 is now 4",
        "former 6 is now 5",
    ]


def test_removed_section_and_subparagraph_changes(small_session) -> None:
    session, ids = small_session
    drafting.mark_baseline(session, "Tabled draft")
    p4 = session.draft.paragraph(ids["p4"])
    drafting.strike_subparagraph(session, ids["p4"], p4.subparagraphs[0].id)
    drafting.add_subparagraph(session, ids["p4"], "report back.")
    drafting.remove_section(session, ids["A"])
    comparison = compare(session.baseline(), session.draft)
    subs = [(s.status, s.old_letter, s.new_letter) for s in comparison.paragraphs[ids["p4"]].subparagraphs]
    assert subs == [("struck", "a", None), ("unchanged", "b", "a"), ("inserted", None, "b")]
    walk = [(e.kind, e.id, e.status) for e in comparison.walk()]
    assert walk[:3] == [
        ("section", ids["A"], "removed"),
        ("paragraph", ids["p1"], "struck"),
        ("paragraph", ids["p2"], "struck"),
    ]


def test_walk_back_shows_a_later_subheading_as_removed(small_session) -> None:
    session, ids = small_session
    start = len(session.events)
    heading = drafting.add_subheading(session, ids["A"], "Background", before=ids["p2"]).subject
    comparison = compare(session.draft, session.draft_at(start))
    walk = [(e.kind, e.id, e.status) for e in comparison.walk()]
    assert walk[:4] == [
        ("section", ids["A"], "unchanged"),
        ("paragraph", ids["p1"], "unchanged"),
        ("subheading", heading, "removed"),
        ("paragraph", ids["p2"], "unchanged"),
    ]


def test_a_rewrite_of_a_very_long_paragraph_still_diffs_exactly() -> None:
    """Past the diff budget the diff is coarser, never wrong (benchmarks/core_bench.py times it)."""
    import random

    from chairdesk.core.draft.compare import apply_diff, old_text, word_diff

    rng = random.Random(7)
    old = " ".join(f"w{rng.randrange(10**6)}" for _ in range(6000))
    new = " ".join(f"w{rng.randrange(10**6)}" for _ in range(6000))
    diff = word_diff(old, new)
    assert apply_diff(old, diff) == new
    assert old_text(diff) == old


def test_removing_brackets_is_the_removal_of_the_two_signs() -> None:
    """Not "[transboundary]" deleted and "transboundary" inserted again: the words stay, the signs go."""
    assert word_diff("States [transboundary] cooperation", "States transboundary cooperation") == [
        ("equal", "States "),
        ("delete", "["),
        ("equal", "transboundary"),
        ("delete", "]"),
        ("equal", " cooperation"),
    ]
    assert word_diff("States transboundary cooperation", "States [transboundary] cooperation") == [
        ("equal", "States "),
        ("insert", "["),
        ("equal", "transboundary"),
        ("insert", "]"),
        ("equal", " cooperation"),
    ]
    # brackets removed and a word changed elsewhere in the same step: both told apart
    assert word_diff("[regular] exchanges of data", "regular exchanges of information") == [
        ("delete", "["),
        ("equal", "regular"),
        ("delete", "]"),
        ("equal", " exchanges of "),
        ("delete", "data"),
        ("insert", "information"),
    ]
    # a bracketed word replaced is still a replacement of the whole
    assert word_diff("[regular] exchanges", "frequent exchanges") == [
        ("delete", "[regular]"),
        ("insert", "frequent"),
        ("equal", " exchanges"),
    ]


def _sample_sections() -> list[str]:
    """The paragraphs of each section of the bundled OEWG sample joined into one long text (real wording)."""
    import json
    from pathlib import Path

    sample = Path(__file__).resolve().parents[3] / "resources" / "samples" / "oewg-ict-security.json"
    sections = json.loads(sample.read_text(encoding="utf-8"))["sections"]
    return [" ".join(p["text"] if isinstance(p, dict) else p for p in s["paragraphs"]) for s in sections]


def test_an_alternative_wording_of_a_long_paragraph_is_shown_replaced() -> None:
    """A paragraph put in another's place (an "Alt" proposal, a rewrite) is not cut into dozens of changes
    around the words and signs the two happen to share ("the", ", "): its words are deleted and the other's
    inserted, after the words they begin with alike and before those they end with."""
    first, second = _sample_sections()[:2]
    old, new = f"The working group {first}", f"The working group {second}"
    assert len(old.split()) > 100 and len(new.split()) > 100
    diff = word_diff(old, new)
    assert [op for op, _ in diff] == ["equal", "delete", "insert", "equal"]
    assert diff[0][1].startswith("The working group ")
    assert apply_diff(old, diff) == new and old_text(diff) == old and new_text(diff) == new


def test_a_long_paragraph_edited_word_by_word_keeps_the_words_it_kept() -> None:
    """Heavily amended, one word in four replaced, the same paragraph is still a diff word by word."""
    text = _sample_sections()[0]
    words = text.split(" ")
    edited = " ".join("amended" if k % 4 == 3 else word for k, word in enumerate(words))
    diff = word_diff(text, edited)
    changed = sum(1 for k, word in enumerate(words) if k % 4 == 3 and word != "amended")
    assert sum(1 for op, _ in diff if op == "insert") == changed
    assert apply_diff(text, diff) == edited
    kept = "".join(part for op, part in diff if op == "equal")
    assert len(kept) > len(text) / 2
