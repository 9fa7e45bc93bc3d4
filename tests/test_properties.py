"""Fix safety as properties (hypothesis), over every registered rule and real corpus lines.

Documents are built from real lines (``fixtures/reliability/``): clean gold lines in six
languages, mutated at random the way extractors damage text (spaces inside words, words
hyphenated over a line break, doubled spaces, trailing spaces, spaces before punctuation
and apostrophes, page breaks, CRLF), and raw extracted lines as they came out of PDFs.
The fix loop is replayed pass by pass with the engine's own parts, checking:

- the edits chosen in one pass never overlap (nor insert twice at one point);
- what every edit changes lies inside the span its diagnostic reports (text an edit
  rewrites unchanged at its ends does not count);
- no letter, digit, ``/``, ``’`` or real hyphen of the clean text is lost, except inside
  whole lines removed by a furniture rule (families ``pages``, ``footnotes``, ``un``);
- the replay ends on the same text as ``reslint.fix``, and fixing again changes nothing;
- clean gold text comes out unchanged;
- CRLF text is fixed exactly like its LF version, and positions point into the original.

Example counts are modest (80/200/150/100; ``RESLINT_PROPERTY_SCALE=10`` runs ten times more);
in CI (``CI`` set) the examples are derandomized so a run is reproducible.
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reslint.diagnostics import Diagnostic, Edit
from reslint.document import Document
from reslint.fixes import allowed_applicabilities, apply_edits, choose_fixes
from reslint.linter import MAX_FIX_PASSES, RULE_FAILURE_CODE, Linter
from reslint.newlines import NewlineMap

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "reliability"
GOLD: dict[str, list[str]] = {}
for _row in (FIXTURES / "lines.txt").read_text(encoding="utf-8").splitlines():
    _lang, _line = _row.split("\t", 1)
    GOLD.setdefault(_lang, []).append(_line)
RAW = [line for line in (FIXTURES / "raw_lines.txt").read_text(encoding="utf-8").split("\n") if line]
LINE_REMOVAL_FAMILIES = frozenset({"pages", "footnotes", "un"})
PROTECTED_PUNCTUATION = frozenset("/’-")

LINTER = Linter()  # the default rules, as `reslint check` runs them
UNSAFE_LINTER = Linter(select=["ALL"])
FAMILY = {rule.code: rule.family for rule in UNSAFE_LINTER.registry.rules}

# Rules whose fix may also move the whitespace just past their reported span (none now: WD002's
# span covers the space it moves when joining `desti-\nnée suite` as `destinée\nsuite`).
KNOWN_SPAN_OVERRUNS: frozenset[str] = frozenset()
SCALE = float(os.environ.get("RESLINT_PROPERTY_SCALE", "1"))  # e.g. 10 for a deeper local run


def examples(count: int) -> settings:
    return settings(
        max_examples=max(1, int(count * SCALE)),
        deadline=None,
        derandomize=bool(os.environ.get("CI")),
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def protected(text: str) -> Counter[str]:
    """Letters, digits, ``/``, ``’`` and hyphens that are not at a line end (NFKC)."""
    text = unicodedata.normalize("NFKC", text)
    counts: Counter[str] = Counter()
    for i, char in enumerate(text):
        if char == "-":
            rest = text[i + 1 : i + 40].lstrip(" \t\r")
            if rest.startswith("\n") or not rest:
                continue  # a line-end hyphen may be a word-break hyphen
        if char.isalnum() or char in PROTECTED_PUNCTUATION:
            counts[char] += 1
    return counts


def conflict(a: Edit, b: Edit) -> bool:
    """Overlap, or two insertions at one point (``a`` sorted before ``b``)."""
    return a.end > b.start or (a.start == a.end == b.start == b.end)


@dataclass
class Replay:
    """The fix loop replayed pass by pass, with what each pass did."""

    text: str
    problems: list[str] = field(default_factory=list)
    removed_lines: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)


def replay(linter: Linter, text: str, lang: str | None, unsafe: bool) -> Replay:
    out = Replay(text)
    allowed = allowed_applicabilities(unsafe)
    lang = linter.language(text.replace("\r\n", "\n"), lang)
    for _ in range(MAX_FIX_PASSES):
        nl = NewlineMap(out.text)
        doc = Document(nl.normalized, lang=lang)
        diagnostics = linter._run(doc, linter.rules, {})
        out.failures += [d.message for d in diagnostics if d.code == RULE_FAILURE_CODE]
        edits, fixed = choose_fixes(diagnostics, allowed)
        new_text = apply_edits(out.text, nl.edits(edits))
        if new_text == out.text:
            return out
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        for a, b in zip(ordered, ordered[1:], strict=False):
            if conflict(a, b):
                out.problems.append(f"overlapping edits {a} and {b}")
        for diag in fixed:
            check_edits(diag, doc, out)
        out.text = new_text
    out.problems.append("did not settle")
    return out


def check_edits(diag: Diagnostic, doc: Document, out: Replay) -> None:
    assert diag.fix is not None
    family = FAMILY.get(diag.code, "")
    removals = [
        e for e in diag.fix.edits
        if family in LINE_REMOVAL_FAMILIES and whole_lines(doc.text, e) and not e.replacement.strip()
    ]
    taken: Counter[str] = Counter()
    for edit in removals:
        taken.update(protected(doc.text[edit.start : edit.end]))
    for edit in diag.fix.edits:
        removed = doc.text[edit.start : edit.end]
        if edit in removals:
            out.removed_lines.update(protected(removed))
        elif is_move(edit, taken):
            # The fix puts back text it removed elsewhere (footnote bodies gathered at the end).
            out.removed_lines.subtract(protected(edit.replacement))
        elif not inside(diag, changed_part(edit, removed)) and not whitespace_overrun(diag, edit, doc):
            out.problems.append(
                f"{diag.code} edits {edit.start}..{edit.end} ({removed!r} -> {edit.replacement!r}) "
                f"outside its reported span {diag.start}..{diag.end}"
            )


def is_move(edit: Edit, taken: Counter[str]) -> bool:
    """An insertion made only of characters the same fix removed as whole lines."""
    inserted = protected(edit.replacement)
    return edit.start == edit.end and bool(inserted) and not inserted - taken


def changed_part(edit: Edit, removed: str) -> Edit:
    """``edit`` without the text it rewrites unchanged at its start and end."""
    new = edit.replacement
    head = 0
    while head < min(len(removed), len(new)) and removed[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(removed), len(new)) - head and removed[-1 - tail] == new[-1 - tail]:
        tail += 1
    return Edit(edit.start + head, edit.end - tail, new[head : len(new) - tail])


def inside(diag: Diagnostic, edit: Edit) -> bool:
    return diag.start <= edit.start <= edit.end <= diag.end


def whitespace_overrun(diag: Diagnostic, edit: Edit, doc: Document) -> bool:
    """A known rule's edit that reaches past its span only over whitespace."""
    text = doc.text
    outside = text[edit.start : max(edit.start, diag.start)] + text[min(edit.end, diag.end) : edit.end]
    return diag.code in KNOWN_SPAN_OVERRUNS and not outside.strip()


