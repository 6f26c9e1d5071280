"""The house styles as a secretariat finds them in Word's style pane, read back from the exported styles.xml.

The report and the redline use named paragraph styles ("Chairdesk Paragraph", "Chairdesk Section", …) so a
secretariat can restyle the whole document in one place. This is the reference of what those styles say:
size, bold and italic, colour, indents and hanging numbers, spacing before and after, centring, the tab the
number stops at; also the page (A4, 2.5 cm margins), the page number field in the footer and the zoom.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from chairdesk.core.log.session import Session
from chairdesk.export import export_redline, export_report

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAVY = "1F2A44"
CM = 567  # twips in a centimetre, as Word rounds it


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _val(parent: etree._Element | None, tag: str, attribute: str = "val") -> str | None:
    """The attribute of a child element; a toggle (<w:b/>) with no value reads "on", a missing one None."""
    found = None if parent is None else parent.find(_w(tag))
    if found is None:
        return None
    return found.get(_w(attribute), "on" if attribute == "val" else None)


def chairdesk_styles(path: Path) -> dict[str, dict[str, str | None]]:
    """Each Chairdesk style of a DOCX file: what Word shows for it, as strings from styles.xml."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/styles.xml"))
    found = {}
    for style in root.iter(_w("style")):
        name = _val(style, "name")
        if not name or not name.startswith("Chairdesk"):
            continue
        ppr, rpr = style.find(_w("pPr")), style.find(_w("rPr"))
        tabs = [] if ppr is None or ppr.find(_w("tabs")) is None else list(ppr.find(_w("tabs")))
        border = None if ppr is None else ppr.find(_w("pBdr"))
        found[name] = {
            "type": style.get(_w("type")),
            "based on": _val(style, "basedOn"),
            "size": _val(rpr, "sz"),
            "bold": _val(rpr, "b"),
            "italic": _val(rpr, "i"),
            "colour": _val(rpr, "color"),
            "letter spacing": _val(rpr, "spacing"),
            "left": _val(ppr, "ind", "left"),
            "first line": _val(ppr, "ind", "firstLine"),
            "hanging": _val(ppr, "ind", "hanging"),
            "before": _val(ppr, "spacing", "before"),
            "after": _val(ppr, "spacing", "after"),
            "centred": _val(ppr, "jc"),
            "keep with next": _val(ppr, "keepNext"),
            "tab": ",".join(t.get(_w("pos")) for t in tabs) or None,
            "rule below": _val(border, "bottom"),
            "quick style": "yes" if style.find(_w("qFormat")) is not None else None,
        }
    return found


def style(based_on: str, size_pt: float, *, bold: bool = False, italic: bool = False, navy: bool = False,
          left: int = 0, first: int = 0, hanging: int = 0, before_pt: float = 0, after_pt: float = 0,
          centred: bool = False, **extra: str | None) -> dict[str, str | None]:
    """A style as the house style describes it (sizes in points, indents in twips)."""
    return {
        "type": "paragraph",
        "based on": based_on,
        "size": str(int(size_pt * 2)),
        "bold": "on" if bold else "0",
        "italic": "on" if italic else "0",
        "colour": NAVY if navy else None,
        "letter spacing": None,
        "left": str(left),
        "first line": None if hanging else str(first),
        "hanging": str(hanging) if hanging else None,
        "before": str(int(before_pt * 20)),
        "after": str(int(after_pt * 20)),
        "centred": "center" if centred else None,
        "keep with next": None,
        "tab": str(left) if left else None,
        "rule below": None,
        "quick style": "yes",
        **extra,
    }


