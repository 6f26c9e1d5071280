"""Write the flat ODT sources of the made corpus and let LibreOffice write them as Word documents.

Run from the repository root:  python tests/corpus/docx-made/make_corpus.py
It writes NAME.fodt (kept, so the source of each DOCX can be read) and converts each with
`soffice --headless --convert-to docx`, so every DOCX here is written by a real word processor. The texts
are our own words, in the shape of a UN resolution; nothing is copied from a published document.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
STYLES = """
<office:styles>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
   style:parent-style-name="Heading" style:default-outline-level="1"/>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
   style:parent-style-name="Heading" style:default-outline-level="2"/>
 <style:style style:name="Chapter_20_heading" style:display-name="Chapter heading" style:family="paragraph"
   style:parent-style-name="Heading_20_1"/>
 <style:style style:name="Preamble" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-indent="1.27cm"/>
 </style:style>
 <text:list-style style:name="Operative">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
  <text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/>
  <text:list-level-style-number text:level="3" style:num-prefix="(" style:num-suffix=")" style:num-format="i"/>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="S" style:family="text">
  <style:text-properties style:text-line-through-style="solid" style:text-line-through-type="single"/>
 </style:style>
</office:automatic-styles>
"""

PREAMBLE = [
    ("Recalling", " its earlier decisions on the care of estuaries and coastal wetlands,"),
    ("Reaffirming", " the value of cooperation among coastal and riverside members,"),
    ("Noting with concern", " the steady loss of salt marshes and mangrove forests,{note}"),
    ("Welcoming", " the offer of the host city to convene a meeting of experts,"),
]
OPERATIVE = [
    ("Decides", " to set up an informal network of focal points on tidal waters;", []),
    (
        "Requests",
        " the secretariat:",
        [
            ("to gather the data sent in by members;", []),
            (
                "to prepare a summary of good practice, covering:",
                ["the restoration of salt marshes;", "the monitoring of water quality;"],
            ),
            ("to report on its work at the next session;", []),
        ],
    ),
    ("Encourages", " members to share what they learn through the {link}{comment};", []),
    ("Invites", " observers to take part in the work of the network within existing resources;", []),
    ("Decides", " to keep the matter under review.", []),
]
NOTE = (
    '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    "<text:note-body><text:p>Report of the panel on tidal habitats, second edition.</text:p></text:note-body>"
    "</text:note>"
)
LINK = '<text:a xlink:type="simple" xlink:href="https://example.org/tides">network portal</text:a>'
COMMENT = (
    "<office:annotation><dc:creator>Secretariat</dc:creator><dc:date>2026-11-02T10:00:00</dc:date>"
    "<text:p>Is \u201cportal\u201d the agreed word?</text:p></office:annotation>"
)
TABLE = """<table:table table:name="FocalPoints"><table:table-column table:number-columns-repeated="2"/>
 <table:table-row><table:table-cell office:value-type="string"><text:p>Member</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Focal point</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell office:value-type="string"><text:p>Norland</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Harbour office</text:p></table:table-cell></table:table-row>
</table:table>"""


def _fill(text: str) -> str:
    return escape(text).replace("{note}", NOTE).replace("{link}", LINK).replace("{comment}", COMMENT)


def _italic(words: str, rest: str) -> str:
    return f'<text:span text:style-name="I">{escape(words)}</text:span>{_fill(rest)}'


def document(body: str, tracked: str = "") -> str:
    """A flat ODT document around a body."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
        f'office:mimetype="application/vnd.oasis.opendocument.text">{STYLES}'
        f"<office:body><office:text>{tracked}{body}</office:text></office:body></office:document>\n"
    )


def _head() -> str:
    return (
        '<text:p text:style-name="Title">Stewardship of shared tidal waters</text:p>'
        '<text:p text:style-name="Preamble">The Assembly of Coastal Members,</text:p>'
        + "".join(f'<text:p text:style-name="Preamble">{_italic(w, r)}</text:p>' for w, r in PREAMBLE)
    )


def resolution_typed() -> str:
    """The resolution with its numbers and letters typed: "1.", "(a)", "(i)"."""
    out = [_head()]
    letters, romans = "abcdefgh", ["i", "ii", "iii", "iv"]
    for number, (verb, rest, subs) in enumerate(OPERATIVE, start=1):
        out.append(f"<text:p>{number}.\t{_italic(verb, rest)}</text:p>")
        for i, (sub, deeper) in enumerate(subs):
            out.append(f"<text:p>({letters[i]})\t{escape(sub)}</text:p>")
            out += [f"<text:p>({romans[k]})\t{escape(d)}</text:p>" for k, d in enumerate(deeper)]
    out.append(TABLE)
    return document("".join(out))


