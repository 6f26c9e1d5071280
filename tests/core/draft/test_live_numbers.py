"""The one-pass live numbering gives the labels of the general numbering walk in live mode."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from chairdesk.core.draft.numbering import LIVE, NUMBERED, PREAMBULAR, Walked, live_numbers, paragraph_labels
from tests.hypothesis_support import examples


@dataclass
class Para:
    """A paragraph as the numbering sees it."""

    kind: str
    struck: bool


@settings(max_examples=examples(200, 2000), deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.tuples(st.sampled_from([NUMBERED, PREAMBULAR]), st.booleans())), max_size=40
    )
)
def test_live_numbers_equal_the_walk(items: list) -> None:
    ids = [f"i{k}" for k in range(len(items))]
    paragraphs = {pid: Para(*item) for pid, item in zip(ids, items, strict=True) if item is not None}
    walked = [Walked(pid, paragraphs[pid].kind, paragraphs[pid].struck) for pid in ids if pid in paragraphs]
    shown, number = paragraph_labels(walked, LIVE, {})
    order, fast_number, fast_shown, numbered = live_numbers(ids, paragraphs)
    assert (fast_shown, fast_number) == (shown, number)
    assert order == [w.id for w in walked if not w.struck]
    assert numbered == [pid for pid in order if pid in number]


def test_preambular_and_operative_counted_apart() -> None:
    paragraphs = {"a": Para(PREAMBULAR, False), "b": Para(NUMBERED, True), "c": Para(NUMBERED, False)}
    assert live_numbers(["a", "h1", "b", "c"], paragraphs)[2] == {"a": "PP1", "c": "1"}
