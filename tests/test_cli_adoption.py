"""The `chairdesk adoption` verb prints where adoption stands, from the session file."""

from __future__ import annotations

from pathlib import Path

import pytest

from chairdesk.cli import main
from chairdesk.core import adoption, drafting
from chairdesk.core.log.session import Session
from chairdesk.sample import build_sample_session


def test_adoption_verb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = build_sample_session(tmp_path / "sample.chairdesk")
    with Session.open(path) as session:
        a, b = session.draft.order[:2]
        adoption.take_up(session, b)
        adoption.record_objection(session, b, "BLU", "Premature.")
        adoption.take_up(session, a)
        for para in session.draft.live_paragraphs(a):
            while "[" in session.draft.paragraph(para.id).text:
                text = session.draft.paragraph(para.id).text
                drafting.unbracket_text(session, para.id, text.index("["))
        adoption.adopt_section(session, a)
    assert main(["adoption", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "✔*  A. Overview — adopted as amended"
    assert lines[1].startswith("▶   B. Rules, norms") and lines[1].endswith("objection by Team Blue")
    assert lines[2].strip().startswith("standing objection: Team Blue (")
    assert lines[2].endswith("): Premature.")
    assert lines[5] == "Adopted:   1 of 4 sections; open brackets left: 4; pending proposals left: 2"
    assert (
        lines[6]
        == "Report:    The report cannot yet be moved for adoption: sections B, C and D are not adopted."
    )
    assert lines[8].endswith("chair  objection, section B — by Team Blue: Premature.")
    assert lines[-1].endswith("chair  adopted as amended, section A")


def test_adoption_verb_names_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["adoption", str(tmp_path / "nope.chairdesk")]) == 2
    assert "nope.chairdesk: no such file" in capsys.readouterr().err
