from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from itertools import compress
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from .evidence import Evidence, evidence, shared_memo, shipped_words
from .joined_lines import SpacedCompound, in_joined_line, spaced_compounds

MIN_LENGTH = 5
# No word is longer: a longer token (a run of letters and marks without spaces) is not tried.
MAX_LENGTH = 60
MIN_PART = 2
# A word this common is a spelling of its own (`cooperation`), not a merged compound.
COMMON_ZIPF = 3.0
# Both halves of a compound suggested from frequencies alone must be common words.
PART_ZIPF = 3.5
MIN_GUESSED_PART = 4
SUFFIXES = frozenset("ness ment less able ship hood wise like ants ance ence".split())
# Characters glued to a token that make it part of something larger (a code, a path, an elision). A
# compound the document writes with its hyphen may be glued to a hyphen or apostrophe
# (`Under-SecretaryGeneral’s`).
GLUE = "-’'/_"
DOC_GLUE = "/_"


class LostHyphen(Rule):
    """A compound whose hyphen the extractor deleted (`genderbased` for `gender-based`).

    What it does:
        Finds a word that is not a word of the language but splits into the two halves
        of a hyphenated compound that the document itself uses (`gender-based`), that a
        keep-list holds (`self-determination`) or that is a compound numeral
        (`twenty-first`, `Fifty-third`). Also the compound whose hyphen became a space where
        pdftotext joined two lines (`drug resistant` in an overlong line of a hard-wrapped
        document, where its first line ended).

    Why it matters:
        Default pdftotext removes the hyphen of a compound broken at a line end and
        merges its halves (162 times in 39 of the UN documents surveyed): the merged
        word matches nothing in search or a dictionary.

    Example:
        ``centre for the care of genderbased violence survivors`` →
        ``centre for the care of gender-based violence survivors``;
        ``including its drug resistant forms`` (one line of 175 characters where the
        document wraps at 86) → ``including its drug-resistant forms``

    Fix safety:
        Safe when the document writes the compound with its hyphen (more often than
        without, if the merged form occurs more than once), or a keep-list or the
        numerals show it. When the document writes the merged form once (`stockouts` beside
        `stock-outs`, a licence's `NONINFRINGEMENT` beside `NON-INFRINGEMENT` twice: a
        document may spell it both ways), only where the extractor joined two lines (the
        line is overlong in a hard-wrapped document); unsafe elsewhere.
        Unsafe too for a CamelCase word (`DiffHighlight`, a Perl module beside its tool
        `diff-highlight`) unless the document writes the compound with the same capitals
        (`Secretary-General` for `SecretaryGeneral`). A merged form that is a common word
        (`cooperation`) or that the document uses as often is left alone. When only word
        frequencies suggest the halves (`thenexisting`), the hyphenated form is a
        suggestion that is never applied. A space where two lines were joined is safe to
        replace when it is the only pair at the first line's end that the document
        hyphenates, and the document writes the compound with its hyphen at least as often
        as with a space; unsafe otherwise.
    """

    code = "WD003"
    name = "lost-hyphen"
    family = "words"
    summary = "Compound whose hyphen was lost"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        ev = evidence(doc, options)
        text, tokens, texts = doc.text, ev.doc.tokens, ev.doc.texts
        # Decided once per distinct word; most are too short, lexicon words or not compounds. A word
        # the document uses twice is restored only from its hyphenated form (see `_restore`).
        counts, joins = ev.doc.words, ev.doc.hyphen_joins
        restored = shared_memo("lost-hyphen", doc.lang)
        restorable = {
            word: found
            for word, low in set(zip(texts, ev.doc.lowered, strict=True))
            if MIN_LENGTH <= len(word) <= MAX_LENGTH
            and (counts[low] <= 1 or low in joins)
            and not ev.in_lexicon(word)
            and (found := _remembered(restored, word, low, ev))
        }
        written = cache(text.__contains__)  # a compound as spelled, capitals included
        for i in compress(range(len(texts)), map(restorable.__contains__, texts)):
            (start, end), word = tokens[i], texts[i]
            glue = DOC_GLUE if ev.doc.hyphen_joins.get(word.lower()) else GLUE
            if not _free(text, start, end, glue) or ev.doc.in_url(start, end):
                continue
            cut, applicability, facts = restorable[word]
            weak = _merged_once(word, cut, ev) and not in_joined_line(doc, start)
            hyphenated = f"{word[:cut]}-{word[cut:]}"
            if applicability is Applicability.SAFE and weak:
                applicability = Applicability.UNSAFE
                facts += "; no line was joined here (a document may well spell it both ways)"
            elif applicability is Applicability.SAFE and _camel_case(word, cut) and not written(hyphenated):
                # `DiffHighlight` beside `diff-highlight`: a name (`SecretaryGeneral` has `Secretary-General`)
                applicability = Applicability.UNSAFE
                facts += f"; `{hyphenated}` itself is not in the document (a CamelCase name?)"
            yield self.diagnostic(
                start,
                end,
                f"`{word}` looks like the compound `{hyphenated}` without its hyphen",
                fix=Fix.replace(start + cut, start + cut, "-", applicability, f"Write `{hyphenated}`"),
                evidence=facts,
            )
        yield from map(self._spaced, spaced_compounds(doc, ev))

    def _spaced(self, found: SpacedCompound) -> Diagnostic:
        """A compound whose hyphen became a space where pdftotext joined two lines."""
        compound = found.compound
        message = (
            f"`{compound.replace('-', ' ')}` looks like the compound `{compound}` "
            "whose hyphen was lost where two lines were joined"
        )
        fix = Fix.replace(found.offset, found.offset + 1, "-", found.applicability, f"Write `{compound}`")
        return self.diagnostic(found.start, found.end, message, fix=fix, evidence=found.evidence)