def resolution_numbered() -> str:
    """The same resolution numbered by the word processor: one list, three levels."""
    items = []
    for verb, rest, subs in OPERATIVE:
        inner = ""
        if subs:
            parts = []
            for sub, deeper in subs:
                third = ""
                if deeper:
                    third = (
                        "<text:list>"
                        + "".join(
                            f"<text:list-item><text:p>{escape(d)}</text:p></text:list-item>" for d in deeper
                        )
                        + "</text:list>"
                    )
                parts.append(f"<text:list-item><text:p>{escape(sub)}</text:p>{third}</text:list-item>")
            inner = "<text:list>" + "".join(parts) + "</text:list>"
        items.append(f"<text:list-item><text:p>{_italic(verb, rest)}</text:p>{inner}</text:list-item>")
    body = _head() + '<text:list text:style-name="Operative">' + "".join(items) + "</text:list>" + TABLE
    return document(body)


def _info(author: str, day: int) -> str:
    return (
        f"<office:change-info><dc:creator>{author}</dc:creator>"
        f"<dc:date>2026-11-{day:02d}T09:00:00</dc:date></office:change-info>"
    )


def tracked() -> str:
    """A short resolution with tracked changes by two delegations: words inserted and deleted, one
    paragraph's words struck by hand (not a tracked change), and a whole paragraph deleted."""
    regions = (
        '<text:tracked-changes text:track-changes="true">'
        f'<text:changed-region text:id="c1"><text:insertion>{_info("Delegation of Norland", 2)}'
        "</text:insertion></text:changed-region>"
        f'<text:changed-region text:id="c2"><text:deletion>{_info("Delegation of Southmark", 3)}'
        "<text:p>all </text:p></text:deletion></text:changed-region>"
        f'<text:changed-region text:id="c3"><text:insertion>{_info("Delegation of Southmark", 3)}'
        "</text:insertion></text:changed-region>"
        f'<text:changed-region text:id="c4"><text:deletion>{_info("Delegation of Norland", 4)}'
        "<text:p>3.\tAlso invites observers to take part.</text:p><text:p/></text:deletion></text:changed-region>"
        "</text:tracked-changes>"
    )
    body = (
        '<text:p text:style-name="Title">Care of river mouths</text:p>'
        f'<text:p text:style-name="Preamble">{_italic("Recalling", " its decision on river mouths")}'
        '<text:change-start text:change-id="c1"/> and coastal dunes<text:change-end text:change-id="c1"/>,</text:p>'
        f'<text:p text:style-name="Preamble">{_italic("Noting", " the work of the regional bodies,")}</text:p>'
        f"<text:p>1.\t{_italic('Urges', ' ')}"
        '<text:change text:change-id="c2"/>members to share their data '
        '<text:change-start text:change-id="c3"/>every year <text:change-end text:change-id="c3"/>'
        "with the secretariat;</text:p>"
        f"<text:p>2.\t{_italic('Requests', ' the secretariat to report ')}"
        '<text:span text:style-name="S">in writing </text:span>at the next session;</text:p>'
        '<text:p><text:change text:change-id="c4"/>4.\t'
        f"{_italic('Decides', ' to keep the matter under review.')}</text:p>"
    )
    return document(body, regions)


def report() -> str:
    """A report: a chapter heading in a style based on Heading 1, a Heading 2, numbered paragraphs."""
    body = (
        '<text:p text:style-name="Title">Report of the meeting of experts on tidal waters</text:p>'
        '<text:h text:style-name="Chapter_20_heading" text:outline-level="1">I. Organization of the meeting</text:h>'
        "<text:p>1.\tThe meeting was held in the host city over three days.</text:p>"
        "<text:p>2.\tTwenty members and four observers took part.</text:p>"
        '<text:h text:style-name="Chapter_20_heading" text:outline-level="1">II. Conclusions</text:h>'
        '<text:h text:style-name="Heading_20_2" text:outline-level="2">Data and monitoring</text:h>'
        "<text:p>3.\tThe experts agreed that shared data should be open by default.</text:p>"
        "<text:p>4.\tThe experts recommended:</text:p>"
        "<text:p>(a)\ta common format for water quality readings;</text:p>"
        "<text:p>(b)\tyearly reporting to the network.</text:p>"
    )
    return document(body)


SOURCES = {
    "resolution-typed": resolution_typed,
    "resolution-numbered": resolution_numbered,
    "tracked-changes": tracked,
    "report-chapters": report,
}


def main() -> int:
    """Write every .fodt and convert it to .docx beside it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is needed to write the DOCX files", file=sys.stderr)
        return 1
    for name, make in SOURCES.items():
        (HERE / f"{name}.fodt").write_text(make(), encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx",
             "--outdir", str(HERE), *(str(HERE / f"{name}.fodt") for name in SOURCES)],
            check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