def whole_lines(text: str, edit: Edit) -> bool:
    starts_line = edit.start == 0 or text[edit.start - 1] == "\n"
    ends_line = edit.end == len(text) or text[edit.end - 1] == "\n" or text[edit.end] == "\n"
    return starts_line and ends_line and edit.end > edit.start


# --- documents -------------------------------------------------------------------------


@st.composite
def gold_documents(draw: st.DrawFn) -> tuple[str, str]:
    lang = draw(st.sampled_from(sorted(GOLD)))
    lines = draw(st.lists(st.sampled_from(GOLD[lang]), min_size=1, max_size=5, unique=True))
    return lang, "\n".join(lines) + "\n"


MUTATIONS = ("space-in-word", "hyphen-break", "double-space", "trailing", "space-before-punct",
             "detached-elision", "line-break", "form-feed")


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """``text`` with extraction damage that adds only spaces, breaks and line-end hyphens."""
    chars = list(text)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(MUTATIONS))
        i = draw(st.integers(1, max(1, len(chars) - 2)))
        if i >= len(chars) - 1:
            continue
        before, after = chars[i - 1], chars[i]
        between_letters = before.isalpha() and after.isalpha()
        if kind == "space-in-word" and between_letters:
            chars.insert(i, " ")
        elif kind == "hyphen-break" and between_letters:
            chars.insert(i, "-\n")
        elif kind == "double-space" and after == " ":
            chars.insert(i, " ")
        elif kind == "trailing" and after == "\n":
            chars.insert(i, " " * draw(st.integers(1, 3)))
        elif kind == "space-before-punct" and after in ",.;:" and before.isalnum():
            chars.insert(i, " ")
        elif kind == "detached-elision" and after == "’":
            chars.insert(i, " ")
        elif kind == "line-break" and after == " " and before not in "-‐":
            chars[i] = "\n"
        elif kind == "form-feed" and before == "\n":
            chars.insert(i, "\f")
    out = "".join(chars)
    return out.replace("\n", "\r\n") if draw(st.booleans()) else out


