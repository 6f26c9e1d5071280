"""What changed between two versions of the draft: word-level diffs, moves and the paragraph crosswalk."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, TypeVar

from diff_match_patch import diff_match_patch

from .model import Draft, Paragraph

Op = Literal["equal", "insert", "delete"]
Diff = list[tuple[Op, str]]
_OPS: dict[int, Op] = {0: "equal", 1: "insert", -1: "delete"}
DIFF_SECONDS = 0.25
# A long text that has under this share of its pairs of words in common with the other was replaced, not
# edited (an alternative wording): it is shown deleted and the other inserted (see _replacement).
REPLACED_SHARE = 0.2
REPLACED_TOKENS = 24  # ... when both sides have this many tokens apart from their common ends (twelve words)
_ENDS = diff_match_patch()  # its common prefix and suffix of two strings (by halves, in C): shared_ends
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"\w")
_ZWJ = "\u200d"
BRACKETS = ("[", "]")  # always tokens of their own (see _tokens), and kept apart by the cleanup


def _attaches(char: str) -> bool:
    """A character that belongs to the one before it: a combining mark or vowel sign, a joiner, a skin tone."""
    return unicodedata.category(char)[0] == "M" or char == _ZWJ or "\U0001f3fb" <= char <= "\U0001f3ff"


def _tokens(text: str) -> list[str]:
    """Words, runs of space and single signs; a letter keeps its marks and a joined emoji stays whole."""
    if text.isascii():  # no marks, joiners or emoji to keep together: the pattern's tokens as they are
        return _TOKEN.findall(text)
    out: list[str] = []
    for token in _TOKEN.findall(text):
        # Two word tokens in a row were cut apart only by marks inside one word ("मुहम्मद", "مُحَمَّد").
        word = bool(out) and _WORD.match(token) is not None and _WORD.match(out[-1]) is not None
        if out and not token[0].isspace() and (word or _attaches(token[0]) or out[-1].endswith(_ZWJ)):
            out[-1] += token
        else:
            out.append(token)
    return out


def word_diff(old: str, new: str) -> Diff:
    """Word-level diff (diff-match-patch on word tokens, then semantic cleanup)."""
    if old == new:
        return [("equal", old)] if old else []
    return list(_cached_word_diff(old, new))


# A comparison is recomputed after every change while only one paragraph changed, so the diffs of the
# others are remembered (a 2,000-paragraph comparison drops from ~0.5 s to a few tens of ms).
@functools.lru_cache(maxsize=16384)
def _cached_word_diff(old: str, new: str) -> tuple[tuple[Op, str], ...]:
    return tuple(_word_diff(old, new))


def _word_diff(old: str, new: str) -> Diff:
    table: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in _tokens(text):
            code = table.get(token)
            if code is None:
                tokens.append(token)
                code = table[token] = (
                    chr(0xE000 + len(tokens)) if len(tokens) < 0x1900 else chr(0xF0000 + len(tokens))
                )
            out.append(code)
        return "".join(out)

    a, b = encode(old), encode(new)
    decode = {code: token for token, code in table.items()}
    replaced = _replacement(a, b)
    if replaced is not None:
        head, tail = replaced
        diffs = [(0, a[:head]), (-1, a[head : len(a) - tail]), (1, b[head : len(b) - tail]), (0, a[len(a) - tail :])]
    else:
        dmp = diff_match_patch()
        # Ordinary paragraphs diff in microseconds; a wholesale rewrite of a very long one would take seconds
        # to make minimal, so past this budget diff-match-patch returns a coarser (still exact) diff.
        dmp.Diff_Timeout = DIFF_SECONDS
        diffs = _cleaned(dmp, dmp.diff_main(a, b, False), table.get(BRACKETS[0], ""), table.get(BRACKETS[1], ""))
    merged: Diff = []
    for op, text in diffs:
        words = "".join(decode[c] for c in text)
        if not words:
            continue
        if merged and merged[-1][0] == _OPS[op]:
            merged[-1] = (_OPS[op], merged[-1][1] + words)
        else:
            merged.append((_OPS[op], words))
    return merged


def _replacement(a: str, b: str) -> tuple[int, int] | None:
    """The tokens two encoded texts have in common at their start and end, when what lies between has so few
    pairs of words in common that one was put in the other's place rather than edited (None: a diff is
    made). The diff of two unrelated wordings keeps only scattered signs and short words ("the", ", ") between
    dozens of changes, and costs time growing with the product of their lengths (0.07 s for an alternative
    paragraph of 150 words, 0.27 s for 360): shown whole, one deleted and the other inserted, they read as
    what they are. A pair is two tokens with one between (two words and the space between them)."""
    head, tail = shared_ends(a, b)
    left, right = a[head : len(a) - tail], b[head : len(b) - tail]
    if min(len(left), len(right)) < REPLACED_TOKENS:  # (an ordinary change: a few tokens between)
        return None
    pairs_left, pairs_right = set(zip(left, left[2:], strict=False)), set(zip(right, right[2:], strict=False))
    common = len(pairs_left & pairs_right)
    return (head, tail) if common < REPLACED_SHARE * min(len(pairs_left), len(pairs_right)) else None


def _cleaned(
    dmp: diff_match_patch, diffs: list[tuple[int, str]], opening: str, closing: str
) -> list[tuple[int, str]]:
    """Semantic cleanup on word tokens (a change never splits a word), except around words whose two
    brackets alone were added or removed: those stay two one-sign changes around the words kept, instead
    of the words deleted and inserted again ("[transboundary]transboundary")."""
    brackets = {opening, closing}
    out: list[tuple[int, str]] = []
    chunk: list[tuple[int, str]] = []
    index = 0
    while index < len(diffs):
        triple = diffs[index : index + 3]
        if (
            opening
            and closing
            and len(triple) == 3
            and triple[0][0] != 0
            and triple[0] == (triple[0][0], opening)
            and triple[1][0] == 0
            and not set(triple[1][1]) & brackets
            and triple[2] == (triple[0][0], closing)
        ):
            dmp.diff_cleanupSemantic(chunk)
            out += chunk + triple
            chunk = []
            index += 3
        else:
            chunk.append(diffs[index])
            index += 1
    dmp.diff_cleanupSemantic(chunk)
    return out + chunk


def apply_diff(old: str, diff: Diff) -> str:
    """Apply a diff to the old text; raises ValueError if it does not fit that text."""
    out = []
    cursor = 0
    for op, text in diff:
        if op == "insert":
            out.append(text)
            continue
        if old[cursor : cursor + len(text)] != text:
            raise ValueError(f"diff does not fit the old text at character {cursor}")
        cursor += len(text)
        if op == "equal":
            out.append(text)
    if cursor != len(old):
        raise ValueError("diff does not cover the whole old text")
    return "".join(out)


def old_text(diff: Diff) -> str:
    """The old side of a diff."""
    return "".join(text for op, text in diff if op != "insert")


def new_text(diff: Diff) -> str:
    """The new side of a diff."""
    return "".join(text for op, text in diff if op != "delete")


@dataclass
class SubComparison:
    """One lettered sub-paragraph compared: status, old and new letter, word diff."""

    id: str
    status: str  # unchanged | amended | inserted | struck
    old_letter: str | None
    new_letter: str | None
    diff: Diff


@dataclass
class ParagraphComparison:
    """One paragraph compared between the old and the new draft."""

    id: str
    old_number: str | None  # the label shown: "12", "PP3", "7 bis"
    new_number: str | None
    old_section: str | None
    new_section: str | None
    diff: Diff
    subparagraphs: list[SubComparison] = field(default_factory=list)
    moved: bool = False

    @property
    def inserted(self) -> bool:
        """Not in the old draft."""
        return self.old_number is None

    @property
    def struck(self) -> bool:
        """In the old draft, not in the new one."""
        return self.new_number is None

    @property
    def amended(self) -> bool:
        """Its wording or its sub-paragraphs changed."""
        return any(op != "equal" for op, _ in self.diff) or any(
            s.status != "unchanged" for s in self.subparagraphs
        )

    @property
    def status(self) -> str:
        """inserted, struck, moved, amended or unchanged (moved wins over amended; see .amended)."""
        if self.inserted:
            return "inserted"
        if self.struck:
            return "struck"
        return self.live_status()

    def live_status(self) -> str:
        """The status of a paragraph known to stand in the new draft (never struck): inserted, moved,
        amended or unchanged (the walk asks it of every live paragraph of a section)."""
        if self.old_number is None:
            return "inserted"
        if self.moved:
            return "moved"
        return "amended" if self.amended else "unchanged"


@dataclass
class Entry:
    """One step of the tracked-changes walk through the document."""

    kind: str  # section | subheading | paragraph | ghost (the old place of a moved paragraph)
    id: str
    section: str
    paragraph: ParagraphComparison | None = None
    title_diff: Diff = field(default_factory=list)
    status: str = "unchanged"


def _compare_subparagraphs(old: Paragraph | None, new: Paragraph | None) -> list[SubComparison]:
    old_labels, new_labels = (old.sub_labels() if old else {}), (new.sub_labels() if new else {})
    old_live = {s.id: (old_labels[s.id], s) for s in old.live_subparagraphs()} if old else {}
    new_live = {s.id: (new_labels[s.id], s) for s in new.live_subparagraphs()} if new else {}
    result = []
    order = [s.id for s in (new.subparagraphs if new else old.subparagraphs)]  # type: ignore[union-attr]
    order += [sid for sid in old_live if sid not in order]
    for sid in order:
        o, n = old_live.get(sid), new_live.get(sid)
        if o is None and n is None:
            continue
        old_letter = o[0] if o else None
        new_letter = n[0] if n else None
        if o is None:
            result.append(SubComparison(sid, "inserted", None, new_letter, [("insert", n[1].text)]))  # type: ignore[index]
        elif n is None:
            result.append(SubComparison(sid, "struck", old_letter, None, [("delete", o[1].text)]))
        else:
            diff = word_diff(o[1].text, n[1].text)
            status = "unchanged" if o[1].text == n[1].text else "amended"
            result.append(SubComparison(sid, status, old_letter, new_letter, diff))
    return result


class Comparison:
    """The changes from an old draft to a new one."""

    def __init__(self, old: Draft, new: Draft) -> None:
        self.old = old
        self.new = new
        old_num, new_num = old.numbering(), new.numbering()
        self.paragraphs: dict[str, ParagraphComparison] = {}
        for pid in list(new_num.paragraphs) + [p for p in old_num.paragraphs if p not in new_num.live_label]:
            op, np_ = old.paragraphs.get(pid), new.paragraphs.get(pid)
            o_live = pid in old_num.live_label
            n_live = pid in new_num.live_label
            if o_live and n_live:
                diff = word_diff(op.text, np_.text)  # type: ignore[union-attr]
            elif n_live:
                diff = [("insert", np_.text)]  # type: ignore[union-attr]
            else:
                diff = [("delete", op.text)]  # type: ignore[union-attr]
            self.paragraphs[pid] = ParagraphComparison(
                pid,
                old_num.live_label.get(pid),
                new_num.live_label.get(pid),
                op.section if o_live else None,  # type: ignore[union-attr]
                np_.section if n_live else None,  # type: ignore[union-attr]
                diff,
                _compare_subparagraphs(op if o_live else None, np_ if n_live else None),
            )
        self._find_moves()

    def _find_moves(self, sections: Iterable[str] | None = None) -> None:
        """Mark the moved paragraphs of these sections (all by default): those now in another section, and
        those whose place among the paragraphs that stayed in their section is not in the longest run of
        matching blocks of the section's old and new orders. A section's marks depend on that section alone,
        so a change of a few sections marks only their paragraphs again."""
        old_live, new_live = self.old.numbering().live_label, self.new.numbering().live_label
        if sections is None:
            sections = set(self.new.order) | set(self.old.order)
        self.remarked: set[str] = set()  # the paragraphs these marks moved or put back
        for sid in sections:
            if sid not in self.new.sections:
                continue
            items = [p for p in self.new.sections[sid].items if p in new_live]
            kept = self._kept_in(sid, old_live, new_live)
            for pid in items:
                comp = self.paragraphs[pid]
                moved = pid in old_live and (comp.old_section != sid or pid not in kept)
                if moved != comp.moved:
                    self.remarked.add(pid)
                comp.moved = moved

    def _kept_in(self, sid: str, old_live: dict[str, str], new_live: dict[str, str]) -> set[str]:
        """The paragraphs that stayed in the section and keep their order there (difflib's matching blocks)."""
        if sid not in self.old.sections:
            return set()
        old_items, new_items = self.old.sections[sid].items, self.new.sections[sid].items
        # A paragraph stands in the section it is an item of: the items, as sets, say where each stands.
        in_old, in_new = set(old_items), set(new_items)
        old_seq = [p for p in old_items if p in in_new and p in new_live and p in old_live]
        new_seq = [p for p in new_items if p in in_old and p in old_live and p in new_live]
        # The ids are unique, so the ends the two orders share are matching blocks of the whole and no other
        # block crosses them: matching only the middle gives the same blocks, without comparing every row.
        head, tail = shared_ends(old_seq, new_seq)
        middle = old_seq[head : len(old_seq) - tail]
        kept = set(old_seq[:head])
        kept.update(old_seq[len(old_seq) - tail :])
        if middle:
            kept.update(matched(middle, new_seq[head : len(new_seq) - tail]))
        return kept

    # ----------------------------------------------------------- crosswalk
    def crosswalk(self) -> list[ParagraphComparison]:
        """Every paragraph with its old and new number, in the old document's order then the new ones."""
        old_order = [self.paragraphs[p] for p in self.old.numbering().paragraphs]
        return old_order + [c for c in self.paragraphs.values() if c.inserted]

    def describe_crosswalk(self) -> list[str]:
        """Sentences for the numbers that changed: "former 8 is now 22", "18 was struck", "5 is new"."""
        lines = []
        for comp in self.crosswalk():
            if comp.struck:
                lines.append(f"{comp.old_number} was struck")
            elif comp.inserted:
                lines.append(f"{comp.new_number} is new")
            elif comp.old_number != comp.new_number:
                lines.append(f"former {comp.old_number} is now {comp.new_number}")
        return lines

    def former_number(self, paragraph_id: str) -> str | None:
        """The paragraph's number in the old draft."""
        comp = self.paragraphs.get(paragraph_id)
        return comp.old_number if comp else None

    # ---------------------------------------------------------------- walk
    def section_status(self, section_id: str) -> str:
        """inserted, removed, retitled or unchanged."""
        in_old = section_id in self.old.order
        in_new = section_id in self.new.order
        if not in_old:
            return "inserted"
        if not in_new:
            return "removed"
        return (
            "retitled"
            if self.old.sections[section_id].title != self.new.sections[section_id].title
            else "unchanged"
        )

    def section_order(self) -> list[str]:
        """The sections the walk goes through: the new order, each removed one after its old predecessor."""
        sections = list(self.new.order)
        for index, sid in enumerate(self.old.order):  # removed sections go after their old predecessor
            if sid not in sections:
                before = [s for s in self.old.order[:index] if s in sections]
                sections.insert(sections.index(before[-1]) + 1 if before else 0, sid)
        return sections

    def walk(self) -> list[Entry]:
        """The document in new order with everything deleted or moved away shown at its old place."""
        return [entry for sid in self.section_order() for entry in self.section_walk(sid)]

    def section_walk(self, sid: str) -> list[Entry]:
        """One section of the walk: its heading, then its items, struck and moved-away ones at their old place."""
        status = self.section_status(sid)
        old_title = self.old.sections[sid].title if sid in self.old.sections else ""
        new_title = self.new.sections[sid].title if sid in self.new.order else ""
        head = Entry("section", sid, sid, title_diff=word_diff(old_title, new_title), status=status)
        body: list[Entry] = []
        source = self.new if sid in self.new.sections else self.old
        # Where each paragraph stands now, read from the new draft's numbering once for the whole section (as
        # comp.new_section: live in the new draft, and in this section there); the section may hold 1,000.
        new_live, new_paragraphs, comparisons = self.new.numbering().live_label, self.new.paragraphs, self.paragraphs
        in_new = source is self.new  # the new draft's section: its live paragraphs all stand in it
        for item in source.sections[sid].items:
            comp = comparisons.get(item)
            if comp is not None and item in new_live and (in_new or new_paragraphs[item].section == sid):
                body.append(Entry("paragraph", item, sid, comp, status=comp.live_status()))
            elif item in source.subheadings:
                heading = source.subheadings[item]
                was = item in self.old.subheadings and not self.old.subheadings[item].removed
                now = item in self.new.subheadings and not self.new.subheadings[item].removed
                if was or now:
                    old_h = self.old.subheadings[item].title if was else ""
                    new_h = heading.title if now else ""
                    state = "unchanged" if was and now else ("inserted" if now else "removed")
                    body.append(
                        Entry("subheading", item, sid, title_diff=word_diff(old_h, new_h), status=state)
                    )
        if sid in self.old.sections and sid in self.old.order:
            body = self._with_ghosts(sid, body)
        return [head, *body]

    def _with_ghosts(self, sid: str, body: list[Entry]) -> list[Entry]:
        """Put struck paragraphs, ghosts of moved ones and vanished sub-headings where they stood before.

        The old draft's items say where that was: the new draft may not have the item at all (comparing
        backwards in time) or may have it elsewhere (moved, then struck).
        """
        old_items, old_headings = self.old.sections[sid].items, self.old.subheadings
        shown: set[str] | None = None  # the items the body shows (made when an old sub-heading is met)
        placed: list[tuple[str, Entry]] = []  # (the old item, its entry)
        new_live, comparisons = self.new.numbering().live_label, self.paragraphs  # struck: not live now
        for item in old_items:
            comp = comparisons.get(item)
            if comp is not None and comp.old_section == sid and (comp.moved or item not in new_live):
                if item not in new_live:
                    entry = Entry("paragraph", item, sid, comp, status="struck")
                else:
                    entry = Entry("ghost", item, sid, comp, status="moved")
            elif item in old_headings:
                if shown is None:
                    shown = {e.id for e in body}
                heading = old_headings[item]
                if heading.removed or item in shown:
                    continue
                diff = word_diff(heading.title, "")
                entry = Entry("subheading", item, sid, title_diff=diff, status="removed")
            else:
                continue
            placed.append((item, entry))
        return with_old_places(body, old_items, placed) if placed else body


def shared_ends(old: Sequence[object], new: Sequence[object]) -> tuple[int, int]:
    """How many items two lists share at the start and, after that, at the end (never counting one twice):
    what lies between is all a change of one order into the other can have touched. Two strings are compared
    by halves (a word diff asks it of every pair of encoded texts)."""
    if isinstance(old, str) and isinstance(new, str):
        head = _ENDS.diff_commonPrefix(old, new)
        return head, _ENDS.diff_commonSuffix(old[head:], new[head:])
    head, most = 0, min(len(old), len(new))
    while head < most and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < most - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, tail


def matched(a: list[str], b: list[str]) -> list[str]:
    """The items of difflib's matching blocks of two orders of the same distinct items (as
    SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks(): the longest block, the first in `a`
    on a tie, then the same on each side of it), in time linear in each window instead of through
    SequenceMatcher's table of every item's places."""
    place = {item: j for j, item in enumerate(b)}
    out: list[str] = []
    windows = [(0, len(a), 0, len(b))]
    while windows:
        alo, ahi, blo, bhi = windows.pop()
        best_i = best_j = best = 0
        run = 0
        previous = -2
        for i in range(alo, ahi):
            j = place.get(a[i], -2)
            if not blo <= j < bhi:
                run, previous = 0, -2
                continue
            run = run + 1 if j == previous + 1 else 1
            previous = j
            if run > best:
                best, best_i, best_j = run, i - run + 1, j - run + 1
        if not best:
            continue
        out.extend(a[best_i : best_i + best])
        if alo < best_i and blo < best_j:
            windows.append((alo, best_i, blo, best_j))
        if best_i + best < ahi and best_j + best < bhi:
            windows.append((best_i + best, ahi, best_j + best, bhi))
    return out


class _Placed(Protocol):
    """What placing reads of an entry (or of a row of the desk made from one)."""

    kind: str
    id: str


Placed = TypeVar("Placed", bound=_Placed)


def with_old_places(body: list[Placed], old_items: Sequence[str], placed: list[tuple[str, Placed]]) -> list[Placed]:
    """The body with each placed entry right after the last item before it in the old draft that the body
    shows (not as a ghost), past the ghosts already put there; linear in the body and the old items.

    The body is a section's live paragraphs and sub-headings in the new order; placed, its struck paragraphs,
    the old places of its moved ones (kind "ghost") and its vanished sub-headings, each with its old item."""
    # A linked list: node 0 is the start, node k + 1 is body[k], then the placed entries as they go in.
    nodes: list[Placed | None] = [None, *body]
    following = [*range(1, len(nodes)), -1]
    node_of = {entry.id: k for k, entry in enumerate(body, start=1)}  # the body has no ghost: an entry an id
    run_end: dict[int, int] = {}  # a node -> the last of the ghosts right after it
    wanted = {item: entry for item, entry in placed}
    anchor = 0  # the node of the last old item seen that the body shows
    for item in old_items:
        entry = wanted.pop(item, None)
        if entry is not None:
            after = run_end.get(anchor, anchor)
            nodes.append(entry)
            following.append(following[after])
            following[after] = len(nodes) - 1
            if entry.kind == "ghost":
                run_end[anchor] = len(nodes) - 1
            else:
                node_of.setdefault(entry.id, len(nodes) - 1)
        if item in node_of:
            anchor = node_of[item]
    result = []
    node = following[0]
    while node != -1:
        result.append(nodes[node])  # type: ignore[arg-type]
        node = following[node]
    return result


def compare(old: Draft, new: Draft) -> Comparison:
    """Compare two drafts (e.g. the tabled one and the one now)."""
    return Comparison(old, new)
