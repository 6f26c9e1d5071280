"""Mutation testing of the modules that decide the record: plant one small bug at a time, see if a test fails.

    python tests/mutation/mutate.py [--per-module N] [--seed S] [--module PATH ...] [--json OUT]
    python tests/mutation/mutate.py --representative      # the fixed list CI runs (tests/mutation/test_*)

Each mutant changes one expression of one module (a comparison flipped, `+=` made `=`, `and` made `or`, a
condition negated, a number moved by one, True made False, a returned value dropped, a call's result
ignored…), the module's own tests run against it (`pytest -x`), and the mutant counts as killed when they fail
or hang. The source is put back after each mutant, whatever happens. Prints a table of scores per module.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The modules that decide what the record says, and the tests that speak for each. Fast tests come first
# (`pytest -x` stops at the first failure, so a killed mutant costs little); the slow property runs come last.
# The file-fuzzing run (~40 s) is kept for the modules that read session files, not for the rules.
LOG_FAST = [
    f"tests/core/log/{name}.py"
    for name in (
        "test_hand_made_payloads", "test_undo_later_changes", "test_unappliable_event", "test_unwritable_text",
        "test_clock_steps_back", "test_bad_files", "test_hostile_schema", "test_anchors", "test_checkpoint",
        "test_atomic_create", "test_session_file", "test_read_only", "test_session_reading", "test_older_files",
    )
]
LOG_RULES = [*LOG_FAST, "tests/core/log/test_record_properties.py"]
LOG_ALL = [*LOG_RULES, "tests/core/log/test_fuzzed_files.py"]
DRAFT = [
    f"tests/core/draft/{name}.py"
    for name in (
        "test_drafting", "test_undo_every_step", "test_places", "test_draft_lookups", "test_bracket_messages",
        "test_unbracket_anywhere", "test_labels_past_z", "test_numbering_modes", "test_record_wording",
        "test_resolution_shape", "test_authorship", "test_compare", "test_importers", "test_word_import",
        "test_word_corpus", "test_walk_scales", "test_draft_properties",  # the property run shrinks for minutes
    )
]
MODULES: dict[str, list[str]] = {
    "chairdesk/core/log/eventlog.py": LOG_ALL,
    "chairdesk/core/log/session.py": [*LOG_FAST, "tests/core/draft/test_drafting.py",
                                      "tests/core/draft/test_undo_every_step.py", *LOG_RULES[-1:]],
    "chairdesk/core/draft/model.py": [*DRAFT, "tests/core/adoption"],
    "chairdesk/core/draft/brackets.py": DRAFT,
    "chairdesk/core/draft/checks.py": [*DRAFT, *LOG_RULES],
    "chairdesk/core/draft/apply.py": [*DRAFT, *LOG_RULES],
    "chairdesk/core/draft/events.py": [*DRAFT, *LOG_RULES],
    "chairdesk/core/floor/events.py": ["tests/core/floor"],
    "chairdesk/core/floor/transcript.py": ["tests/core/floor"],
    "chairdesk/core/adoption/events.py": ["tests/core/adoption", "tests/test_cli_adoption.py"],
    "chairdesk/core/adoption/votes.py": ["tests/core/adoption"],
    "chairdesk/export/base.py": [
        "tests/export/test_style_reference.py",
        "tests/export/test_schema.py::test_add_child_puts_an_element_at_its_schema_position",
        "tests/export/test_report_properties.py", "tests/export/test_atomic_export.py",
        "tests/export/test_report_docx.py", "tests/export/test_reference.py", "tests/export/test_redline_docx.py",
    ],
    "chairdesk/export/redline_docx.py": [
        "tests/export/test_seal.py::test_a_broken_record_is_not_exported", "tests/export/test_redline_docx.py",
        "tests/export/test_redline_second_reading.py", "tests/export/test_reference.py", "tests/export/test_libreoffice.py",
        "tests/export/test_redline_property.py",
    ],
    "chairdesk/export/report_docx.py": [
        "tests/export/test_report_properties.py", "tests/export/test_report_docx.py", "tests/export/test_reference.py",
        "tests/export/test_seal.py::test_a_broken_record_is_not_exported",
    ],
}
FLIPS = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}
ARITH = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.FloorDiv: ast.Mult, ast.Mod: ast.FloorDiv}


@dataclass
class Mutant:
    """One planted bug: where, what it was, what it became."""

    module: str
    line: int
    col: int
    end_line: int
    end_col: int
    before: str
    after: str
    operator: str
    killed: bool | None = None
    seconds: float = 0.0

    @property
    def name(self) -> str:
        """module:line `before` → `after`."""
        return f"{self.module}:{self.line} {self.before!r} -> {self.after!r}"


def _docstring_nodes(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _variants(node: ast.AST, docstrings: set[int]) -> list[tuple[str, ast.AST]]:
    """The mutated copies of one node, each with its operator's name."""
    out: list[tuple[str, ast.AST]] = []
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in FLIPS:
        out.append(("flip comparison", ast.Compare(node.left, [FLIPS[type(node.ops[0])]()], node.comparators)))
    elif isinstance(node, ast.BinOp) and type(node.op) in ARITH and not isinstance(node.left, ast.Constant | ast.JoinedStr):
        if not (isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant)):
            out.append(("swap arithmetic", ast.BinOp(node.left, ARITH[type(node.op)](), node.right)))
    elif isinstance(node, ast.BoolOp):
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        out.append(("and/or", ast.BoolOp(other, node.values)))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        out.append(("drop not", node.operand))
    elif isinstance(node, ast.Constant) and id(node) not in docstrings:
        if node.value is True or node.value is False:
            out.append(("true/false", ast.Constant(not node.value)))
        elif isinstance(node.value, int) and not isinstance(node.value, bool):
            out.append(("number ± 1", ast.Constant(node.value + 1)))
    elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add | ast.Sub):
        out.append(("+= to =", ast.Assign([node.target], node.value, lineno=node.lineno)))
    elif isinstance(node, ast.Return) and node.value is not None and not (
        isinstance(node.value, ast.Constant) and node.value.value is None
    ):
        out.append(("return None", ast.Return(ast.Constant(None))))
    elif isinstance(node, ast.If):
        out.append(("negate condition", ast.UnaryOp(ast.Not(), node.test)))
    return out