@st.composite
def damaged_gold(draw: st.DrawFn) -> tuple[str, str, str]:
    lang, gold = draw(gold_documents())
    return lang, gold, draw(mutated(gold))


@st.composite
def raw_documents(draw: st.DrawFn) -> str:
    start = draw(st.integers(0, len(RAW) - 1))
    count = draw(st.integers(1, 12))
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    return separator.join(RAW[start : start + count]) + separator


# --- properties ------------------------------------------------------------------------


@examples(80)
@given(damaged_gold(), st.booleans())
def test_fixing_damaged_gold_is_safe_idempotent_and_loses_nothing(
    case: tuple[str, str, str], unsafe: bool
) -> None:
    lang, gold, damaged = case
    linter = UNSAFE_LINTER if unsafe else LINTER
    run = replay(linter, damaged, lang, unsafe)
    assert not run.failures
    assert not run.problems
    assert run.text == linter.fix(damaged, lang=lang, unsafe=unsafe).text
    assert linter.fix(run.text, lang=lang, unsafe=unsafe).text == run.text
    lost = protected(gold) - protected(run.text) - run.removed_lines
    assert not lost, f"lost {dict(lost)}: {gold!r} -> {damaged!r} -> {run.text!r}"


@examples(200)
@given(gold_documents())
def test_clean_gold_text_is_unchanged(case: tuple[str, str]) -> None:
    lang, gold = case
    result = LINTER.fix(gold, lang=lang)
    assert result.text == gold, [(d.code, d.message) for d in result.applied]


@examples(150)
@given(raw_documents(), st.booleans())
def test_fixing_raw_extractions_is_safe_and_idempotent(text: str, unsafe: bool) -> None:
    linter = UNSAFE_LINTER if unsafe else LINTER
    run = replay(linter, text, None, unsafe)
    assert not run.failures
    assert not run.problems
    fixed = linter.fix(text, unsafe=unsafe).text
    assert run.text == fixed
    lang = linter.language(text) or "und"  # pinned: detected afresh it may differ ("und": unknown)
    assert linter.fix(fixed, unsafe=unsafe, lang=lang).text == fixed


@examples(100)
@given(raw_documents())
def test_crlf_is_fixed_like_lf_and_positions_point_into_the_original(text: str) -> None:
    lf = text.replace("\r\n", "\n")
    crlf = lf.replace("\n", "\r\n")
    assert LINTER.fix(crlf, lang="fr").text == LINTER.fix(lf, lang="fr").text.replace("\n", "\r\n")
    for diag in LINTER.lint(crlf, lang="fr"):
        before = crlf[: diag.start]
        assert diag.line == before.count("\n") + 1
        assert diag.column == len(before) - (before.rfind("\n") + 1) + 1
        assert not crlf[diag.start : diag.end].startswith("\n") or diag.start == diag.end


def test_fixtures_are_real_and_varied() -> None:
    assert len(RAW) >= 300 and sum(map(len, GOLD.values())) >= 200 and len(GOLD) == 6
