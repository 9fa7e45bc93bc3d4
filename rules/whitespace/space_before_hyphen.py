from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Rule

from ..fences import in_code
from ..lazy_pattern import lazy_regex
from ._gap import delete_gap

# A hyphen glued to the next word after one to three spaces that follow a word: `high -level`.
# Anchored on the hyphen, the gap captured in the lookbehind (faster than scanning spaces).
GAP = lazy_regex(r"(?<=[\p{L}\p{N}]\p{M}*(?P<gap>[ \t]{1,3}))[-‐‑](?=[\p{L}\p{N}])")
LEFT_WORD = lazy_regex(r"[\p{L}\p{N}\p{M}]+$")
RIGHT_WORD = lazy_regex(r"[\p{L}\p{N}\p{M}]+")
ACRONYM = lazy_regex(r"\p{Lu}+")
# The two words around each hyphen of the text (anchored on the hyphen, the left word in
# the lookbehind): `non-Self-Governing` gives `non`/`Self` and `Self`/`Governing`.
JOINED = lazy_regex(r"(?<=(?P<a>[\p{L}\p{N}\p{M}]+))[-‐‑](?P<b>[\p{L}\p{N}\p{M}]+)")
# Closed lists of words that build hyphenated compounds (English and French): the first part
# (`co`, `self`, `twenty`, `sous`) or the second (`based`, `level`, `fifth`, `être`).
PREFIXES = frozenset(
    "co non self re pre post sub multi anti cross mid inter intra pan ex semi vice well long"
    " short high low full cost one two three four five six seven eight nine ten twenty thirty"
    " forty fifty sixty seventy eighty ninety first second third socio ethno bio eco geo macro"
    " micro mega over under counter de trans extra ultra neo quasi pseudo sous auto demi mi"
    " contre néo".split()
)
HEADS = frozenset(
    "based related level term up making building being ended driven free sensitive oriented"
    " centred centered resistant income quality specific friendly dense standard relevant led"
    " owned wide scale year month day week old time aligned controlled initiated binding fatal"
    " medical elected appointed proclaimed determination operation operative chair chairs"
    " coordinator general party instance war first second third fourth fifth sixth seventh"
    " eighth ninth one two three four five six seven eight nine hoc hazard sex care être delà"
    " dessus dessous même mêmes".split()
)


NO_EVIDENCE = "no evidence of a compound: the hyphen may be a dash that lost its space"


class SpaceBeforeHyphen(Rule):
    """A space between a word and the hyphen of a compound: `high -level`.

    What it does:
        Finds one to three spaces before a hyphen that is glued to the next word
        (`co -chairs`, `UN -Nutrition`, `Secretary -General`). A dash spaced on both
        sides (`2008 - 2011`, `word - word`), a list dash at the start of a line and a
        number range (`2008 -2011`) are left alone; a digit after the hyphen is accepted
        only after an acronym (`COVID -19`). Markdown code (a fence or a code span:
        `` `make -j4` ``) is skipped.

    Why it matters:
        Word writes kerning offsets before hyphens and pdftotext, pdfminer and pypdf turn
        them into spaces (168 hits in 18 of 45 UN documents in pdftotext output): the
        compound falls apart into a word and a token starting with a hyphen.

    Example:
        `advance an evidence -based` → `advance an evidence-based`

    Fix safety:
        Safe when there is evidence of a compound: the document writes it joined
        elsewhere (`UN-Nutrition`), or a part is in a closed list of compound prefixes and
        heads (`co`, `self`, `twenty`; `based`, `level`, `fifth`). Otherwise unsafe: the
        hyphen may be a dash whose following space was lost (`défenseur -de ce qui`,
        dialogue dashes in old French print), and always unsafe for a single letter after
        a lower-case word: `git rebase -i`, `ls -l` are command-line options, even where a
        branch name writes `rebase-i-redo` (`SPLM -N` keeps its evidence).
    """

    code = "WS005"
    name = "space-before-hyphen"
    family = "whitespace"
    summary = "Space before the hyphen of a compound"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        for m in GAP.finditer(text):
            start, end = m.span("gap")
            left = LEFT_WORD.search(text, max(0, start - 80), start)
            right = RIGHT_WORD.match(text, end + 1)
            if left is None or right is None:
                continue
            if (right.group()[0].isdigit() and not ACRONYM.fullmatch(left.group())) or in_code(doc, start):
                continue
            compound = f"{left.group()}{text[end]}{right.group()}"
            option = len(right.group()) == 1 and right.group().isalpha() and left.group().islower()
            evidence = None if option else _evidence(doc, left.group().lower(), right.group().lower())
            yield delete_gap(
                self,
                start,
                end,
                f"Space inside the compound '{compound}'",
                f"Write '{compound}'",
                safe=evidence is not None,
                evidence=evidence
                or ("a single letter after the hyphen: a command-line option?" if option else NO_EVIDENCE),
            )


def _evidence(doc: Document, left: str, right: str) -> str | None:
    if f"{left}-{right}" in doc.memo("whitespace.hyphenated-pairs", lambda: _pairs(doc.text)):
        return f"the document writes '{left}-{right}' elsewhere"
    if left in PREFIXES:
        return f"'{left}' is a compound prefix"
    if right in HEADS:
        return f"'{right}' builds compounds"
    return None


def _pairs(text: str) -> frozenset[str]:
    """Adjacent parts of the hyphenated words of the text, lower-cased: `self-governing`."""
    return frozenset(f"{m.group('a')}-{m.group('b')}".lower() for m in JOINED.finditer(text))
