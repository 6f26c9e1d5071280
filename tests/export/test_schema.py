"""Exports a strict Word reader accepts: every part of every DOCX export is valid against the ISO/IEC 29500
Transitional schemas and passes the bookkeeping checks (tests/ooxml), checked first on Word-saved files."""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from docx.oxml import OxmlElement
from lxml import etree

from chairdesk.core import adoption, floor
from chairdesk.core import drafting as ops
from chairdesk.core.adoption.votes import SIMPLE_MAJORITY
from chairdesk.core.floor.operations import set_roster
from chairdesk.core.log.session import Session
from chairdesk.export import export_redline, export_report
from chairdesk.export.base import add_child
from chairdesk.export.record_docx import export_record_docx
from chairdesk.resources import resource_path
from tests.ooxml.validate_docx import main as validate_main
from tests.ooxml.validate_docx import validate_docx

from .conftest import ROSTER, _debate_and_adopt, build_small_session, fixed_clock

REPO = Path(__file__).resolve().parents[2]
# Word-saved files from public repositories may not be committed here (tests/ooxml/README.md): they are read
# from CHAIRDESK_WORD_CORPUS, or from shared/corpus/docx beside the checkout where the steering side keeps them.
CORPUS = Path(os.environ.get("CHAIRDESK_WORD_CORPUS") or REPO.parent / "shared" / "corpus" / "docx")
WORD_FILES = sorted(p.name for p in CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not WORD_FILES, reason=f"no Word-saved DOCX files in {CORPUS}")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _xml(path: Path, part: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


# ------------------------------------------------------------------ the method, on Word's own files
@needs_corpus
@pytest.mark.parametrize("name", WORD_FILES or ["none"])
def test_word_saved_files_validate(name: str) -> None:
    assert validate_docx(CORPUS / name) == {}


@needs_corpus
def test_the_word_saved_files_hold_what_chairdesk_writes() -> None:
    """The corpus is a fair check: Word's own tracked changes, moves, comments and extension markup."""
    xml = "".join(_xml(p, "word/document.xml") for p in CORPUS.glob("*.docx"))
    for tag in ("<w:ins ", "<w:del ", "<w:delText", "<w:moveFrom ", "<w:moveTo ", "<w:commentRangeStart"):
        assert tag in xml, tag
    assert "mc:Ignorable=" in xml and "w16" in xml  # Word 2016 markup, removed by Markup Compatibility


# ------------------------------------------------------------------ sessions
def _sample_after_a_sitting(folder: Path) -> Session:
    """The bundled sample (a copy), then a sitting: one proposal accepted, one set aside, a debate."""
    path = folder / "sample-sitting.chairdesk"
    shutil.copyfile(resource_path("samples", "oewg-ict-security.chairdesk"), path)
    with Session.open(path) as session:
        last = datetime.fromisoformat(session.events[-1].ts)
    session = Session.open(path, clock=fixed_clock(last + timedelta(days=1)))
    yellow, green = sorted(session.state.draft.proposals.values(), key=lambda q: q.delegation != "YEL")
    ops.accept_proposal(session, yellow.id)
    ops.set_aside_proposal(session, green.id)
    section = session.draft.order[1]
    for code in ("BLU", "YEL", "GRN"):
        floor.request_floor(session, code, section=section)
    for _ in range(3):
        floor.next_speaker(session)
        floor.end_intervention(session)
    return session


def _every_kind_of_change(folder: Path) -> Session:
    """The small session, then every kind of change the redline shows, a vote, a debate, adoption."""
    session = build_small_session(folder / "every-change.chairdesk")
    set_roster(session, ROSTER)
    overview, measures, capacity = session.draft.order
    listed = next(p for p in session.draft.live_paragraphs(measures) if p.live_subparagraphs())
    ops.add_subparagraph(session, listed.id, "a registry of national contacts;", index=0, actor="blue")
    subparagraphs = session.draft.paragraph(listed.id).live_subparagraphs()
    ops.move_subparagraph(session, listed.id, subparagraphs[-1].id, 0)
    aside = ops.propose(session, listed.id, "States agreed on nothing.", "green").subject
    adoption.record_vote(
        session, "proposal", aside, SIMPLE_MAJORITY, totals={"yes": 1, "no": 4, "abstain": 1}
    )
    ops.set_aside_proposal(session, aside)
    forward = ops.add_section(session, "Way forward", index=0).subject
    ops.insert_paragraph(
        session, forward, "The group will report in 2027.", subparagraphs=["first;", "second."]
    )
    heading = ops.add_subheading(session, forward, "Follow-up").subject
    ops.retitle_subheading(session, heading, "Follow-up and review")
    ops.remove_section(session, overview)
    ops.move_section(session, capacity, 1)
    kept = session.draft.live_paragraphs(capacity)[0]
    ops.bracket_text(session, kept.id, 0, 8)
    ops.unbracket_text(session, kept.id, 1)
    ops.mark_baseline(session, "Second reading")
    ops.amend_paragraph(session, kept.id, kept.text + " and sustainable", actor="red")
    _debate_and_adopt(session)  # the floor with a point of order, an objection, every section and the report
    return session


SESSIONS: dict[str, Callable[[Path], Session]] = {
    "small": lambda folder: build_small_session(folder / "small.chairdesk", full=True),
    "sample": lambda folder: Session.open(
        shutil.copyfile(resource_path("samples", "oewg-ict-security.chairdesk"), folder / "sample.chairdesk")
    ),
    "sample-sitting": _sample_after_a_sitting,
    "every-change": _every_kind_of_change,
}
EXPORTS: dict[str, Callable[[Session, Path], Path]] = {
    "report": export_report,
    "redline": export_redline,
    "redline-last": lambda session, path: export_redline(session, path, baseline="last"),
    "record": export_record_docx,
}


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Session]]:
    """Each session built once for the module (the exports only read them)."""
    folder = tmp_path_factory.mktemp("schema")
    opened = {name: build(folder) for name, build in SESSIONS.items()}
    yield opened
    for session in opened.values():
        session.close()


