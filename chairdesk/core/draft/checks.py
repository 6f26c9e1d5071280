"""The draft's rules: whether a draft.* event may be recorded against the Draft as it stands."""

from __future__ import annotations

from typing import Any

from ..log.errors import DraftError
from .brackets import bracket_spans
from .model import Draft, Paragraph, Proposal, Section, SubHeading
from .numbering import KEEP, KINDS, MODES, NUMBERED, valid_kept

Payload = dict[str, Any]


def _titled(payload: Payload) -> bool:
    """Whether the payload's title is words (a hand-made None or number is no title: the report prints it)."""
    title = payload.get("title")
    return isinstance(title, str) and bool(title.strip())


def _text(payload: Payload, where: str) -> str:
    text = payload.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DraftError(f"The new text of {where} is empty; strike it instead.")
    bracket_spans(text, where)
    return text


def _new_id(payload: Payload, what: str) -> str:
    """The id a new piece is given: a non-empty text (a hand-made payload may hold anything)."""
    new = payload.get("id")
    if not isinstance(new, str) or not new:
        raise DraftError(f"The id of a new {what} must be a text, not {new!r}.")
    return new


def _where(draft: Draft, paragraph_id: str) -> str:
    return draft.paragraph_name(paragraph_id) if draft.label_of_paragraph(paragraph_id) else "the paragraph"


def _shape(payload: Payload) -> None:
    """A paragraph's kind and italic opening words, and a sub-paragraph's level, must be ones the draft has."""
    if payload.get("kind", NUMBERED) not in KINDS:
        raise DraftError(f"A paragraph is numbered or preambular, not {payload.get('kind')!r}.")
    italic = payload.get("italic", 0)
    if not isinstance(italic, int) or isinstance(italic, bool) or not 0 <= italic <= 12:
        raise DraftError("The italic opening words are counted in words, from 0 to 12.")
    notes = payload.get("notes", [])
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        raise DraftError("A paragraph's notes must be texts.")
    for sub in [payload, *payload.get("subparagraphs", [])]:
        if sub.get("level", 1) not in (1, 2):
            raise DraftError("A sub-paragraph is at level 1, (a), or level 2, (i).")


