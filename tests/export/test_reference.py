"""Reference files: the small fixed session exports to a document.xml equal to the stored one.

After an intended change of the output, regenerate with CHAIRDESK_UPDATE_REFERENCE=1 and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from lxml import etree

from chairdesk.core.log.session import Session
from chairdesk.export import export_redline, export_report

from .docx_text import body_xml

REFERENCE = Path(__file__).resolve().parent.parent / "reference"
VOLATILE = re.compile(r"^\{[^}]*\}rsid")


def normalised(path: Path) -> str:
    """document.xml without volatile attributes (w:rsid*), pretty-printed so a diff reads well."""
    root = body_xml(path)
    for element in root.iter():
        for name in [n for n in element.attrib if VOLATILE.match(n)]:
            del element.attrib[name]
    return etree.tostring(root, pretty_print=True, encoding="unicode")


@pytest.mark.parametrize("kind", ["report", "redline"])
def test_document_xml_matches_the_reference(kind: str, small_session: Session, tmp_path: Path) -> None:
    exporter = export_report if kind == "report" else export_redline
    actual = normalised(exporter(small_session, tmp_path / f"{kind}.docx"))
    reference = REFERENCE / f"{kind}-document.xml"
    if os.environ.get("CHAIRDESK_UPDATE_REFERENCE"):
        reference.write_text(actual, encoding="utf-8")
    assert actual == reference.read_text(encoding="utf-8")
