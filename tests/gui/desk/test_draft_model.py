"""The draft model updated change by change shows exactly what a model built afresh shows."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from chairdesk.core import drafting
from chairdesk.core.log.errors import ChairdeskError
from chairdesk.core.log.session import Session
from chairdesk.gui.desk.draft_model import DraftModel
from chairdesk.gui.settings import DeskSettings
from chairdesk.sample import build_sample_session


def snapshot(model: DraftModel) -> list[tuple]:
    """What the view would draw, row by row."""
    return [(r.kind, r.id, r.number, r.tooltip, model.rows.html(i)) for i, r in enumerate(model.rows.rows)]


def random_step(session: Session, rng: random.Random) -> None:
    """One of the chair's moves on a random paragraph (refusals are fine: nothing is written)."""
    draft = session.draft
    live = draft.numbering().paragraphs
    pid = rng.choice(live)
    struck = [p.id for p in draft.paragraphs.values() if p.struck]
    step = rng.randrange(9)
    try:
        if step == 0:
            drafting.amend_paragraph(session, pid, draft.paragraphs[pid].text + f" word{rng.randrange(99)}.")
        elif step == 1 and len(live) > 3:
            drafting.strike_paragraph(session, pid)
        elif step == 2 and struck:
            drafting.restore_paragraph(session, rng.choice(struck))
        elif step == 3:
            drafting.move_paragraph(session, pid, rng.choice(draft.order), rng.randrange(6))
        elif step == 4:
            drafting.insert_paragraph(session, draft.paragraphs[pid].section, "A new paragraph.", after=pid)
        elif step == 5:
            drafting.propose(session, pid, "Proposed words.", rng.choice(["BLU", "YEL", "RED"]))
        elif step == 6 and draft.pending_proposals():
            drafting.accept_proposal(session, rng.choice(draft.pending_proposals()).id)
        elif step == 7:
            drafting.add_subparagraph(session, pid, "a lettered point;")
        elif step == 8:
            drafting.retitle_section(session, rng.choice(draft.order), f"Title {rng.randrange(99)}")
    except ChairdeskError:
        pass


@pytest.mark.parametrize("mode", ["tabled", "last", "clean"])
def test_incremental_updates_match_a_fresh_model(qapp, tmp_path: Path, mode: str) -> None:  # noqa: ANN001
    path = build_sample_session(tmp_path / "sample.chairdesk")
    rng = random.Random(7)
    with Session.open(path) as session:
        for _ in range(5):
            random_step(session, rng)
        drafting.mark_baseline(session, "Second reading")
        model = DraftModel(session, mode)
        session.subscribe(model.apply_change)
        snapshot(model)  # every row drawn once, so stale rich text would show
        for _ in range(60):
            random_step(session, rng)
            assert snapshot(model) == snapshot(DraftModel(session, mode))
            assert model.rowCount() == len(model.rows.rows)
            for k, row in enumerate(model.rows.rows):  # found where it is, wherever it was found before
                if row.kind in ("paragraph", "section") and k % 3 == 0:
                    assert model.row_of(row.kind, row.id) == k
                    assert model.row_of(row.kind, row.id, near=len(model.rows.rows) - 1 - k) == k  # a poor hint


def test_settings_survive_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "settings.json"
    broken.write_text("{ not json")
    settings = DeskSettings.load(broken)
    assert settings.recent_files == [] and settings.point_size >= 9
    settings.remember(tmp_path / "a.chairdesk")
    settings.remember(tmp_path / "b.chairdesk")
    settings.remember(tmp_path / "a.chairdesk")
    again = DeskSettings.load(broken)
    assert [Path(p).name for p in again.recent_files] == ["a.chairdesk", "b.chairdesk"]