class DraftChecks:
    """Refuses, with a DraftError the chair can read, any draft.* event the Draft cannot take."""

    def check(self, d: Draft, kind: str, payload: Payload) -> None:
        """Raise DraftError unless the draft.* event `kind` with this payload may be applied to `d`."""
        handler = getattr(self, "_check_" + kind[len("draft.") :].replace(".", "_"), None)
        if handler is None:
            raise DraftError(f"Unknown draft event {kind!r}.")
        handler(d, payload)

    def _check_title_set(self, d: Draft, p: Payload) -> None:
        if not isinstance(p.get("title"), str):
            raise DraftError("The document title must be text.")

    def _check_section_add(self, d: Draft, p: Payload) -> None:
        if _new_id(p, "section") in d.sections:
            raise DraftError(f"Section id {p['id']!r} is already used.")
        if not _titled(p):
            raise DraftError("A section needs a title.")
        if not 0 <= p["index"] <= len(d.order):
            raise DraftError(f"There is no place {p['index'] + 1} among {len(d.order)} sections.")

    def _live_section(self, d: Draft, section_id: str) -> Section:
        section = d.section(section_id)
        if section.removed:
            raise DraftError(f"Section {section.title!r} has been removed.")
        return section

    def _check_section_retitle(self, d: Draft, p: Payload) -> None:
        self._live_section(d, p["id"])
        if not _titled(p):
            raise DraftError("A section needs a title.")

    def _check_section_move(self, d: Draft, p: Payload) -> None:
        self._live_section(d, p["id"])
        if not 0 <= p["index"] < len(d.order):
            raise DraftError(f"There is no place {p['index'] + 1} among {len(d.order)} sections.")

    def _check_section_remove(self, d: Draft, p: Payload) -> None:
        self._live_section(d, p["id"])

    def _check_section_restore(self, d: Draft, p: Payload) -> None:
        if not d.section(p["id"]).removed:
            raise DraftError("That section is in the document already.")
        if not 0 <= p["index"] <= len(d.order):
            raise DraftError("There is no such place among the sections.")
        paragraphs = p.get("paragraphs", [])
        if not isinstance(paragraphs, list):
            raise DraftError("The paragraphs to restore with a section are a list.")
        for pid in paragraphs:
            para = d.paragraphs.get(pid) if isinstance(pid, str) else None
            if para is None or para.section != p["id"] or not para.struck:
                raise DraftError(
                    f"{pid!r} is not a struck paragraph of that section; it cannot come back with it."
                )

    def _check_anchor(self, d: Draft, section: Section, after: str | None, moving: str | None = None) -> None:
        if after is not None and (after not in section.items or after == moving):
            raise DraftError(f"Cannot place it after {after!r}: not an item of section {section.title!r}.")

    def _check_subheading_add(self, d: Draft, p: Payload) -> None:
        if _new_id(p, "sub-heading") in d.subheadings:
            raise DraftError(f"Sub-heading id {p['id']!r} is already used.")
        if not _titled(p):
            raise DraftError("A sub-heading needs a title.")
        self._check_anchor(d, self._live_section(d, p["section"]), p.get("after"))

    def _subheading(self, d: Draft, heading_id: str) -> SubHeading:
        try:
            return d.subheadings[heading_id]
        except KeyError:
            raise DraftError(f"There is no sub-heading {heading_id!r}.") from None

    def _check_subheading_retitle(self, d: Draft, p: Payload) -> None:
        if self._subheading(d, p["id"]).removed or not _titled(p):
            raise DraftError("That sub-heading cannot be retitled (removed, or the title is empty).")

    def _check_subheading_remove(self, d: Draft, p: Payload) -> None:
        if self._subheading(d, p["id"]).removed:
            raise DraftError("That sub-heading has been removed already.")

    def _check_subheading_restore(self, d: Draft, p: Payload) -> None:
        if not self._subheading(d, p["id"]).removed:
            raise DraftError("That sub-heading is in the document already.")

    def _check_paragraph_insert(self, d: Draft, p: Payload) -> None:
        if _new_id(p, "paragraph") in d.paragraphs:
            raise DraftError(f"Paragraph id {p['id']!r} is already used.")
        self._check_anchor(d, self._live_section(d, p["section"]), p.get("after"))
        _text(p, "the new paragraph")
        _shape(p)
        for sub in p.get("subparagraphs", []):
            _new_id(sub, "sub-paragraph")
            _text(sub, "a sub-paragraph of the new paragraph")

    def _live_paragraph(self, d: Draft, paragraph_id: str) -> Paragraph:
        para = d.paragraph(paragraph_id)
        if para.struck:
            raise DraftError("That paragraph has been struck; restore it first.")
        return para

    def _check_paragraph_amend(self, d: Draft, p: Payload) -> None:
        self._live_paragraph(d, p["id"])
        _text(p, _where(d, p["id"]))

    def _check_paragraph_strike(self, d: Draft, p: Payload) -> None:
        self._live_paragraph(d, p["id"])

    def _check_paragraph_restore(self, d: Draft, p: Payload) -> None:
        para = d.paragraph(p["id"])
        if not para.struck:
            raise DraftError("That paragraph is not struck.")
        self._live_section(d, para.section)

    def _check_paragraph_move(self, d: Draft, p: Payload) -> None:
        self._live_paragraph(d, p["id"])
        self._check_anchor(d, self._live_section(d, p["section"]), p.get("after"), moving=p["id"])

    def _check_subparagraph_add(self, d: Draft, p: Payload) -> None:
        para = self._live_paragraph(d, p["paragraph"])
        new = _new_id(p, "sub-paragraph")
        if any(s.id == new for q in d.paragraphs.values() for s in q.subparagraphs):
            raise DraftError(f"Sub-paragraph id {p['id']!r} is already used.")
        after = p.get("after")
        if after is not None:
            para.subparagraph(after)
        _text(p, f"a sub-paragraph of {_where(d, para.id)}")
        _shape(p)

    def _check_paragraph_kind(self, d: Draft, p: Payload) -> None:
        self._live_paragraph(d, p["id"])
        _shape(p)

    def _check_subparagraph_level(self, d: Draft, p: Payload) -> None:
        if self._live_paragraph(d, p["paragraph"]).subparagraph(p["id"]).struck:
            raise DraftError("That sub-paragraph has been struck; restore it first.")
        _shape(p)

    def _check_numbering_mode(self, d: Draft, p: Payload) -> None:
        if p.get("mode") not in MODES:
            raise DraftError("The numbering keeps the tabled numbers ('keep') or renumbers live ('live').")
        self._check_kept(d, p.get("kept", {}))

    def _check_numbering_renumber(self, d: Draft, p: Payload) -> None:
        if d.numbering_mode != KEEP:
            raise DraftError("Paragraphs are renumbered after every change already (live numbering).")
        self._check_kept(d, p.get("kept"))

    def _check_kept(self, d: Draft, kept: object) -> None:
        if not isinstance(kept, dict) or any(
            pid not in d.paragraphs or not valid_kept(label) for pid, label in kept.items()
        ):
            raise DraftError("The kept numbers must give a number from 1 to each paragraph of the draft.")

    def _check_subparagraph_amend(self, d: Draft, p: Payload) -> None:
        para = self._live_paragraph(d, p["paragraph"])
        if para.subparagraph(p["id"]).struck:
            raise DraftError("That sub-paragraph has been struck; restore it first.")
        _text(p, f"a sub-paragraph of {_where(d, para.id)}")

    def _check_subparagraph_strike(self, d: Draft, p: Payload) -> None:
        if self._live_paragraph(d, p["paragraph"]).subparagraph(p["id"]).struck:
            raise DraftError("That sub-paragraph has been struck already.")

    def _check_subparagraph_restore(self, d: Draft, p: Payload) -> None:
        if not self._live_paragraph(d, p["paragraph"]).subparagraph(p["id"]).struck:
            raise DraftError("That sub-paragraph is not struck.")

    def _check_subparagraph_move(self, d: Draft, p: Payload) -> None:
        para = self._live_paragraph(d, p["paragraph"])
        para.subparagraph(p["id"])
        if p.get("after") is not None and (p["after"] == p["id"] or para.subparagraph(p["after"]) is None):
            raise DraftError("Cannot place a sub-paragraph after itself.")

    def _proposal(self, d: Draft, proposal_id: str) -> Proposal:
        try:
            return d.proposals[proposal_id]
        except KeyError:
            raise DraftError(f"There is no proposal {proposal_id!r}.") from None

    def _check_proposal_add(self, d: Draft, p: Payload) -> None:
        if _new_id(p, "proposal") in d.proposals:
            raise DraftError(f"Proposal id {p['id']!r} is already used.")
        self._live_paragraph(d, p["paragraph"])
        _text(p, f"the proposal for {_where(d, p['paragraph'])}")

    def _check_proposal_accept(self, d: Draft, p: Payload) -> None:
        proposal = self._proposal(d, p["id"])
        if proposal.status != "pending":
            raise DraftError(f"That proposal has been {proposal.status} already.")
        self._live_paragraph(d, proposal.paragraph)

    def _check_proposal_set_aside(self, d: Draft, p: Payload) -> None:
        proposal = self._proposal(d, p["id"])
        if proposal.status != "pending":
            raise DraftError(f"That proposal has been {proposal.status} already.")

    def _check_proposal_reopen(self, d: Draft, p: Payload) -> None:
        if self._proposal(d, p["id"]).status == "pending":
            raise DraftError("That proposal is still pending.")

    def _check_baseline(self, d: Draft, p: Payload) -> None:
        if not str(p.get("label", "")).strip():
            raise DraftError("A baseline needs a name, e.g. 'Start of the second reading'.")
