"""The recorded sample (a morning of the working group) is a true session a facilitator can replay."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from chairdesk.cli import main
from chairdesk.core.log.session import Session
from chairdesk.core.replay.operations import Replay
from chairdesk.resources import resources_dir
from chairdesk.sample import SAMPLES, build_sample_session, ensure_sample_copy


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_session(tmp_path_factory.mktemp("sample") / "recorded.chairdesk", "recorded")


def _events(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT seq, ts, kind, actor, payload, hash FROM events ORDER BY seq").fetchall()


def test_the_shipped_file_is_what_the_script_records_today(recorded: Path) -> None:
    shipped = resources_dir() / "samples" / f"{SAMPLES['recorded']}.chairdesk"
    assert _events(shipped) == _events(recorded), (
        "resources/samples/oewg-recorded.chairdesk is stale: rebuild it with "
        "`python -m chairdesk.sample resources/samples/oewg-recorded.chairdesk recorded`"
    )


def test_the_morning_ends_with_every_section_adopted_and_the_report_open(recorded: Path) -> None:
    with Session.open(recorded, read_only=True) as session:
        adoption = session.state.adoption
        assert [adoption.section_status(sid) for sid in session.draft.order] == ["adopted as amended"] * 4
        assert not adoption.report_adopted
        assert not session.draft.pending_proposals()
        assert session.state.floor.current is None


def test_a_point_of_order_suspends_team_blue_and_blue_resumes(recorded: Path) -> None:
    with Session.open(recorded, read_only=True) as session:
        replay = Replay(session)
        during = replay.state_at(replay.seq_at(datetime(2026, 11, 24, 10, 30, 50, tzinfo=UTC)))
        assert during.floor.current.delegation == "ORA"
        assert during.floor.current.kind == "point of order"
        assert during.floor.suspended.delegation == "BLU"
        after = replay.state_at(replay.seq_at(datetime(2026, 11, 24, 10, 32, tzinfo=UTC)))
        assert after.floor.current.delegation == "BLU"
        assert after.floor.suspended is None


def test_three_teams_are_credited_with_their_own_words_in_paragraph_3(recorded: Path, capsys) -> None:  # noqa: ANN001
    assert main(["replay", str(recorded), "--at", "10:15"]) == 0
    printed = capsys.readouterr().out
    assert (
        "3. States expressed concern at the growing number and sophistication of malicious ICT activities "
        "targeting critical infrastructure, including hospitals and other health-care facilities, energy and "
        "water supply and [financial institutions]." in printed
    )
    record = recorded.with_suffix(".md")
    assert main(["export", str(recorded), "--record", str(record)]) == 0
    text = record.read_text(encoding="utf-8")
    for line in (
        "| 10:04:30 | Text change | Team Blue inserted 'hospitals and other' in paragraph 3. |",
        "| 10:08:30 | Text change | Team Yellow replaced 'grids' with 'and water supply' in paragraph 3. |",
        "| 10:11:30 | Text change | Team Orange inserted 'and sophistication' in paragraph 3. |",
        "| 10:28:00 | Objection | Objection by Team Red to section B: Paragraph 9 prejudges the discussion on "
        "further legally binding obligations. |",
        "| 10:37:20 | Adoption step | Team Red withdrew its objection to section B, Rules, norms and principles "
        "of responsible State behaviour. |",
    ):
        assert line in text
    assert "4 in favour, 1 against, 1 abstention (6 present); carried." in text


def test_the_chairs_copy_is_the_shipped_file_and_stays_apart(tmp_path: Path) -> None:
    copy = ensure_sample_copy(tmp_path, "recorded")
    assert copy == tmp_path / "samples" / "oewg-recorded.chairdesk"
    assert _events(copy) == _events(resources_dir() / "samples" / "oewg-recorded.chairdesk")