def _camel_case(word: str, cut: int) -> bool:
    """A capital starts the second half after a lower-case first half: ``DiffHighlight`` (a name
    written so on purpose) as well as ``SecretaryGeneral`` (the extractor's merge)."""
    return word[cut - 1].islower() and word[cut].isupper()


def _merged_once(word: str, cut: int, ev: Evidence) -> bool:
    """The document writes the word once merged and its compound hyphenated (no numeral): as
    likely two spellings (`stockouts`, `stock-outs`; a licence's `NONINFRINGEMENT` beside
    `NON-INFRINGEMENT` twice; `goodfaith` as printed in the PDF) as an extractor's merge."""
    low = word.lower()
    numbers = shipped_words("numbers")
    numeral = low[:cut] in numbers and low[cut:] in numbers
    return not numeral and ev.doc.words.get(low, 0) == 1 and ev.doc.hyphen_joins.get(low, (0, 0))[1] >= 1


def _free(text: str, start: int, end: int, glue: str) -> bool:
    """The token stands alone: no digit nor a character of ``glue`` glued to it."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isdigit() or after.isdigit() or before in glue or after in glue)


def _remembered(
    restored: dict[Any, tuple[int, Applicability, str] | None], word: str, low: str, ev: Evidence
) -> tuple[int, Applicability, str] | None:
    """:func:`_restore`, memoised across documents (``restored``) under what it reads of the document:
    how often it writes ``word`` (``low`` in lower case) and the compound it hyphenates as."""
    key = (word, ev.doc.words.get(low, 0), ev.doc.hyphen_joins.get(low))
    if key not in restored:
        restored[key] = _restore(word, ev)
    return restored[key]


def _restore(word: str, ev: Evidence) -> tuple[int, Applicability, str] | None:
    """Where the hyphen goes, how safe restoring it is, and why."""
    z_word = ev.zipf(word)
    merged = ev.count(word)
    best, hyphenated = ev.doc.hyphen_joins.get(word.lower(), (0, 0))
    if hyphenated:
        facts = f"`{word[:best]}-{word[best:]}` occurs {hyphenated}× and `{word}` {merged}× in this document"
        if z_word < COMMON_ZIPF and (hyphenated > merged or merged == 1):
            return best, Applicability.SAFE, f"{facts}; Zipf `{word}` {z_word:.1f}"
        return None
    if z_word >= COMMON_ZIPF or ev.count(word) > 1:
        return None
    low = word.lower()
    numbers, keep = shipped_words("numbers"), shipped_words("keep_hyphen")
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        a, b = low[:i], low[i:]
        if f"{a}-{b}" in keep:
            return i, Applicability.SAFE, f"`{a}-{b}` is in the keep-list of hyphenated compounds"
        if a in numbers and b in numbers and a != "et":
            return i, Applicability.SAFE, "compound numeral"
    return _guess(word, z_word, ev)


def _guess(word: str, z_word: float, ev: Evidence) -> tuple[int, Applicability, str] | None:
    """Two common halves of an unknown word: a suggestion only (`thenexisting`)."""
    if not ev.has_frequencies or z_word > 0 or not word.islower():
        return None
    cuts = range(MIN_PART + 1, len(word) - MIN_PART)
    good = [
        i for i in cuts if min(ev.zipf(word[:i]), ev.zipf(word[i:])) >= PART_ZIPF and word[i:] not in SUFFIXES
    ]
    # `lowemission` is `low-emission` or `lowe-mission`: two readings, no suggestion.
    if len(good) != 1 or min(good[0], len(word) - good[0]) < MIN_GUESSED_PART:
        return None
    cut = good[0]
    a, b = word[:cut], word[cut:]
    facts = f"`{word}` is not a word; Zipf `{a}` {ev.zipf(a):.1f}, `{b}` {ev.zipf(b):.1f}"
    return cut, Applicability.DISPLAY_ONLY, facts
