"""The importer against LibreOffice: a Word file's tracked changes imported "all accepted" or "all rejected"
give the paragraphs LibreOffice's own Accept All / Reject All give (through UNO, as test_libreoffice does);
and chairdesk's own report, imported again, has the same structure."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from chairdesk.core.draft.importers import ImportedParagraph, read_draft
from chairdesk.export import export_report

from .resolution import build_resolution
from .test_libreoffice import SCRIPT, SYSTEM_PYTHON  # skips this module too when LibreOffice is missing

MADE = Path(__file__).resolve().parents[1] / "corpus" / "docx-made"
_LABEL = re.compile(r"^\s*(?:\d{1,3}\.|\([a-z]{1,4}\))\s*")


def _libreoffice_paragraphs(source: Path, folder: Path, changes: str) -> list[str]:
    out = folder / f"{changes}.txt"
    job = [{"input": str(source), "output": str(out), "filter": "txt", "changes": changes}]
    subprocess.run(
        [SYSTEM_PYTHON, str(SCRIPT), str(folder / "profile"), json.dumps(job)], check=True, timeout=120
    )
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    return [" ".join(_LABEL.sub("", line).split()) for line in lines if line.strip()]


def _ours(source: Path, view: str) -> list[str]:
    draft = read_draft(source, view)
    return [draft.title] + [p.text for s in draft.sections for p in s.paragraphs()]


def test_accept_all_and_reject_all_match_libreoffice(tmp_path: Path) -> None:
    source = MADE / "tracked-changes.docx"
    assert _ours(source, "accept") == _libreoffice_paragraphs(source, tmp_path, "accept")
    assert _ours(source, "reject") == _libreoffice_paragraphs(source, tmp_path, "reject")


def _structure(draft) -> list:  # noqa: ANN001
    return [
        (s.title, [(i.kind, i.italic, i.text, i.subparagraphs, i.sub_levels, i.notes)
                   if isinstance(i, ImportedParagraph) else i.title for i in s.items])
        for s in draft.sections
    ]  # fmt: skip


def test_the_report_of_a_resolution_imports_with_the_same_structure(tmp_path: Path) -> None:
    session = build_resolution(tmp_path / "res.chairdesk")
    try:
        report = export_report(session, tmp_path / "report.docx")
        draft = session.draft
        expected = [
            (
                draft.sections[sid].title,
                [(p.kind, p.italic, p.text, [s.text for s in p.live_subparagraphs()],
                  [s.level for s in p.live_subparagraphs()], p.notes) for p in draft.live_paragraphs(sid)],
            )
            for sid in draft.order
        ]  # fmt: skip
        title = draft.title
    finally:
        session.close()
    again = read_draft(report)
    assert again.title == title
    assert any(
        p.notes == ["Report of the panel on wetlands, third edition."] for p in again.sections[0].paragraphs()
    )
    assert _structure(again) == expected
    assert any("Committee on Tidal Commons" in line for line in again.summary.dropped)  # the title block


def test_the_sample_like_report_keeps_sections_and_sub_headings(small_session, tmp_path: Path) -> None:  # noqa: ANN001
    report = export_report(small_session, tmp_path / "report.docx")
    again = read_draft(report)
    draft = small_session.draft
    assert again.title == draft.title
    assert [s.title for s in again.sections] == [draft.sections[sid].title for sid in draft.order]
    headings = [i.title for s in again.sections for i in s.items if not isinstance(i, ImportedParagraph)]
    assert headings == ["Recommended next steps"]
    assert [p.text for s in again.sections for p in s.paragraphs()] == [
        p.text for p in draft.live_paragraphs()
    ]
