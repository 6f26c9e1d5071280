#!/usr/bin/env python3
"""Validate the XML parts of DOCX files against the ISO/IEC 29500-4 (ECMA-376 Transitional)
schemas, as a stand-in for "would Word open this without an unreadable-content error".

Usage:  validate_docx.py [-v] [--max N] [--no-checks] FILE.docx [FILE.docx ...]

For each XML part of each package, one line:
    FILE.docx:word/document.xml  OK
    FILE.docx:word/styles.xml  ERROR (1) /w:styles/w:style[167]/w:pPr/w:pBdr (line 2): This element
        is not expected. Expected is one of ( ... ) | <next message> | ...
    FILE.docx:docProps/core.xml  SKIP no schema for cp:coreProperties; core-properties checks OK
(-v prints every message on its own line; --max N shows N messages on the part's line.)
Exit status 1 if any part has an error (schema or consistency check), else 0.

Method
  1. Markup Compatibility (ISO/IEC 29500-3) is applied first, as Word 2007 would: the
     "understood" namespaces are the ISO/IEC 29500-4 ones in schemas/iso29500-4; elements and
     attributes in namespaces listed in mc:Ignorable that are not understood are removed
     (mc:ProcessContent unwraps instead), mc:AlternateContent is replaced by the first
     mc:Choice whose Requires are all understood, else by mc:Fallback, and the mc:*
     attributes themselves are dropped. Extension content that is NOT declared ignorable is
     kept, so the schemas report it.
  2. The result is validated with lxml/libxml2 against schemas/docx-parts.xsd, which imports
     wml.xsd and everything it needs, DrawingML, VML, OPC content types/relationships,
     extended properties, custom XML properties, bibliography, and the Microsoft w14/w15
     schemas (used only for parts whose root element is in those namespaces, e.g.
     commentsExtended.xml). docProps/core.xml is not schema-validated (its schema needs the
     Dublin Core schemas, not bundled); the checks below cover its ISO/IEC 29500-2 rules.
  3. Consistency checks the schemas cannot express (use --no-checks to turn them off):
     package (every part has a content type, every relationship target exists, every r:id
     used in a part is in that part's .rels, each known relationship type points at a part
     of the right content type, core properties), w:rPr and w:trPr children in the
     canonical order (the Transitional schema accepts any order there), tracked changes
     (w:t inside w:del, w:delText outside w:del/w:moveFrom, w:id missing or repeated among
     revisions), comments (ranges, references and
     comments.xml entries agree, ids unique), bookmarks and move ranges (start/end pairs).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import io
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

if __package__:
    from .docx_checks import MC, XML_NS, W, check_package, check_wml, qname, shorten, where
else:  # run as a script: python tests/ooxml/validate_docx.py
    from docx_checks import MC, XML_NS, W, check_package, check_wml, qname, shorten, where

HERE = Path(__file__).resolve().parent
SCHEMA_DIR = HERE / "schemas"
# Parts at least this large (the template's styles.xml and stylesWithEffects.xml, the same in every
# export) are validated once per content and the result remembered.
CACHE_MIN_BYTES = 64_000


def schema_message(e) -> str:
    msg = shorten(e.message)
    msg = re.sub(
        r"^Element '[^']*'(, attribute '([^']*)')?: ", lambda m: f"@{m.group(2)}: " if m.group(2) else "", msg
    )
    return f"{e.path} (line {e.line}): {msg}"


# ---------------------------------------------------------------- schemas


def canonical_orders(wml_xsd: Path) -> dict:
    """The Transitional schema makes w:rPr (EG_RPrBase) and w:trPr (CT_TrPrBase) an unbounded
    xsd:choice, so it accepts any order and repeats; Word writes, and the Open XML SDK validator
    expects, the order in which the choice lists them (the ECMA-376 1st edition / Strict sequence)."""
    xs = "{http://www.w3.org/2001/XMLSchema}"
    doc = etree.parse(str(wml_xsd)).getroot()
    rpr = [e.get("name") for e in doc.find(f"{xs}group[@name='EG_RPrBase']").iter(f"{xs}element")]
    trpr = [e.get("name") for e in doc.find(f"{xs}complexType[@name='CT_TrPrBase']").iter(f"{xs}element")]
    return {
        f"{{{W}}}rPr": ["ins", "del", "moveFrom", "moveTo"] + rpr + ["rPrChange"],
        f"{{{W}}}trPr": trpr + ["ins", "del", "trPrChange"],
    }


def schema_namespaces(path: Path, seen: set) -> set:
    """targetNamespaces of a schema document and everything it imports/includes."""
    path = path.resolve()
    if path in seen:
        return set()
    seen.add(path)
    doc = etree.parse(str(path))
    out = {doc.getroot().get("targetNamespace")}
    for el in doc.getroot():
        loc = el.get("schemaLocation") if isinstance(el.tag, str) else None
        if loc and not loc.startswith("http"):
            out |= schema_namespaces(path.parent / loc, seen)
    return out


class Validator:
    def __init__(self, schema_dir: Path = SCHEMA_DIR):
        driver = schema_dir / "docx-parts.xsd"
        self.schema = etree.XMLSchema(etree.parse(str(driver)))
        self.known = schema_namespaces(driver, set()) - {"urn:chairdesk-kit:docx-parts"}
        # What a Word-2007-like consumer understands: the ISO/IEC 29500-4 namespaces only.
        iso = set()
        for f in (schema_dir / "iso29500-4").glob("*.xsd"):
            iso.add(etree.parse(str(f)).getroot().get("targetNamespace"))
        self.understood = iso | {XML_NS, MC}
        self.canonical = canonical_orders(schema_dir / "iso29500-4" / "wml.xsd")
        self._seen: dict[bytes, tuple] = {}

    # ------------------------------------------------------------ markup compatibility
    def apply_mce(self, root) -> list:
        problems = []
        self._mce(root, frozenset(), frozenset(), problems)
        return problems

    def _ns_of_prefixes(self, el, value, problems, what):
        out = []
        for p in (value or "").split():
            ns = el.nsmap.get(p)
            if ns is None:
                problems.append(f"{where(el)}: {what} prefix '{p}' not declared")
            else:
                out.append(ns)
        return out

    def _mce(self, el, ignorable, process, problems):
        ign = el.get(f"{{{MC}}}Ignorable")
        if ign is not None:
            ignorable = ignorable | set(self._ns_of_prefixes(el, ign, problems, "mc:Ignorable"))
        pc = el.get(f"{{{MC}}}ProcessContent")
        if pc is not None:
            extra = set()
            for item in pc.split():
                p, _, local = item.partition(":")
                ns = el.nsmap.get(p)
                if ns:
                    extra.add((ns, local))
            process = process | extra
        mu = el.get(f"{{{MC}}}MustUnderstand")
        if mu is not None:
            for ns in self._ns_of_prefixes(el, mu, problems, "mc:MustUnderstand"):
                if ns not in self.understood:
                    problems.append(
                        f"{where(el)}: mc:MustUnderstand "
                        f"names a namespace a Word-2007-level consumer lacks: {ns}"
                    )
        for a in list(el.attrib):
            ns = a[1:].split("}")[0] if a.startswith("{") else ""
            if ns == MC or (ns in ignorable and ns not in self.understood):
                del el.attrib[a]
        for child in list(el):
            if not isinstance(child.tag, str):
                continue
            ns = etree.QName(child).namespace
            if child.tag == f"{{{MC}}}AlternateContent":
                chosen = None
                for branch in child:
                    if branch.tag == f"{{{MC}}}Choice":
                        req = self._ns_of_prefixes(branch, branch.get("Requires"), problems, "Requires")
                        if req and all(n in self.understood for n in req):
                            chosen = branch
                            break
                    elif branch.tag == f"{{{MC}}}Fallback":
                        chosen = branch
                        break
                kids = []
                if chosen is not None:
                    self._mce(chosen, ignorable, process, problems)
                    kids = list(chosen)
                self._replace(el, child, kids)
            elif ns in ignorable and ns not in self.understood:
                if (ns, etree.QName(child).localname) in process or (ns, "*") in process:
                    self._mce(child, ignorable, process, problems)
                    self._replace(el, child, list(child))
                else:
                    self._replace(el, child, [])
            else:
                self._mce(child, ignorable, process, problems)

    @staticmethod
    def _replace(parent, child, new):
        idx = parent.index(child)
        tail = child.tail
        parent.remove(child)
        for i, n in enumerate(new):
            parent.insert(idx + i, n)
        if tail and tail.strip():
            prev = parent[idx + len(new) - 1] if idx + len(new) - 1 >= 0 else None
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail

    # ------------------------------------------------------------ one part
    def validate_part(self, data: bytes):
        """-> (status OK / ERROR / SKIP, messages, MCE-processed root or None); a large part is
        validated once per content (the root is then shared: read it, do not change it)."""
        key = hashlib.sha256(data).digest() if len(data) >= CACHE_MIN_BYTES else None
        if key not in self._seen:
            result = self._validate_part(data)
            if key is None:
                return result
            self._seen[key] = result
        status, msgs, work = self._seen[key]
        return status, list(msgs), work

    def _validate_part(self, data: bytes):
        try:
            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))
        except etree.XMLSyntaxError as e:
            return "ERROR", [f"not well-formed XML: {e}"], None
        ns = etree.QName(root).namespace
        if ns not in self.known:
            return "SKIP", [f"no schema for {qname(root.tag)}"], root
        work = etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))
        msgs = self.apply_mce(work)
        if not self.schema.validate(work):
            for e in self.schema.error_log:
                msgs.append(schema_message(e))
        return ("ERROR" if msgs else "OK"), msgs, work


# ---------------------------------------------------------------- driver


@functools.cache
def get_validator(schema_dir: str = str(SCHEMA_DIR)) -> Validator:
    """The compiled schema set, built once per process (compiling wml.xsd and DrawingML takes ~0.5 s)."""
    return Validator(Path(schema_dir))


def part_results(
    source: str | Path | bytes, checks: bool = True, validator: Validator | None = None
) -> dict[str, tuple[str, list[str]]]:
    """Every XML part of a DOCX (a path or its bytes) -> (OK | ERROR | SKIP, messages); a package
    that is not a readable zip is reported as the part '[package]'."""
    v = validator or get_validator()
    try:
        z = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, OSError) as e:
        return {"[package]": ("ERROR", [f"not a readable zip: {e}"])}
    results: dict[str, list] = {}
    wml = {}
    with z:
        for name in sorted(z.namelist()):
            if not name.endswith((".xml", ".rels")):
                continue
            status, msgs, work = v.validate_part(z.read(name))
            results[name] = [status, msgs]
            if work is not None and etree.QName(work).namespace == W:
                wml[name] = work
        if checks:
            extra = check_package(z)
            for part, probs in check_wml(wml, v.canonical).items():
                extra[part].extend(probs)
            for part, probs in extra.items():
                if not probs:
                    continue
                r = results.setdefault(part, ["OK", []])
                if r[0] == "SKIP":
                    r[1] = []
                r[1].extend(f"[check] {p}" for p in probs)
                r[0] = "ERROR"
    return {name: (status, msgs) for name, (status, msgs) in results.items()}


def validate_docx(
    source: str | Path | bytes, checks: bool = True, validator: Validator | None = None
) -> dict[str, list[str]]:
    """The errors of a DOCX, per part: {part name: [messages]} for the parts that have any;
    {} means every part is schema-valid (after Markup Compatibility) and passes the checks."""
    return {
        name: msgs
        for name, (status, msgs) in part_results(source, checks, validator).items()
        if status == "ERROR"
    }


def validate_file(path: str, v: Validator, checks: bool, maxn: int, verbose: bool) -> bool:
    """Print one line per part of the file; True if any part has an error."""
    bad = False
    for name, (status, msgs) in part_results(path, checks, v).items():
        where_ = path if name == "[package]" else f"{path}:{name}"
        if status == "ERROR":
            bad = True
            head = " | ".join(msgs[:maxn]) + (f" | ... (+{len(msgs) - maxn})" if len(msgs) > maxn else "")
            print(f"{where_}  ERROR ({len(msgs)}) {head}")
            if verbose:
                for m in msgs:
                    print(f"    {m}")
        elif status == "SKIP":
            note = "; core-properties checks OK" if name == "docProps/core.xml" and checks else ""
            print(f"{where_}  SKIP {msgs[0]}{note}")
        else:
            print(f"{where_}  OK")
    return bad


def main(argv: list[str] | None = None) -> int:
    """The command line: validate each file named, exit status 1 if any part has an error."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docx", nargs="+")
    ap.add_argument("-v", "--verbose", action="store_true", help="every message on its own line")
    ap.add_argument("--max", type=int, default=3, help="messages shown on a part's line (3)")
    ap.add_argument("--no-checks", action="store_true", help="schemas only, no consistency checks")
    ap.add_argument("--schemas", default=str(SCHEMA_DIR), help="schema folder (kit/schemas)")
    a = ap.parse_args(argv)
    v = get_validator(a.schemas)
    bad = False
    for p in a.docx:
        bad |= validate_file(p, v, not a.no_checks, a.max, a.verbose)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
