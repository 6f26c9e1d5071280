"""Real Word files from public test corpora (pandoc, mammoth) and a real resolution, when they are present:
they are kept outside the repository (see CHAIRDESK_WORD_CORPUS in tests/export/test_schema.py) with an
expected.json of facts checked by hand; each imports with those counts and texts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from chairdesk.core.draft.importers import FIRST_SECTION, ImportedParagraph, read_draft
from chairdesk.core.log.errors import DraftImportError

REPO = Path(__file__).resolve().parents[3]
CORPUS = Path(os.environ.get("CHAIRDESK_WORD_CORPUS") or REPO.parent / "shared" / "corpus" / "docx")
EXPECTED = json.loads((CORPUS / "expected.json").read_text()) if (CORPUS / "expected.json").exists() else {}
FILES = {k: v for k, v in EXPECTED.get("files", {}).items() if (CORPUS / k).exists()}
pytestmark = pytest.mark.skipif(not FILES, reason=f"no corpus with expected.json in {CORPUS}")


def _flat(texts: list[str]) -> list[str]:
    return [" ".join(t.replace("\u00a0", " ").split()) for t in texts if t.strip()]


def _all_texts(draft) -> list[str]:  # noqa: ANN001
    out = [draft.title] if draft.title else []
    for section in draft.sections:
        if section.title != FIRST_SECTION or section.key:
            out.append(section.title)
        for item in section.items:
            if isinstance(item, ImportedParagraph):
                out += [item.text, *item.subparagraphs]
            else:
                out.append(item.title)
    return out


@pytest.mark.parametrize("name", sorted(n for n in FILES if n.endswith(".docx")))
def test_real_word_file(name: str) -> None:
    facts = FILES[name]
    path = CORPUS / name
    if facts.get("strict_ooxml"):
        with pytest.raises(DraftImportError, match="Strict Open XML"):
            read_draft(path)
        return
    if not facts["body_paragraphs_with_text"]:
        with pytest.raises(DraftImportError, match="a table"):
            read_draft(path)
        return
    views = ("accept", "reject") if "accept_all" in facts else ("accept",)
    for view in views:
        draft = read_draft(path, view if "accept_all" in facts else None)
        if f"{view}_all" in facts:
            assert _flat(_all_texts(draft)) == _flat(facts[f"{view}_all"]), view
    paragraphs = [p for s in draft.sections for p in s.paragraphs()]
    if "accept_all" not in facts:
        assert len(_all_texts(draft)) == facts["body_paragraphs_with_text"]
    if "footnotes" in facts:
        assert sum(len(p.notes) for p in paragraphs) == facts["footnotes"] + facts["endnotes"]
        assert len(draft.summary.comments) == facts["comments"]
    assert sum("a table" in line for line in draft.summary.dropped) == facts["tables"]
    for words in facts.get("struck_through_text", []):
        assert any(words in line for line in draft.summary.converted)
    if "text" in facts:
        assert _flat(_all_texts(draft)) == _flat(facts["text"])


@pytest.mark.skipif("A_RES_80_51-typed.docx" not in FILES, reason="the resolution is not in the corpus")
def test_the_resolution_typed_and_numbered_by_word_import_identically() -> None:
    typed, auto = (
        read_draft(CORPUS / "A_RES_80_51-typed.docx"),
        read_draft(CORPUS / "A_RES_80_51-autonum.docx"),
    )
    shape = [
        [(p.kind, p.italic, p.text, p.subparagraphs, p.sub_levels) for p in s.paragraphs()]
        for s in typed.sections
    ]
    assert shape == [
        [(p.kind, p.italic, p.text, p.subparagraphs, p.sub_levels) for p in s.paragraphs()]
        for s in auto.sections
    ]
    kinds = FILES["A_RES_80_51-typed.docx"]["paragraphs_by_kind"]
    paragraphs = [p for s in typed.sections for p in s.paragraphs()]
    unnumbered = kinds["front"] + kinds["chapeau"] + kinds["preambular"] + kinds["closing"]
    assert sum(p.kind == "preambular" for p in paragraphs) == unnumbered
    assert sum(p.kind == "numbered" for p in paragraphs) == kinds["operative"]
    assert sum(len(p.subparagraphs) for p in paragraphs) == kinds["sub_paragraphs_level_1"]
    assert [s.title for s in typed.sections][-1].startswith("80/51.")