def house_styles(number_cm: float = 1.0, letter_cm: float = 1.0) -> dict[str, dict[str, str | None]]:
    """The Chairdesk styles of the report (the redline widens the number's and the letter's hanging indent)."""
    number, letter = round(number_cm * CM), round(letter_cm * CM)
    return {
        "Chairdesk Title": style("Title", 18, bold=True, navy=True, after_pt=6, centred=True,
                                 **{"letter spacing": "0", "rule below": "nil"}),
        "Chairdesk Document Title": style("Subtitle", 14, bold=True, navy=True, before_pt=12, after_pt=18,
                                          centred=True, **{"letter spacing": "0"}),
        "Chairdesk Body": style("Normal", 11, after_pt=6, centred=True),
        "Chairdesk Text": style("Normal", 11, after_pt=6),
        "Chairdesk Meeting": style("Normal", 11, italic=True, after_pt=6, centred=True),
        "Chairdesk Section": style("Heading1", 13, bold=True, navy=True, before_pt=18, after_pt=6,
                                   **{"keep with next": "on"}),
        "Chairdesk Subheading": style("Heading2", 11.5, italic=True, navy=True, before_pt=12, after_pt=6),
        "Chairdesk Paragraph": style("Normal", 11, left=number, hanging=number, after_pt=8),
        "Chairdesk Subparagraph": style("Normal", 11, left=number + letter, hanging=letter, after_pt=6),
        "Chairdesk Subsubparagraph": style("Normal", 11, left=number + 2 * letter, hanging=letter, after_pt=6),
        "Chairdesk Preambular": style("Normal", 11, first=CM, after_pt=8),
        "Chairdesk Closing": style("Normal", 11, italic=True, before_pt=24),
        "Chairdesk Draft Mark": style("Header", 10, bold=True, centred=True),
        "Chairdesk Footer": style("Footer", 9, centred=True),
        "Chairdesk Table Text": style("Normal", 9, before_pt=1, after_pt=1),
        "Chairdesk Table Heading": style("Normal", 9, bold=True, before_pt=1, after_pt=1),
    }


def _exported(kind: str, session: Session, folder: Path) -> Path:
    exporter = export_report if kind == "report" else export_redline
    return exporter(session, folder / f"{kind}.docx")


@pytest.mark.parametrize("kind", ["report", "redline"])
def test_the_house_styles_read_back_from_the_export(kind: str, small_session: Session, tmp_path: Path) -> None:
    found = chairdesk_styles(_exported(kind, small_session, tmp_path))
    expected = house_styles() if kind == "report" else house_styles(number_cm=1.75, letter_cm=1.4)
    for name, properties in expected.items():
        assert name in found, f"{name} missing from the {kind}"
        assert found[name] == properties, name


def test_the_redline_hangs_its_double_numbers_wider_than_the_report(small_session: Session, tmp_path: Path) -> None:
    report = chairdesk_styles(_exported("report", small_session, tmp_path))
    redline = chairdesk_styles(_exported("redline", small_session, tmp_path))
    assert int(redline["Chairdesk Paragraph"]["hanging"]) > int(report["Chairdesk Paragraph"]["hanging"])
    assert report["Chairdesk Paragraph"]["hanging"] == report["Chairdesk Paragraph"]["left"]


@pytest.mark.parametrize("kind", ["report", "redline"])
def test_the_page_footer_and_zoom(kind: str, small_session: Session, tmp_path: Path) -> None:
    path = _exported(kind, small_session, tmp_path)
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        footer = etree.fromstring(archive.read("word/footer1.xml"))
        settings = etree.fromstring(archive.read("word/settings.xml"))
    section = body.find(f".//{_w('sectPr')}")
    size, margins = section.find(_w("pgSz")), section.find(_w("pgMar"))
    assert (size.get(_w("w")), size.get(_w("h"))) == ("11906", "16838")  # A4 portrait
    assert [margins.get(_w(side)) for side in ("top", "right", "bottom", "left")] == ["1417"] * 4  # 2.5 cm
    first = footer.find(_w("p"))
    assert _val(first.find(_w("pPr")), "pStyle") == "ChairdeskFooter"
    run = first.find(_w("r"))
    assert [(child.tag.split("}")[1], child.get(_w("fldCharType")) or child.text) for child in run] == [
        ("fldChar", "begin"), ("instrText", " PAGE "), ("fldChar", "separate"), ("t", "1"), ("fldChar", "end"),
    ]
    zoom = settings.find(_w("zoom"))
    assert zoom.get(_w("percent")) == "100"
