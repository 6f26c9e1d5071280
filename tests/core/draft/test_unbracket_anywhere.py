"""Removing brackets works wherever the cursor is in the bracketed words, not only on the "["."""

from __future__ import annotations

import pytest

from chairdesk.core import drafting
from chairdesk.core.draft.brackets import remove_brackets
from chairdesk.core.log.errors import BracketError

TEXT = "States [small and] developing countries [agree]."


@pytest.mark.parametrize("position", [7, 8, 12, 17, 18])
def test_any_position_inside_the_pair_removes_it(position: int) -> None:
    assert remove_brackets(TEXT, position) == "States small and developing countries [agree]."


def test_outside_any_pair_is_refused() -> None:
    with pytest.raises(BracketError):
        remove_brackets(TEXT, 2)


def test_unbracket_through_the_api_with_the_cursor_mid_word(small_session) -> None:
    session, ids = small_session
    text = session.draft.paragraphs[ids["p2"]].text  # "States [invited] each other to share views."
    drafting.unbracket_text(session, ids["p2"], text.index("vited"))
    assert session.draft.paragraphs[ids["p2"]].text == "States invited each other to share views."
