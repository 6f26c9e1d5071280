"""The consistency checks of validate_docx that a schema cannot express: package (content types,
relationships, core properties), run/row property order, revisions, comments, bookmarks and moves.
Split from validate_docx.py (the shared kit's single script) to keep each module under 600 lines."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import Counter, defaultdict

from lxml import etree

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"

PREFIXES = {
    W: "w",
    MC: "mc",
    R: "r",
    XML_NS: "xml",
    CT: "ct",
    PKG_REL: "rel",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
    "urn:schemas-microsoft-com:vml": "v",
    "urn:schemas-microsoft-com:office:office": "o",
    "urn:schemas-microsoft-com:office:word": "w10",
    "http://schemas.microsoft.com/office/word/2010/wordml": "w14",
    "http://schemas.microsoft.com/office/word/2012/wordml": "w15",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "ep",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes": "vt",
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": "b",
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml": "ds",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "cp",
}

# Revision (annotation) elements that carry a w:id; ISO/IEC 29500-1 17.13 wants ids unique.
REVISION_TAGS = {
    f"{{{W}}}{t}"
    for t in (
        "ins",
        "del",
        "moveFrom",
        "moveTo",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "tblPrExChange",
        "numberingChange",
        "cellIns",
        "cellDel",
        "cellMerge",
        "customXmlInsRangeStart",
        "customXmlDelRangeStart",
        "customXmlMoveFromRangeStart",
        "customXmlMoveToRangeStart",
    )
}


def qname(tag: str) -> str:
    """'{ns}local' -> 'p:local' with the usual prefixes."""
    m = re.match(r"\{([^}]*)\}(.*)", tag)
    if not m:
        return tag
    return f"{PREFIXES[m.group(1)]}:{m.group(2)}" if m.group(1) in PREFIXES else tag


def shorten(msg: str) -> str:
    return re.sub(
        r"\{([^}]*)\}([A-Za-z_][\w.-]*)",
        lambda m: f"{PREFIXES[m.group(1)]}:{m.group(2)}" if m.group(1) in PREFIXES else m.group(0),
        msg,
    )


def where(el) -> str:
    """A short location: the element's path with prefixes and the source line."""
    steps = []
    node = el
    while node is not None:
        parent = node.getparent()
        step = qname(node.tag)
        if parent is not None:
            same = [c for c in parent if c.tag == node.tag]
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps)) + f" (line {el.sourceline})"


# ---------------------------------------------------------------- consistency checks


def wid(el):
    return el.get(f"{{{W}}}id")


def check_order(el, order: list) -> str | None:
    """None if el's w: children follow the canonical order without repeats, else a message."""
    last, seen = -1, set()
    for child in el:
        if not isinstance(child.tag, str) or etree.QName(child).namespace != W:
            continue
        name = etree.QName(child).localname
        if name not in order:
            continue
        if name in seen:
            return f"{where(el)} w:{name} appears twice"
        seen.add(name)
        i = order.index(name)
        if i < last:
            got = [etree.QName(c).localname for c in el if isinstance(c.tag, str)]
            return (
                f"{where(el)} children out of the canonical order: w:{name} after "
                f"w:{order[last]} ({' '.join(got)})"
            )
        last = i
    return None


# Every element check_wml looks at, besides the canonical-order parents.
CHECKED_TAGS = REVISION_TAGS | {
    f"{{{W}}}{t}"
    for t in (
        "t",
        "instrText",
        "delText",
        "delInstrText",
        "commentRangeStart",
        "commentRangeEnd",
        "commentReference",
        "bookmarkStart",
        "bookmarkEnd",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
    )
}


