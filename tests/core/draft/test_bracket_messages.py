"""What the chair reads when brackets are wrong: the place, the character and the words around it (twenty
characters either side, "…" where the text goes on); and brackets round the very first or last words."""

from __future__ import annotations

import pytest

from chairdesk.core import drafting
from chairdesk.core.draft.brackets import add_brackets, bracket_spans, remove_brackets
from chairdesk.core.log.errors import BracketError, DraftError


def test_nested_brackets_are_named_with_the_words_around_them() -> None:
    text = "States [invited] each other to share views on [binding [obligations] in the coming years."
    with pytest.raises(BracketError) as raised:
        bracket_spans(text, "paragraph 2")
    assert str(raised.value) == (
        'Nested square brackets in paragraph 2 at character 56: "…e views on [binding [obligations] in the…". '
        "Close the bracket opened at character 47 first."
    )


def test_a_closing_bracket_near_the_start_shows_the_text_from_its_start() -> None:
    with pytest.raises(BracketError) as raised:
        bracket_spans("a ] b", "paragraph 2")
    assert str(raised.value) == 'A "]" with no opening "[" in paragraph 2 at character 3: "a ] b".'
    with pytest.raises(BracketError) as raised:
        bracket_spans("States ] agreed to meet again next year in Geneva.", "paragraph 3")
    assert str(raised.value).endswith('at character 8: "States ] agreed to meet aga…".')


def test_a_bracket_never_closed() -> None:
    text = "The working group met in three sessions and noted [the progress made in the field of ICT security"
    with pytest.raises(BracketError) as raised:
        bracket_spans(text, "paragraph 1")
    assert str(raised.value) == (
        'A "[" is never closed in paragraph 1 (opened at character 51): "… sessions and noted [the progress made i…".'
    )


def test_the_first_and_the_last_words_can_be_bracketed() -> None:
    assert add_brackets("States invited each other.", 0, 6) == "[States] invited each other."
    assert add_brackets("States invited each other.", 20, 26) == "States invited each [other.]"
    assert add_brackets("States", 0, 6) == "[States]"
    for start, end in ((3, 3), (-1, 4), (4, 30)):
        with pytest.raises(BracketError, match="Select some words in the text to bracket"):
            add_brackets("States invited each other.", start, end)
    assert remove_brackets("[States] invited", 0) == "States invited"
    assert remove_brackets("States [invited]", 16) == "States invited"


def test_bracketing_the_opening_word_of_a_paragraph(small_session) -> None:
    session, ids = small_session
    drafting.bracket_text(session, ids["p1"], 0, 3)
    assert session.draft.paragraphs[ids["p1"]].text == "[The] working group met in three sessions."
    with pytest.raises(DraftError):
        drafting.bracket_text(session, ids["p1"], 1, 8)  # would split the bracket just made