def mutants_of(module: str, root: Path = ROOT) -> list[Mutant]:
    """Every mutant the operators make of a module (If: its condition negated; others: the node replaced)."""
    source = (root / module).read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstrings = _docstring_nodes(tree)
    found: list[Mutant] = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) is None:
            continue
        for operator, new in _variants(node, docstrings):
            target = node.test if isinstance(node, ast.If) else node
            before = ast.get_source_segment(source, target)
            if before is None or "\n" in before and operator != "negate condition":
                continue
            after = ast.unparse(new)
            if operator == "negate condition":
                after = f"not ({before})"
            if after == before:
                continue
            found.append(Mutant(module, target.lineno, target.col_offset, target.end_lineno,
                                target.end_col_offset, before, after, operator))
    return found


def apply(source: str, m: Mutant) -> str:
    """The module's source with one mutant planted."""
    lines = source.splitlines(keepends=True)  # ast's column offsets count UTF-8 bytes: convert per line
    first = lines[m.line - 1].encode()
    start = sum(len(line) for line in lines[: m.line - 1]) + len(first[: m.col].decode())
    last = lines[m.end_line - 1].encode()
    end = sum(len(line) for line in lines[: m.end_line - 1]) + len(last[: m.end_col].decode())
    assert source[start:end] == m.before, (source[start:end], m.before)
    return source[:start] + m.after + source[end:]


def run_one(m: Mutant, tests: list[str], timeout: float, root: Path = ROOT) -> Mutant:
    """Plant the mutant, run its tests, put the source back; killed = the tests failed or hung."""
    path = root / m.module
    original = path.read_text(encoding="utf-8")
    began = time.monotonic()
    try:
        path.write_text(apply(original, m), encoding="utf-8")
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", QT_QPA_PLATFORM="offscreen")
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *tests]
        try:
            result = subprocess.run(command, cwd=root, env=env, capture_output=True, timeout=timeout)
            m.killed = result.returncode != 0
        except subprocess.TimeoutExpired:
            m.killed = True
    finally:
        path.write_text(original, encoding="utf-8")
        m.seconds = round(time.monotonic() - began, 1)
    return m


def _same(old: Mutant, every: list[Mutant]) -> Mutant | None:
    """The mutant of the current source that plants the same bug as an earlier one (lines may have moved)."""
    same = [m for m in every if (m.before, m.after, m.operator) == (old.before, old.after, old.operator)]
    if not same:
        print(f"GONE     {old.name} (the line is no longer in the source)", flush=True)
        return None
    return min(same, key=lambda m: (abs(m.line - old.line), abs(m.col - old.col)))


def main(argv: list[str] | None = None) -> int:
    """Run the mutants and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-module", type=int, default=25, help="mutants sampled per module (0: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--module", action="append", help="only these modules")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a mutant counts as a hang")
    parser.add_argument("--json", type=Path, help="write every mutant and its fate here")
    parser.add_argument("--again", type=Path, help="re-run only the survivors listed in this earlier --json")
    parser.add_argument("--timeout-was", type=float, default=900,
                        help="with --again, also re-run mutants killed by a timeout this long (a slow machine)")
    args = parser.parse_args(argv)
    earlier = [Mutant(**m) for m in json.loads(args.again.read_text())] if args.again else None
    modules = args.module or (sorted({m.module for m in earlier}) if earlier else list(MODULES))
    results: list[Mutant] = []
    for module in modules:
        every = mutants_of(module)
        if earlier is not None:
            again = [m for m in earlier if m.module == module and (not m.killed or m.seconds >= args.timeout_was)]
            chosen = [found for m in again if (found := _same(m, every))]
        else:
            chosen = every if not args.per_module else random.Random(f"{args.seed}:{module}").sample(
                every, min(args.per_module, len(every))
            )
        for m in chosen:
            results.append(run_one(m, MODULES[module], args.timeout))
            print(("killed  " if m.killed else "SURVIVED") + f" {m.name}  ({m.operator}, {m.seconds} s)", flush=True)
        if args.json:
            args.json.write_text(json.dumps([asdict(r) for r in results], indent=1))
    print("\n| Module | Mutants | Killed | Score |\n|---|---|---|---|")
    for module in modules:
        mine = [r for r in results if r.module == module]
        killed = sum(1 for r in mine if r.killed)
        print(f"| `{module}` | {len(mine)} | {killed} | {killed / len(mine):.0%} |" if mine else f"| `{module}` | 0 | - | - |")
    total = sum(1 for r in results if r.killed)
    print(f"| all | {len(results)} | {total} | {total / max(1, len(results)):.0%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
