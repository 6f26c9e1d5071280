"""The draft view's rows' heights and tops, kept as rows come, go and change (row_heights.py, plain Python)."""

from __future__ import annotations

from itertools import accumulate

from hypothesis import given
from hypothesis import strategies as st

from chairdesk.gui.desk.row_heights import RowHeights

HEIGHT = st.integers(min_value=1, max_value=400)
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("insert"), st.integers(0, 40), st.lists(HEIGHT, min_size=1, max_size=5)),
        st.tuples(st.just("remove"), st.integers(0, 40), st.integers(1, 5)),
        st.tuples(st.just("set"), st.integers(0, 40), HEIGHT),
    ),
    max_size=30,
)


@given(st.lists(HEIGHT, max_size=40), STEPS)
def test_the_tops_are_the_running_sum_of_the_heights_after_any_change(start: list[int], steps: list) -> None:
    rows = RowHeights()
    rows.reset([object() for _ in start], start)
    heights = list(start)
    tops = [0, *accumulate(heights)]
    for kind, at, value in steps:
        if kind == "insert":
            at = min(at, len(heights))
            rows.insert(at, [object() for _ in value], value)
            heights[at:at] = value
        elif kind == "remove" and heights:
            at = min(at, len(heights) - 1)
            rows.remove(at, value)
            del heights[at : at + value]
        elif kind == "set" and heights:
            at = min(at, len(heights) - 1)
            assert rows.set(at, object(), value) == (heights[at] != value)
            heights[at] = value
        tops = [0, *accumulate(heights)]
        assert rows.heights == heights and len(rows.rows) == len(heights)
        assert rows.tops() == tops and rows.total() == tops[-1]
    for at, top in enumerate(tops[:-1]):  # every pixel row falls in the row that covers it
        assert rows.row_at(top) == at and rows.row_at(top + heights[at] - 1) == at
    assert rows.row_at(-1) is None and rows.row_at(rows.total()) is None


def test_a_change_sums_the_tops_once_when_next_asked_for() -> None:
    rows = RowHeights()
    rows.reset(["a", "b", "c"], [10, 20, 30])
    assert rows.top(2) == 30
    tops = rows.tops()
    assert rows.tops() is tops  # kept while nothing changes
    rows.set(0, "a", 10)  # the same height: nothing to sum again
    assert rows.tops() is tops
    rows.set(0, "a2", 15)
    assert rows.top(2) == 35 and rows.rows[0] == "a2"