def check_wml(parts: dict, canonical: dict | None = None) -> dict:
    """parts: name -> MCE-processed root, for WordprocessingML parts. -> name -> [problems]."""
    out = defaultdict(list)
    rev_ids = defaultdict(list)  # id -> [(part, line, tag)]
    comment_refs = defaultdict(lambda: Counter())  # id -> Counter(kind)
    comment_part = None
    comment_ids = Counter()
    for name, root in parts.items():
        if root.tag == f"{{{W}}}comments":
            comment_part = name
            for c in root.iterfind(f"{{{W}}}comment"):
                comment_ids[wid(c)] += 1
        deleted_containers = (f"{{{W}}}del",)  # Word itself writes w:t inside w:moveFrom
        bm, mf, mt = Counter(), defaultdict(Counter), defaultdict(Counter)
        for el in root.iter(*CHECKED_TAGS, *(canonical or ())):  # only these (speed: styles.xml is large)
            tag = el.tag
            if canonical and tag in canonical:
                problem = check_order(el, canonical[tag])
                if problem:
                    out[name].append(problem)
            if tag in REVISION_TAGS:
                i = wid(el)
                if i is None:
                    out[name].append(f"{where(el)} {qname(tag)} without w:id")
                else:
                    rev_ids[i].append((name, where(el), qname(tag)))
            if tag in (f"{{{W}}}t", f"{{{W}}}instrText"):
                anc = el.getparent()
                while anc is not None and anc.tag not in deleted_containers and anc.tag != f"{{{W}}}rPr":
                    anc = anc.getparent()
                if anc is not None and anc.tag in deleted_containers:
                    out[name].append(
                        f"{where(el)} {qname(tag)} inside {qname(anc.tag)} "
                        f"(deleted text must be w:delText / w:delInstrText)"
                    )
            if tag in (f"{{{W}}}delText", f"{{{W}}}delInstrText"):
                anc = el.getparent()
                while anc is not None and anc.tag not in (f"{{{W}}}del", f"{{{W}}}moveFrom"):
                    anc = anc.getparent()
                if anc is None:
                    out[name].append(f"{where(el)} {qname(tag)} outside w:del/w:moveFrom")
            if tag in (f"{{{W}}}commentRangeStart", f"{{{W}}}commentRangeEnd", f"{{{W}}}commentReference"):
                comment_refs[wid(el)][tag.split("}")[1]] += 1
            if tag == f"{{{W}}}bookmarkStart":
                bm[wid(el)] += 1
            if tag == f"{{{W}}}bookmarkEnd":
                bm[wid(el)] -= 1
            for kind, pairs in (("moveFrom", mf), ("moveTo", mt)):
                if tag == f"{{{W}}}{kind}RangeStart":
                    pairs[wid(el)]["start"] += 1
                if tag == f"{{{W}}}{kind}RangeEnd":
                    pairs[wid(el)]["end"] += 1
        for i, n in bm.items():
            if n:
                out[name].append(
                    f"bookmark id {i}: {'bookmarkStart' if n > 0 else 'bookmarkEnd'} "
                    f"without its pair ({n:+d})"
                )
        for kind, d in (("moveFrom", mf), ("moveTo", mt)):
            for i, c in d.items():
                if c["start"] != c["end"]:
                    out[name].append(f"w:{kind}RangeStart/End id {i} unpaired ({dict(c)})")
    for i, places in rev_ids.items():
        if len(places) > 1:
            out[places[0][0]].append(
                f"revision id {i} used {len(places)} times: "
                + ", ".join(f"{p.split('/')[-1]} {ln}" for p, ln, t in places[:4])
                + (" ..." if len(places) > 4 else "")
            )
    doc = next((n for n, r in parts.items() if r.tag == f"{{{W}}}document"), None)
    for i, k in comment_refs.items():
        at = doc or comment_part
        if k["commentRangeStart"] != k["commentRangeEnd"]:
            out[at].append(
                f"comment {i}: {k['commentRangeStart']} commentRangeStart vs "
                f"{k['commentRangeEnd']} commentRangeEnd"
            )
        if not k["commentReference"]:
            out[at].append(f"comment {i}: range without w:commentReference")
        if comment_part is None:
            out[at].append(f"comment {i} referenced but the package has no comments part")
        elif i not in comment_ids:
            out[at].append(f"comment {i} referenced but not in {comment_part}")
    if comment_part:
        for i, n in comment_ids.items():
            if n > 1:
                out[comment_part].append(f"comment id {i} defined {n} times")
            if i not in comment_refs:
                out[comment_part].append(f"comment {i} is never referenced from the text")
    return out


