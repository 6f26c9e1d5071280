"""The moves' matching blocks equal difflib's SequenceMatcher on every reordering of distinct paragraphs."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from chairdesk.core.draft.compare import matched
from tests.hypothesis_support import examples


@st.composite
def reorderings(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A section's paragraphs in order, and the same paragraphs after some moves (or shuffled)."""
    a = [f"p{k}" for k in range(draw(st.integers(0, 40)))]
    b = list(a)
    if b and draw(st.booleans()):
        b = draw(st.permutations(b))
    else:
        for source, target in draw(st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99)), max_size=8)):
            if b:
                b.insert(target % (len(b)), b.pop(source % len(b)))
    return a, list(b)


@settings(max_examples=examples(300, 3000), deadline=None)
@given(reorderings())
def test_matched_equals_difflib(orders: tuple[list[str], list[str]]) -> None:
    a, b = orders
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    assert sorted(matched(a, b)) == sorted(a[block.a + k] for block in blocks for k in range(block.size))


def test_one_paragraph_moved_up_is_the_only_one_left_out() -> None:
    a = ["p1", "p2", "p3", "p4", "p5"]
    assert sorted(matched(a, ["p4", "p1", "p2", "p3", "p5"])) == ["p1", "p2", "p3", "p5"]
