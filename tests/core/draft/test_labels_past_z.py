"""Labels past Z: sections AA, AB, … and sub-paragraphs (aa), (ab), … in order, never reversed."""

from __future__ import annotations

from chairdesk.core import drafting
from chairdesk.core.draft.model import section_label, subparagraph_label
from chairdesk.export import report_text


def test_section_labels_run_like_spreadsheet_columns() -> None:
    labels = [section_label(i) for i in range(800)]
    assert labels[:3] == ["A", "B", "C"] and labels[25] == "Z"
    assert labels[26:29] == ["AA", "AB", "AC"] and labels[51:53] == ["AZ", "BA"]
    assert labels[701:703] == ["ZZ", "AAA"]
    assert len(set(labels)) == len(labels)
    assert labels == sorted(labels, key=lambda label: (len(label), label))  # in order: AB before BA
    assert [subparagraph_label(i) for i in (0, 25, 26, 27, 52)] == ["a", "z", "aa", "ab", "ba"]


def test_a_draft_of_28_sections_and_28_sub_paragraphs(small_session) -> None:
    session, ids = small_session
    for n in range(26):
        drafting.add_section(session, f"Section {n + 3}")
    order = session.draft.order
    assert [session.draft.numbering().label[s] for s in order[25:]] == ["Z", "AA", "AB"]
    for n in range(26):
        drafting.add_subparagraph(session, ids["p4"], f"item {n + 3};")
    para = session.draft.paragraphs[ids["p4"]]
    assert len(para.live_subparagraphs()) == 28
    text = report_text(session.state)
    assert "(z)\titem 26;" in text and "(aa)\titem 27;" in text and "(ab)\titem 28;" in text
    assert "AA. Section 27" in text and "AB. Section 28" in text
