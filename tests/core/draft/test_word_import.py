"""Word files in: the made corpus (written by LibreOffice from our own flat ODT sources, see
tests/corpus/docx-made/README.md) imports with the counts checked by hand; typed and automatic numbering
import identically; tracked changes are never half-applied; content controls, smart tags and hyperlinks
keep their words; chairdesk's own report comes back with the same structure."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from chairdesk.core.draft.importers import (
    ImportedParagraph,
    create_session_from_draft,
    new_session_from,
    read_draft,
)
from chairdesk.core.log.errors import DraftImportError

from ..conftest import file_digest

MADE = Path(__file__).resolve().parents[2] / "corpus" / "docx-made"

# Counted by hand from the sources in make_corpus.py (and checked in LibreOffice's view of each DOCX):
# sections, sub-headings, preambular, numbered, sub-paragraphs (a), (i), notes, dropped, comments.
EXPECTED = {
    "resolution-typed.docx": ("Stewardship of shared tidal waters", 1, 0, 5, 5, 3, 2, 1, 1, 1),
    "resolution-numbered.docx": ("Stewardship of shared tidal waters", 1, 0, 5, 5, 3, 2, 1, 1, 1),
    "report-chapters.docx": ("Report of the meeting of experts on tidal waters", 2, 1, 0, 4, 2, 0, 0, 0, 0),
}


def shape(draft) -> list[tuple]:  # noqa: ANN001
    """Everything that makes the imported structure, for comparing two imports."""
    return [
        (s.title, [(i.kind, i.italic, i.text, i.subparagraphs, i.sub_levels, i.notes)
                   if isinstance(i, ImportedParagraph) else ("heading", i.title) for i in s.items])
        for s in draft.sections
    ]  # fmt: skip


def counts(draft) -> tuple:  # noqa: ANN001
    paragraphs = [p for s in draft.sections for p in s.paragraphs()]
    levels = [v for p in paragraphs for v in p.sub_levels]
    return (
        draft.title,
        len(draft.sections),
        sum(len(s.items) - len(s.paragraphs()) for s in draft.sections),
        sum(p.kind == "preambular" for p in paragraphs),
        sum(p.kind == "numbered" for p in paragraphs),
        levels.count(1),
        levels.count(2),
        sum(len(p.notes) for p in paragraphs),
        len(draft.summary.dropped),
        len(draft.summary.comments),
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_made_corpus_imports_with_the_counts_checked_by_hand(name: str) -> None:
    draft = read_draft(MADE / name)
    assert counts(draft) == EXPECTED[name]
    summary = "\n".join(draft.summary_lines())
    if EXPECTED[name][8]:
        assert "a table (2 rows \u00d7 2 columns) after paragraph 16 of the file" in summary
    if EXPECTED[name][9]:
        assert "Secretariat on paragraph 14 of the file" in summary and "agreed word" in summary


def test_typed_and_word_numbered_resolutions_import_identically() -> None:
    typed, numbered = (
        read_draft(MADE / "resolution-typed.docx"),
        read_draft(MADE / "resolution-numbered.docx"),
    )
    assert shape(typed) == shape(numbered)
    ops = [p for p in typed.sections[0].paragraphs() if p.kind == "numbered"]
    assert [p.text.split()[0] for p in ops] == ["Decides", "Requests", "Encourages", "Invites", "Decides"]
    assert ops[1].sub_levels == [1, 1, 2, 2, 1]
    assert ops[2].text == "Encourages members to share what they learn through the network portal;"
    pp = typed.sections[0].paragraphs()[3]
    assert (pp.kind, pp.italic, pp.notes) == (
        "preambular",
        3,
        ["Report of the panel on tidal habitats, second edition."],
    )


TRACKED = MADE / "tracked-changes.docx"
ACCEPTED = [
    "Recalling its decision on river mouths and coastal dunes,",
    "Noting the work of the regional bodies,",
    "Urges members to share their data every year with the secretariat;",
    "Requests the secretariat to report in writing at the next session;",
    "Decides to keep the matter under review.",
]
REJECTED = [
    "Recalling its decision on river mouths,",
    "Noting the work of the regional bodies,",
    "Urges all members to share their data with the secretariat;",
    "Requests the secretariat to report in writing at the next session;",
    "Also invites observers to take part.",
    "Decides to keep the matter under review.",
]


def _texts(draft) -> list[str]:  # noqa: ANN001
    return [p.text for s in draft.sections for p in s.paragraphs()]


def test_tracked_changes_are_accepted_or_rejected_whole(tmp_path: Path) -> None:
    assert _texts(read_draft(TRACKED, "accept")) == ACCEPTED
    assert _texts(read_draft(TRACKED, "reject")) == REJECTED
    summary = "\n".join(read_draft(TRACKED, "accept").summary_lines())
    assert "5 tracked changes by Delegation of Norland and Delegation of Southmark: all accepted" in summary
    assert 'the words "in writing" are struck through by hand' in summary


def test_tracked_changes_without_a_choice_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.chairdesk"
    before = file_digest(TRACKED)
    with pytest.raises(DraftImportError, match="--revisions accept|reject|record") as caught:
        create_session_from_draft(TRACKED, target)
    assert "Delegation of Norland" in str(caught.value) and str(TRACKED) in str(caught.value)
    assert not target.exists() and file_digest(TRACKED) == before


def test_recorded_tracked_changes_are_credited_to_their_authors(tmp_path: Path) -> None:
    imported = read_draft(TRACKED, "record")
    session = new_session_from(imported, tmp_path / "rec.chairdesk")
    try:
        tabled = session.baseline("tabled")
        assert [p.text for p in tabled.live_paragraphs()] == REJECTED
        assert [p.text for p in session.draft.live_paragraphs()] == ACCEPTED
        seq = tabled.baselines[0].seq
        changes = [(e.kind, e.actor) for e in session.events if e.seq > seq]
        assert changes == [
            ("draft.paragraph.amend", "Delegation of Norland"),
            ("draft.paragraph.amend", "Delegation of Southmark"),
            ("draft.paragraph.strike", "Delegation of Norland"),
        ]
    finally:
        session.close()


def _inject(path: Path, old: str, new: str) -> Path:
    """Rewrite word/document.xml of a python-docx file (to hold XML python-docx cannot write)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].decode().replace(old, new).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_content_controls_smart_tags_and_hyperlinks_keep_their_words(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("MARK-ONE")
    document.add_paragraph("MARK-TWO")
    path = tmp_path / "wrapped.docx"
    document.save(path)
    run = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    _inject(
        path,
        "<w:r><w:t>MARK-ONE</w:t></w:r>",
        run.format("States meet ")
        + '<w:smartTag w:uri="urn:x" w:element="place"><w:smartTag w:uri="urn:x" w:element="City">'
        + run.format("in the host city")
        + "</w:smartTag></w:smartTag>"
        + '<w:hyperlink r:id="" w:anchor="x">'
        + run.format(" every year")
        + "</w:hyperlink>"
        + run.format("."),
    )
    _inject(
        path,
        "<w:p><w:r><w:t>MARK-TWO</w:t></w:r></w:p>",
        "<w:sdt><w:sdtPr/><w:sdtContent><w:p>" + run.format("Text held in a content control.")
        + "</w:p></w:sdtContent></w:sdt>",
    )  # fmt: skip
    assert _texts(read_draft(path)) == [
        "States meet in the host city every year.",
        "Text held in a content control.",
    ]


def test_a_custom_style_based_on_a_heading_is_a_heading(tmp_path: Path) -> None:
    document = docx.Document()
    chapter = document.styles.add_style("Chapter Title", WD_STYLE_TYPE.PARAGRAPH)
    chapter.base_style = document.styles["Heading 1"]
    point = document.styles.add_style("Point Title", WD_STYLE_TYPE.PARAGRAPH)
    point.base_style = document.styles["Heading 2"]
    document.add_paragraph("I. Organization", style="Chapter Title")
    document.add_paragraph("Attendance", style="Point Title")
    document.add_paragraph("1. Twelve members attended.")
    path = tmp_path / "custom.docx"
    document.save(path)
    draft = read_draft(path)
    assert [s.title for s in draft.sections] == ["Organization"]
    assert draft.sections[0].items[0].title == "Attendance"


def test_strict_and_alternate_main_parts(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("The only paragraph.")
    plain = tmp_path / "plain.docx"
    document.save(plain)
    with zipfile.ZipFile(plain) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    moved = dict(parts)
    moved["word/main.xml"] = moved.pop("word/document.xml")
    moved["word/_rels/main.xml.rels"] = moved.pop("word/_rels/document.xml.rels")
    moved["_rels/.rels"] = moved["_rels/.rels"].replace(b"word/document.xml", b"word/main.xml")
    moved["[Content_Types].xml"] = moved["[Content_Types].xml"].replace(
        b"/word/document.xml", b"/word/main.xml"
    )
    alternate = tmp_path / "alternate.docx"
    with zipfile.ZipFile(alternate, "w") as archive:
        for name, data in moved.items():
            archive.writestr(name, data)
    assert _texts(read_draft(alternate)) == ["The only paragraph."]
    strict = dict(parts)
    strict["word/document.xml"] = strict["word/document.xml"].replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    strict_path = tmp_path / "strict.docx"
    with zipfile.ZipFile(strict_path, "w") as archive:
        for name, data in strict.items():
            archive.writestr(name, data)
    with pytest.raises(DraftImportError, match='save it as "Word Document \\(.docx\\)"'):
        read_draft(strict_path)


def test_markdown_marks_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(
        "---\ntitle: ignored\n---\n# Resolution on tides\n\n"
        "*Recalling* its [decision](https://example.org/d) on tides,[^1]\n\n---\n\n"
        "1. *Decides* to meet again;\n(a) in spring;\n(i) at the coast;\n\n"
        "[^1]: See the earlier decision.\n",
        encoding="utf-8",
    )
    draft = read_draft(path)
    pp, op = draft.sections[0].paragraphs()
    assert (pp.kind, pp.italic, pp.text, pp.notes) == (
        "preambular",
        1,
        "Recalling its decision on tides,",
        ["See the earlier decision."],
    )
    assert (op.kind, op.italic, op.subparagraphs, op.sub_levels) == (
        "numbered",
        1,
        ["in spring;", "at the coast;"],
        [1, 2],
    )
    assert "front matter" in "\n".join(draft.summary_lines())


def test_new_session_keeps_the_shape(tmp_path: Path) -> None:
    session = new_session_from(read_draft(MADE / "resolution-numbered.docx"), tmp_path / "r.chairdesk")
    try:
        draft = session.draft
        labels = [draft.label_of_paragraph(p.id) for p in draft.live_paragraphs()]
        assert labels == ["PP1", "PP2", "PP3", "PP4", "PP5", "1", "2", "3", "4", "5"]
        requests = draft.paragraph_by_number(2)
        assert [requests.sub_references()[s.id] for s in requests.subparagraphs] == [
            "(a)", "(b)", "(b) (i)", "(b) (ii)", "(c)"
        ]  # fmt: skip
        assert draft.paragraph_by_label("PP4").notes == [
            "Report of the panel on tidal habitats, second edition."
        ]
    finally:
        session.close()


def test_list_number_styles_give_their_level(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Decides to act;", style="List Number")
    document.add_paragraph("first part;", style="List Number 2")
    document.add_paragraph("deeper part;", style="List Number 3")
    document.add_paragraph("Requests more;", style="List Number")
    path = tmp_path / "styles.docx"
    document.save(path)
    first, second = read_draft(path).sections[0].paragraphs()
    assert (first.subparagraphs, first.sub_levels) == (["first part;", "deeper part;"], [1, 2])
    assert second.text == "Requests more;" and second.kind == "numbered"


def test_text_boxes_are_converted_and_hidden_text_is_named(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("BOX-HERE")
    document.add_paragraph("HIDDEN-HERE")
    path = tmp_path / "boxes.docx"
    document.save(path)
    _inject(
        path,
        "<w:r><w:t>BOX-HERE</w:t></w:r>",
        '<w:r><w:t xml:space="preserve">The host paragraph.</w:t></w:r><w:r><w:pict><v:shape '
        'xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>Words in a box.'
        "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>",
    )
    _inject(
        path,
        "<w:r><w:t>HIDDEN-HERE</w:t></w:r>",
        '<w:r><w:t xml:space="preserve">Shown words.</w:t></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> Hidden words.</w:t></w:r>',
    )
    draft = read_draft(path)
    assert _texts(draft) == ["The host paragraph.", "Words in a box.", "Shown words."]
    summary = "\n".join(draft.summary_lines())
    assert (
        "a text box in paragraph 1 of the file: its text follows that paragraph as 1 paragraph(s)" in summary
    )
    assert 'hidden text "Hidden words." in paragraph 3 of the file' in summary


def test_recorded_changes_reach_sub_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    for text in (
        "1. Requests the secretariat:",
        "(a) to gather OLD-WORD data;",
        "NEW-SUB",
        "2. Decides to meet.",
    ):
        document.add_paragraph(text)
    path = tmp_path / "subs.docx"
    document.save(path)
    ins = '<w:ins w:id="{}" w:author="Delegation of Eastport" w:date="2026-11-02T09:00:00Z">{}</w:ins>'
    _inject(
        path,
        "<w:r><w:t>(a) to gather OLD-WORD data;</w:t></w:r>",
        '<w:r><w:t xml:space="preserve">(a) to gather </w:t></w:r>'
        '<w:del w:id="1" w:author="Delegation of Westport" w:date="2026-11-02T09:00:00Z"><w:r>'
        '<w:delText xml:space="preserve">old </w:delText></w:r></w:del><w:r><w:t>data;</w:t></w:r>',
    )
    _inject(
        path,
        "<w:p><w:r><w:t>NEW-SUB</w:t></w:r></w:p>",
        '<w:p><w:pPr><w:rPr><w:ins w:id="2" w:author="Delegation of Eastport" w:date="2026-11-02T09:00:00Z"/>'
        "</w:rPr></w:pPr>" + ins.format(3, "<w:r><w:t>(b) to publish them.</w:t></w:r>") + "</w:p>",
    )
    session = new_session_from(read_draft(path, "record"), tmp_path / "subs.chairdesk")
    try:
        tabled = session.baseline("tabled").paragraph_by_number(1)
        assert [s.text for s in tabled.live_subparagraphs()] == ["to gather old data;"]
        now = session.draft.paragraph_by_number(1)
        assert [s.text for s in now.live_subparagraphs()] == ["to gather data;", "to publish them."]
        seq = session.baseline("tabled").baselines[0].seq
        changes = [(e.kind, e.actor) for e in session.events if e.seq > seq]
        assert changes == [
            ("draft.subparagraph.amend", "Delegation of Westport"),
            ("draft.subparagraph.add", "Delegation of Eastport"),
        ]
    finally:
        session.close()
