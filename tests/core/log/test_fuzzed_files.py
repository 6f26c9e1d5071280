"""Fuzzed session files: bytes flipped, cut or overwritten anywhere in a real session file are either opened
(and then verify and export without a traceback) or refused with a ChairdeskError naming the file."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chairdesk.core import drafting
from chairdesk.core.log.errors import ChairdeskError
from chairdesk.core.log.session import Session
from chairdesk.export import export_record, export_report

_ORIGINAL: dict[str, bytes] = {}


def _original() -> bytes:
    if "file" not in _ORIGINAL:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "seed.chairdesk"
            with Session.create(path, "Fuzz") as session:
                section = drafting.add_section(session, "Overview").subject
                for n in range(30):
                    drafting.insert_paragraph(session, section, f"Paragraph {n} [of] the draft text.")
                drafting.mark_baseline(session, "Tabled draft")
            _ORIGINAL["file"] = path.read_bytes()
    return _ORIGINAL["file"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_fuzzed_file_is_opened_or_refused_cleanly(data: st.DataObject) -> None:
    raw = bytearray(_original())
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(raw) - 1))
        if data.draw(st.booleans()):
            raw[at] = data.draw(st.integers(0, 255))
        else:
            raw[at : at + 16] = data.draw(st.binary(min_size=16, max_size=16))
    if data.draw(st.integers(0, 5)) == 0:
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / "fuzzed.chairdesk"
        path.write_bytes(bytes(raw))
        try:
            session = Session.open(path)
        except ChairdeskError as error:
            assert str(path) in str(error)
            return
        with session:
            session.verify()
            try:
                export_report(session, folder / "report.docx", force=True)
                export_record(session, folder / "record.md", force=True)
            except ChairdeskError:
                pass
    finally:
        shutil.rmtree(folder)


def test_the_seed_file_opens() -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / "seed.chairdesk"
        path.write_bytes(_original())
        with Session.open(path) as session:
            assert session.verify().ok
    finally:
        shutil.rmtree(folder)
