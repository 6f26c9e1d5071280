"""LibreOffice, headless, as the real client: the report converts to the same text, and the redline's
Accept All / Reject All (run through UNO) give the current and the tabled text. One soffice start."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from chairdesk.core import drafting as ops
from chairdesk.core.log.session import Session
from chairdesk.export import export_redline, export_report, report_text

from .conftest import build_small_session, fixed_clock
from .three_authors import NOW, TABLED, three_author_session

SYSTEM_PYTHON = "/usr/bin/python3"  # the Debian python that python3-uno belongs to
SCRIPT = Path(__file__).with_name("lo_convert.py")


def _have_uno() -> bool:
    if not shutil.which("soffice") or not Path(SYSTEM_PYTHON).exists():
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


# CI sets CHAIRDESK_REQUIRE_LIBREOFFICE=1 so that a missing LibreOffice fails instead of skipping.
if not _have_uno():
    if os.environ.get("CHAIRDESK_REQUIRE_LIBREOFFICE"):
        raise RuntimeError(
            "LibreOffice tests need soffice and python3-uno (apt-get install libreoffice-writer python3-uno)"
        )
    pytest.skip("needs LibreOffice (libreoffice-writer) and python3-uno", allow_module_level=True)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Session]:
    """Export the small session, then convert everything in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("libreoffice")
    session = build_small_session(folder / "full.chairdesk", full=True)  # adopted: the endorsed report
    export_report(session, folder / "report.docx")
    export_redline(session, folder / "redline.docx")
    with _renumbered_session(folder / "renumbered.chairdesk") as renumbered:
        export_redline(renumbered, folder / "renumbered.docx")
    three, _ = three_author_session(folder / "three.chairdesk")
    with three:
        export_redline(three, folder / "three.docx")
        three_texts = (report_text(three.state), report_text(three.state, three.baseline("tabled")))
    jobs = [
        {"input": "renumbered.docx", "output": "renumbered.pdf", "filter": "pdf", "changes": "keep"},
        {"input": "report.docx", "output": "report.txt", "filter": "txt", "changes": "keep"},
        {"input": "report.docx", "output": "report.pdf", "filter": "pdf", "changes": "keep"},
        {"input": "redline.docx", "output": "accepted.txt", "filter": "txt", "changes": "accept"},
        {"input": "redline.docx", "output": "rejected.txt", "filter": "txt", "changes": "reject"},
        {"input": "redline.docx", "output": "redline.pdf", "filter": "pdf", "changes": "keep"},
        {"input": "three.docx", "output": "three-accepted.txt", "filter": "txt", "changes": "accept"},
        {"input": "three.docx", "output": "three-rejected.txt", "filter": "txt", "changes": "reject"},
    ]
    for job in jobs:
        job["input"], job["output"] = str(folder / job["input"]), str(folder / job["output"])
    subprocess.run(
        [SYSTEM_PYTHON, str(SCRIPT), str(folder / "profile"), json.dumps(jobs)], check=True, timeout=120
    )
    (folder / "three-expected.json").write_text(json.dumps(three_texts), encoding="utf-8")
    yield folder, session
    session.close()


def _renumbered_session(path: Path) -> Session:
    """Twelve paragraphs tabled, then paragraph 1 and a sub-paragraph (a) struck: leads like "11.10." and
    "(c)(b)" in the redline."""
    session = Session.create(path, "Working group", clock=fixed_clock())
    a = ops.add_section(session, "Overview").subject
    for n in range(1, 12):
        ops.insert_paragraph(session, a, f"Paragraph {n} " + "of the text as it was tabled " * (n % 3 + 1))
    last = ops.insert_paragraph(session, a, "States agreed:", subparagraphs=["first;", "second;", "third."])
    ops.mark_baseline(session, "Tabled draft")
    ops.strike_paragraph(session, session.draft.live_paragraphs()[0].id)
    para = session.draft.paragraph(last.subject)
    ops.strike_subparagraph(session, para.id, para.subparagraphs[0].id)
    return session


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").rstrip("\n")


def test_report_text_in_libreoffice_is_the_report(converted: tuple[Path, Session]) -> None:
    folder, session = converted
    assert _text(folder / "report.txt") == report_text(session.state)


def test_accepting_all_changes_gives_the_endorsed_text(converted: tuple[Path, Session]) -> None:
    folder, session = converted
    accepted = _text(folder / "accepted.txt")
    assert accepted == report_text(session.state)
    assert accepted.endswith(
        "6.\tStates met in Geneva to continue the dialogue.\nAdopted and endorsed on 26 November 2026"
    )


def test_rejecting_all_changes_gives_the_tabled_text(converted: tuple[Path, Session]) -> None:
    folder, session = converted
    assert _text(folder / "rejected.txt") == report_text(session.state, session.baseline("tabled"))


def test_three_authors_accept_all_and_reject_all_in_libreoffice(converted: tuple[Path, Session]) -> None:
    """A paragraph edited by Blue, Yellow (deleting Blue's word: nested revisions), Purple and the Chair."""
    folder, _ = converted
    current, tabled = json.loads((folder / "three-expected.json").read_text(encoding="utf-8"))
    accepted, rejected = _text(folder / "three-accepted.txt"), _text(folder / "three-rejected.txt")
    assert accepted == current and f"2.\t{NOW}" in accepted
    assert rejected == tabled and f"2.\t{TABLED}" in rejected


def test_both_convert_to_pdf(converted: tuple[Path, Session]) -> None:
    folder, _ = converted
    for name in ("report.pdf", "redline.pdf"):
        assert (folder / name).read_bytes().startswith(b"%PDF")


XHTML = "{http://www.w3.org/1999/xhtml}"
LEADS = {"paragraph": re.compile(r"^(\d+\.)+$"), "subparagraph": re.compile(r"^(\([a-z]+\))+$")}


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext (poppler-utils)")
def test_redline_text_keeps_its_column_after_old_and_new_numbers(converted: tuple[Path, Session]) -> None:
    folder, _ = converted
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", str(folder / "renumbered.pdf"), "-"], capture_output=True, check=True
    ).stdout
    rows: dict[tuple[int, int], list[tuple[float, float, str]]] = {}  # (page, y) -> words (pdftotext may
    for page_no, page in enumerate(etree.fromstring(layout).iter(f"{XHTML}page")):  # split a line in blocks)
        for word in page.iter(f"{XHTML}word"):
            row = rows.setdefault((page_no, round(float(word.get("yMin")))), [])
            row.append((float(word.get("xMin")), float(word.get("xMax")), word.text))
    starts: dict[str, set[int]] = {"paragraph": set(), "subparagraph": set()}
    leads = []
    for words in rows.values():
        words.sort()
        first = words[0][2]
        if len(words) == 1 or not (first[0].isdigit() or first.startswith("(")):
            continue  # a heading, a continuation line or the page number
        kind = "paragraph" if first[0].isdigit() else "subparagraph"
        assert LEADS[kind].match(first), f"the text runs into the number: {first!r}"
        leads.append(first)
        assert words[1][0] > words[0][1] + 3  # a gap between the lead and the text
        starts[kind].add(round(words[1][0]))
    assert "11.10." in leads and "12.11." in leads and "(c)(b)" in leads
    assert len(starts["paragraph"]) == 1, starts  # one text column, whatever the lead
    assert len(starts["subparagraph"]) == 1, starts
