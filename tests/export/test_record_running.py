"""No intervention is dropped: one still running at the report's adoption or at the export is in the record."""

from __future__ import annotations

from pathlib import Path

import docx

from chairdesk.core import adoption, floor
from chairdesk.core import drafting as ops
from chairdesk.core.floor.operations import set_roster
from chairdesk.core.log.session import Session
from chairdesk.export import export_record
from chairdesk.export.record import build_record

from .conftest import ROSTER, fixed_clock


def _adopted_while_blue_speaks(path: Path) -> Session:
    session = Session.create(path, "Working group", clock=fixed_clock())
    set_roster(session, ROSTER)
    a = ops.add_section(session, "Overview").subject
    ops.insert_paragraph(session, a, "States met in Geneva.")
    ops.mark_baseline(session, "Tabled draft")
    floor.request_floor(session, "yellow")
    floor.next_speaker(session)  # Yellow speaks, then ends: a finished intervention
    floor.end_intervention(session)
    floor.request_floor(session, "blue")
    floor.next_speaker(session)  # Blue has the floor (09:09) ...
    adoption.take_up(session, a)
    adoption.adopt_section(session, a)
    adoption.adopt_report(session)  # ... and still has it when the report is adopted (09:12)
    return session


def test_an_intervention_running_at_the_adoption_and_export_is_in_the_record(tmp_path: Path) -> None:
    with _adopted_while_blue_speaks(tmp_path / "r.chairdesk") as session:
        start = session.state.floor.current.start_ts
        record = build_record(session, now="2026-11-26T09:20:00+00:00")
        rows = [(i.delegation, i.what, i.duration) for i in record.interventions]
        assert rows == [
            ("Yellow", "speaker", "1:00"),
            (
                "Blue",
                "speaker (running when the report was adopted (09:12:00 UTC) and at the time of export "
                "(09:20:00 UTC))",
                "11:00 so far",
            ),
        ]
        assert start.startswith("2026-11-26T09:09")
        blue = next(d for d in record.figures.delegations if d.code == "blue")
        assert (blue.interventions, blue.speaking_seconds) == (1, 660.0)  # counted in the figures too
        markdown = export_record(session, tmp_path / "record.md").read_text(encoding="utf-8")
        assert "| Blue | speaker (running when the report was adopted (09:12:00 UTC)" in markdown
        assert "so far" in markdown
        document = docx.Document(str(export_record(session, tmp_path / "record.docx")))
        cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
        assert any(c.startswith("speaker (running when the report was adopted") for c in cells)


def test_a_paused_intervention_at_export_counts_its_time_so_far(tmp_path: Path) -> None:
    with Session.create(tmp_path / "p.chairdesk", "Working group", clock=fixed_clock()) as session:
        set_roster(session, ROSTER)
        floor.request_floor(session, "green")
        floor.next_speaker(session)  # 09:03
        floor.pause_timer(session)  # 09:04: one minute spoken
        record = build_record(session, now="2026-11-26T10:00:00+00:00")
        assert [(i.delegation, i.what, i.duration) for i in record.interventions] == [
            ("Green", "speaker (paused at the time of export (10:00:00 UTC))", "1:00 so far")
        ]
