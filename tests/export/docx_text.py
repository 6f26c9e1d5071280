"""Reading exported DOCX files back: paragraph texts, and the text after accepting or rejecting revisions."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def body_xml(path: Path) -> etree._Element:
    """The parsed word/document.xml of a DOCX file."""
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _run_text(run: etree._Element, deleted: bool) -> str:
    out = []
    for child in run:
        if child.tag == _q("tab"):
            out.append("\t")
        elif child.tag == _q("t" if not deleted else "delText"):
            out.append(child.text or "")
    return "".join(out)


def revision_view(path: Path, view: str) -> list[str]:
    """Paragraph texts after accepting ("accept") or rejecting ("reject") every revision in the body."""
    drop, keep = ("del", "ins") if view == "accept" else ("ins", "del")
    paragraphs: list[str] = []
    buffer = ""
    for para in body_xml(path).iter(_q("p")):
        for run in para.iter(_q("r")):
            parent = run.getparent()
            # A deletion nested in another author's insertion goes with either: accepting deletes it,
            # rejecting takes the insertion back.
            if any(ancestor.tag == _q(drop) for ancestor in run.iterancestors()):
                continue
            buffer += _run_text(run, deleted=parent.tag == _q("del"))
        mark = para.find("w:pPr/w:rPr", NS)
        if mark is not None and mark.find(f"w:{drop}", NS) is not None:
            continue  # this paragraph mark goes away: the text joins the next paragraph
        paragraphs.append(buffer)
        buffer = ""
    del keep
    return paragraphs


def revisions(path: Path) -> list[tuple[str, str, str, str]]:
    """(ins|del, author, date, text) for every revision in the body, in order (marks have empty text)."""
    out = []
    for element in body_xml(path).iter(_q("ins"), _q("del")):
        kind = "ins" if element.tag == _q("ins") else "del"
        text = "".join(_run_text(r, kind == "del") for r in element.iter(_q("r")))
        out.append((kind, element.get(_q("author")), element.get(_q("date")), text))
    return out


def all_paragraph_texts(path: Path) -> list[str]:
    """Every paragraph's text with inserted and deleted text both shown (tabs as \\t)."""
    return [
        "".join(_run_text(r, r.getparent().tag == _q("del")) for r in para.iter(_q("r")))
        for para in body_xml(path).iter(_q("p"))
    ]