_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# Relationship type (its last segment) -> the content types Word accepts for its target.
EXPECTED_CT = {
    "officeDocument": (
        _WML + "document.main+xml",
        _WML + "template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ),
    "styles": (_WML + "styles+xml",),
    "settings": (_WML + "settings+xml",),
    "webSettings": (_WML + "webSettings+xml",),
    "fontTable": (_WML + "fontTable+xml",),
    "numbering": (_WML + "numbering+xml",),
    "comments": (_WML + "comments+xml",),
    "footnotes": (_WML + "footnotes+xml",),
    "endnotes": (_WML + "endnotes+xml",),
    "header": (_WML + "header+xml",),
    "footer": (_WML + "footer+xml",),
    "commentsExtended": (_WML + "commentsExtended+xml",),
    "people": (_WML + "people+xml",),
    "commentsIds": (_WML + "commentsIds+xml",),
    "commentsExtensible": (_WML + "commentsExtensible+xml",),
    "stylesWithEffects": ("application/vnd.ms-word.stylesWithEffects+xml",),
    "theme": ("application/vnd.openxmlformats-officedocument.theme+xml",),
    "core-properties": ("application/vnd.openxmlformats-package.core-properties+xml",),
    "extended-properties": ("application/vnd.openxmlformats-officedocument.extended-properties+xml",),
    "custom-properties": ("application/vnd.openxmlformats-officedocument.custom-properties+xml",),
    "customXmlProps": ("application/vnd.openxmlformats-officedocument.customXmlProperties+xml",),
    "image": ("image/",),
}


def rels_name(part: str) -> str:
    d, b = posixpath.split(part)
    return posixpath.join(d, "_rels", b + ".rels")


CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
DCTERMS = "http://purl.org/dc/terms/"
W3CDTF = re.compile(r"^\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?)?)?$")


def check_core(root) -> list:
    """docProps/core.xml without the Dublin Core schemas: ISO/IEC 29500-2 rules that matter."""
    out = []
    if root.tag != f"{{{CP}}}coreProperties":
        return [f"root is {qname(root.tag)}, not cp:coreProperties"]
    seen = Counter(c.tag for c in root if isinstance(c.tag, str))
    out += [f"{t} appears {n} times" for t, n in seen.items() if n > 1]
    for c in root:
        if not isinstance(c.tag, str):
            continue
        if c.tag in (f"{{{DCTERMS}}}created", f"{{{DCTERMS}}}modified"):
            xt = c.get(f"{{{XSI}}}type", "")
            p, _, local = xt.partition(":")
            if c.nsmap.get(p) != DCTERMS or local != "W3CDTF":
                out.append(f'{where(c)} needs xsi:type="dcterms:W3CDTF"')
            if not W3CDTF.match((c.text or "").strip()):
                out.append(f"{where(c)} value {c.text!r} is not a W3CDTF date")
        if c.get(f"{{{XML_NS}}}lang") is not None:
            out.append(f"{where(c)} has xml:lang (not allowed in core properties)")
    return out


def check_package(z: zipfile.ZipFile) -> dict:
    out = defaultdict(list)
    names = [i.filename for i in z.infolist()]
    for n, c in Counter(names).items():
        if c > 1:
            out["[package]"].append(f"zip entry {n} appears {c} times")
    present = set(names)
    if "[Content_Types].xml" not in present:
        out["[package]"].append("no [Content_Types].xml")
        return out
    ct = etree.fromstring(z.read("[Content_Types].xml"))
    defaults = {d.get("Extension", "").lower(): d.get("ContentType") for d in ct.iterfind(f"{{{CT}}}Default")}
    overrides = {o.get("PartName"): o.get("ContentType") for o in ct.iterfind(f"{{{CT}}}Override")}

    def content_type(part):
        if "/" + part in overrides:
            return overrides["/" + part]
        return defaults.get(part.rsplit(".", 1)[-1].lower() if "." in part.rsplit("/", 1)[-1] else "")

    for n in present:
        if n.endswith("/") or n == "[Content_Types].xml":
            continue
        ext = n.rsplit(".", 1)[-1].lower() if "." in n.rsplit("/", 1)[-1] else ""
        if "/" + n not in overrides and ext not in defaults:
            out["[Content_Types].xml"].append(f"part /{n} has no content type")
    for o in overrides:
        if o and o.lstrip("/") not in present:
            out["[Content_Types].xml"].append(f"Override for missing part {o}")
    for n in present:
        if content_type(n) == "application/vnd.openxmlformats-package.core-properties+xml":
            try:
                out[n].extend(check_core(etree.fromstring(z.read(n))))
            except etree.XMLSyntaxError:
                pass
        if not n.endswith(".rels"):
            continue
        d = posixpath.dirname(posixpath.dirname(n))
        source = posixpath.join(d, posixpath.basename(n)[:-5])
        try:
            rels = etree.fromstring(z.read(n))
        except etree.XMLSyntaxError:
            continue
        ids = Counter()
        for r in rels.iterfind(f"{{{PKG_REL}}}Relationship"):
            ids[r.get("Id")] += 1
            if r.get("TargetMode") == "External":
                continue
            t = r.get("Target", "")
            tgt = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join(d, t))
            if tgt not in present:
                out[n].append(f"relationship {r.get('Id')} targets missing part {tgt}")
                continue
            want = EXPECTED_CT.get(r.get("Type", "").rsplit("/", 1)[-1])
            got = content_type(tgt) or ""
            if want and r.get("Type", "").startswith("http://schemas.") and not got.startswith(want):
                out[n].append(
                    f"relationship {r.get('Id')} ({r.get('Type').rsplit('/', 1)[-1]}) "
                    f"targets {tgt} whose content type is {got or 'missing'}"
                )
        for i, c in ids.items():
            if c > 1:
                out[n].append(f"relationship id {i} used {c} times")
        if source in present and source.endswith(".xml"):
            try:
                root = etree.fromstring(z.read(source))
            except etree.XMLSyntaxError:
                continue
            for el in root.iter(tag=etree.Element):
                for a, v in el.attrib.items():
                    if a.startswith(f"{{{R}}}") and v not in ids:
                        out[source].append(f'{where(el)} {qname(a)}="{v}" not in {n}')
    return out