@pytest.mark.parametrize("export", EXPORTS)
@pytest.mark.parametrize("name", SESSIONS)
def test_every_export_is_schema_valid(
    name: str, export: str, sessions: dict[str, Session], tmp_path: Path
) -> None:
    out = EXPORTS[export](sessions[name], tmp_path / f"{name}-{export}.docx")
    assert validate_docx(out) == {}


def test_the_scripted_session_has_every_kind_of_change(sessions: dict[str, Session], tmp_path: Path) -> None:
    """What the validation above covers: each revision kind in the redline, the chart in the records."""
    redline = export_redline(sessions["every-change"], tmp_path / "redline.docx")
    document, comments = _xml(redline, "word/document.xml"), _xml(redline, "word/comments.xml")
    assert "<w:ins " in document and "<w:del " in document and "<w:delText" in document
    assert '<w:pPr><w:pStyle w:val="ChairdeskSubparagraph"/><w:rPr><w:ins ' in document
    assert "moved here" in comments
    assert "Way forward" in document and "Follow-up and review" in document
    kinds = {e.kind for e in sessions["every-change"].events}
    assert {
        "draft.subparagraph.move",
        "draft.proposal.set_aside",
        "adoption.object",
        "adoption.vote",
    } <= kinds
    assert sessions["every-change"].state.adoption.report_adopted
    for name in ("every-change", "sample-sitting", "small"):
        record = export_record_docx(sessions[name], tmp_path / f"{name}-record.docx")
        with zipfile.ZipFile(record) as z:
            assert any(n.startswith("word/media/") and n.endswith(".png") for n in z.namelist()), name


# ------------------------------------------------------------------ the check catches what it should
def _mutated(source: Path, target: Path, part: str, change: Callable[[etree._Element], None]) -> Path:
    """A copy of source with one part's XML changed."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == part:
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(item, data)
    return target


def _title_border_last(root: etree._Element) -> None:
    """The old bug: ChairdeskTitle's w:pBdr appended after w:spacing, w:ind and w:jc."""
    ppr = root.find(f"{{{W}}}style[@{{{W}}}styleId='ChairdeskTitle']/{{{W}}}pPr")
    ppr.append(ppr.find(f"{{{W}}}pBdr"))


def _zoom_without_percent(root: etree._Element) -> None:
    del root.find(f"{{{W}}}zoom").attrib[f"{{{W}}}percent"]


def _deleted_text_outside_its_deletion(root: etree._Element) -> None:
    deletion = next(d for d in root.iter(f"{{{W}}}del") if d.find(f"{{{W}}}r/{{{W}}}delText") is not None)
    deletion.addnext(deletion[0])  # the w:r with its w:delText, now outside the w:del


def _duplicate_revision_id(root: etree._Element) -> None:
    first, second = list(root.iter(f"{{{W}}}ins"))[:2]
    second.set(f"{{{W}}}id", first.get(f"{{{W}}}id"))


MUTATIONS = {
    "pBdr after jc": ("word/styles.xml", _title_border_last, "w:pBdr", "This element is not expected"),
    "zoom without percent": ("word/settings.xml", _zoom_without_percent, "w:zoom", "w:percent"),
    "delText outside w:del": (
        "word/document.xml",
        _deleted_text_outside_its_deletion,
        "w:delText",
        "outside",
    ),
    "revision id twice": ("word/document.xml", _duplicate_revision_id, "revision id", "used 2 times"),
}


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_a_misordered_or_broken_element_in_a_test_copy_is_reported(
    mutation: str, small_session: Session, tmp_path: Path
) -> None:
    part, change, *expected = MUTATIONS[mutation]
    good = export_redline(small_session, tmp_path / "redline.docx")
    assert validate_docx(good) == {}
    bad = _mutated(good, tmp_path / "copy.docx", part, change)
    errors = validate_docx(bad)
    assert list(errors) == [part]
    assert errors[part] and all(text in message for message in errors[part] for text in expected), errors


def test_add_child_puts_an_element_at_its_schema_position() -> None:
    ppr = OxmlElement("w:pPr")
    for tag in ("w:pStyle", "w:spacing", "w:ind", "w:jc"):
        ppr.append(OxmlElement(tag))
    add_child(ppr, OxmlElement("w:pBdr"))
    assert [etree.QName(c).localname for c in ppr] == ["pStyle", "pBdr", "spacing", "ind", "jc"]
    with pytest.raises(KeyError, match="w:sectPr in w:pPr"):
        add_child(ppr, OxmlElement("w:sectPr"))


def test_the_command_line_prints_each_part_and_fails_on_an_error(
    small_session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = export_report(small_session, tmp_path / "report.docx")
    bad = _mutated(good, tmp_path / "copy.docx", "word/styles.xml", _title_border_last)
    assert validate_main([str(good)]) == 0
    assert f"{good}:word/document.xml  OK" in capsys.readouterr().out
    assert validate_main([str(bad)]) == 1
    assert f"{bad}:word/styles.xml  ERROR (1) /w:styles/w:style" in capsys.readouterr().out
