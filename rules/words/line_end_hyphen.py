from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_re, lazy_regex
from .evidence import Evidence, evidence, shipped_words
from .scoring import join_margin
from .split_word import ELISIONS
from .syllables import is_hyphenation_point

SHY = "\u00ad"
APOSTROPHES = frozenset("’'")
# `word-` (or `word -`, `word\u00ad`) at a line end, then blank lines or a form feed, then `part`.
BREAK = lazy_regex(
    r"(?<![\p{L}\p{M}\d])(?P<a>\p{L}[\p{L}\p{M}]*+|\d++)(?P<space> ?)(?P<hyphen>-?\u00ad|[-\u2010])[ \t]*+"
    r"(?P<between>\n[ \t\n\f]*+)(?P<b>\p{L}[\p{L}\p{M}]*+|\d++)(?P<tail>[^\s\u00ad]*+)(?P<after>[ \t]*+)"
)
# Where BREAK can match: its hyphen before the line end (a fast scan of the text).
HYPHEN_AT_LINE_END = lazy_re("[-\u2010\u00ad][ \t]*\n")
# The letters, marks and digits that end before a position (read backwards): where `a` starts.
RUN_BEFORE = lazy_regex(r"(?r)[\p{L}\p{M}\d]*")
# The piece after a break's continuation, one space away (`chan te.`), what is glued to it, spaces.
PIECE_AFTER = lazy_regex(r"(?P<q>\p{L}[\p{L}\p{M}]*+)(?P<tail>[^\s\u00ad]*+)[ \t]*+")
# French pronouns and particles after a hyphen (`a-t-il`, `celle-ci`, `elle-même`).
PARTICLES = frozenset(
    "t il elle on ils elles je tu nous vous moi toi lui leur leurs y en ci là même mêmes".split()
)
KEEP_MARGIN = 2.0
DROP_UNSAFE_MARGIN = 4.5
DROP_SAFE_MARGIN = 5.0
WORD_ZIPF = 2.5
KNOWN_ZIPF = 3.0
RARE_ZIPF = 2.0
# A document hyphenates words when this many of its line-end hyphens are syllable breaks, this many
# times as many as the compounds (typeset UDHR and fr-typeset: 5-37 breaks per compound or none;
# UN English documents: 0-5 breaks beside 1-20 compounds).
HYPHENATED_BREAKS = 5
BREAKS_PER_COMPOUND = 5
# There a break the patterns allow is dropped when the joined word is this much likelier than the
# two words (safely from HYPHENATED_SAFE_MARGIN), and is common or, beside a half that is no word,
# at least seen (SEEN_ZIPF) in the frequencies.
HYPHENATED_MARGIN = 1.0
HYPHENATED_SAFE_MARGIN = 4.0
SEEN_ZIPF = 1.0
# A word of the same family: the same beginning through all of the continuation but an ending of this
# many letters, and at least this many letters of it.
FAMILY_ENDING = 3
FAMILY_STEM = 3
# Letter-spacing leaves a piece of this many letters or fewer beside the break (`ju s-`, `chan te`).
KERNED_PIECE = 3


@dataclass(frozen=True)
class Decision:
    keep: bool | None  # keep the hyphen, drop it, or None: cannot tell
    applicability: Applicability | None
    evidence: str
    pieces: Pieces | None = None  # a letter-spaced word's pieces (`ju s-`⏎`ticia`), if not `a` and `b`


@dataclass(frozen=True)
class Pieces:
    """A break as its fix joins it: the word is `left` + the hyphen kept (if any) + `right`, from
    ``begin``. The edit replaces ``text[start:rest_end]`` (or through the spaces after it, up to
    ``end``, when the line goes on) with `head` + that hyphen + `moved`."""

    left: str
    right: str
    begin: int
    start: int
    head: str
    moved: str  # `right` and what is glued to it (`texte.`), moved up to the first line
    rest_end: int
    end: int

    @classmethod
    def of(cls, m: regex.Match[str]) -> Pieces:
        """`a-`⏎`b`: `a` stays where it is; `b` and its tail move up."""
        return cls(m["a"], m["b"], m.start(), m.end("a"), "", m["b"] + m["tail"], m.end("tail"), m.end())


class LineEndHyphen(Rule):
    """A word or compound broken at a line end: keep the hyphen, drop it, or leave it.

    What it does:
        Finds `word-` at the end of a line followed (after blank lines, if any) by the
        rest on the next line, and decides between a compound (`self-`⏎`determination`,
        `soixante-`⏎`treizième`, `2008-`⏎`2011`: keep the hyphen and join), a syllable
        break (`dévelop-`⏎`pement`: drop the hyphen and join) or nothing. A soft hyphen
        (U+00AD) at a line end is a syllable break. The joined word moves up to the
        first line; the line structure is otherwise kept.

    Why it matters:
        Extractors keep the hyphen of automatic hyphenation and of compounds alike;
        tools that always drop it destroy compounds (docling, GROBID), tools that never
        join leave half-words (`dévelop-`) for every later step.

    Example:
        ``l’assistance au dévelop-⏎pement durable`` → ``l’assistance au développement⏎durable``

    Fix safety:
        The hyphen is dropped only on positive evidence: a soft hyphen, a French
        elision after the break (`jus-`⏎`qu’alors`), the joined word used elsewhere in
        the document, a known joined word far more frequent than its halves when one
        half is no word (`étouf-`⏎`fait`, `ré-`⏎`férence`: no compound reading is left),
        or a common joined word far more frequent than two words that do not follow a
        prefix (`achieve-`⏎`ment`). In a document that hyphenates words (five or more
        of its line-end hyphens, and five times as many as its compounds, are such
        syllable breaks) a break that the language's hyphenation patterns allow in a
        known joined word is dropped too (`es-`⏎`prit`, `ar-`⏎`rivât`); unsafely when
        two words or a prefix remain a plausible reading (`in-`⏎`humains`,
        `de-`⏎`venir`), unless the document writes the word's family joined and no
        compound of its first half (`всеобщая` for `все-`⏎`общему`). In any document, a
        letter-spaced word broken at a line end (`ju s-`⏎`ticia`, `tou-`⏎`chan te`: the
        halves make no word, with the spaced piece a known word the patterns break there)
        is joined unsafely. It is kept on the document's own hyphenated form, keep-lists
        (numerals, `peut-être`, `-t-il`), digits, a capitalised continuation, or two
        words that do not form one. Weaker evidence gives an unsafe fix; conflicting
        evidence a diagnostic without fix. After a space
        (`drug -`⏎`resistant`) the hyphen may be a dash: it is dropped on the same
        evidence but kept only on the document's or a keep-list's.
    """

    code = "WD002"
    name = "line-end-hyphen"
    family = "words"
    summary = "Word or compound broken by a hyphen at a line end"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        text = doc.text
        ev = None
        found = []
        for m in _breaks(text):
            start = m.start("a")
            if start and text[start - 1] in "/_@." or (m["space"] and SHY in m["hyphen"]):
                continue
            ev = ev or evidence(doc, options)
            if not ev.doc.in_url(start, m.end("a")):
                found.append((m, _decide(m, ev)))
        hyphenating = _hyphenating(found)
        for m, decision in found:
            if hyphenating and ev and not _safe(decision):
                decision = _decide(m, ev, hyphenating)
            if decision is not None:
                yield self._report(m, decision, text)

    def _report(self, m: regex.Match[str], decision: Decision, text: str) -> Diagnostic:
        pieces = decision.pieces or Pieces.of(m)
        keep_hyphen = m["hyphen"].replace(SHY, "") if decision.keep else ""
        word = pieces.left + keep_hyphen + pieces.right
        fix, end = None, m.end("b")
        if decision.applicability is not None:
            rest_of_line = pieces.end < len(text) and text[pieces.end] != "\n"
            moved = pieces.head + keep_hyphen + pieces.moved
            if rest_of_line or "\f" in m["between"]:
                edit = Fix.replace(pieces.start, pieces.end, moved + m["between"], decision.applicability)
            else:
                edit = Fix.replace(pieces.start, pieces.rest_end, moved, decision.applicability)
            fix = Fix(edit.edits, decision.applicability, f"Join into `{word}`")
            end = max(end, edit.edits[-1].end)  # the span covers the whole edit (the moved tail and space)
        verb = "compound" if decision.keep else "word" if decision.keep is False else "word or compound"
        return self.diagnostic(
            pieces.begin,
            end,
            f"{verb.capitalize()} `{word}` broken at a line end",
            fix=fix,
            evidence=decision.evidence,
        )


def _kerned(m: regex.Match[str], ev: Evidence) -> Decision | None:
    """`ju s-`⏎`ticia`, `tou-`⏎`chan te.`: a letter-spaced word broken at a line end. `ab` is no
    word; with the piece before `a` (or after `b`, one space away) it is a known word that the
    hyphenation patterns break there. Unsafe: the space is the extractor's guess as much as ours."""
    a, b, text = m["a"], m["b"], m.string
    if ev.zipf(a + b) or ev.known(a + b):
        return None
    start = m.start("a")
    if text[start - 1 : start] == " ":
        piece = RUN_BEFORE.match(text, 0, start - 1).group()
        begin = start - 1 - len(piece)
        pieces = Pieces(piece + a, b, begin, start - 1, a, b + m["tail"], m.end("tail"), m.end())
        if found := _kerned_word(pieces, (piece, a), ev):
            return found
    if not m["tail"] and m["after"] == " " and (q := PIECE_AFTER.match(text, m.end())):
        right = b + q["q"]
        pieces = Pieces(a, right, m.start(), m.end("a"), "", right + q["tail"], q.end("tail"), q.end())
        return _kerned_word(pieces, (b, q["q"]), ev)
    return None


def _kerned_word(pieces: Pieces, spaced: tuple[str, str], ev: Evidence) -> Decision | None:
    """The drop of a letter-spaced break: ``left + right`` is a known word that the hyphenation
    patterns break there, and of the ``spaced`` pieces (letters) one is short, as letter-spacing
    leaves it."""
    left, right = pieces.left, pieces.right
    word = left + right
    short = min(map(len, spaced)) <= KERNED_PIECE
    if not (all(p.isalpha() for p in spaced) and short and ev.known(word, KNOWN_ZIPF)):
        return None
    if not is_hyphenation_point(ev.lang, left, right):
        return None
    facts = f"`{left}-{right}` is a hyphenation point of `{word}` (Zipf {ev.zipf(word):.1f}), spaced out"
    return Decision(False, Applicability.UNSAFE, facts, pieces)


def _breaks(text: str) -> Iterator[regex.Match[str]]:
    """``BREAK.finditer(text)``, trying BREAK only where a hyphen ends a line.

    `a` is the whole run of letters and digits before the hyphen (and a space): the one
    place a match can start.
    """
    end = 0
    for hit in HYPHEN_AT_LINE_END.finditer(text):
        before = hit.start()  # before the hyphen (`-` + soft hyphen counts as one) and a space
        if text[before] == SHY and text[before - 1 : before] == "-":
            before -= 1
        if text[before - 1 : before] == " ":
            before -= 1
        start = RUN_BEFORE.match(text, 0, before).start()
        if start >= end and start < before and (m := BREAK.match(text, start)):
            end = m.end()
            yield m


def _safe(decision: Decision | None) -> TypeGuard[Decision]:
    """A decision with a safe fix."""
    return decision is not None and decision.applicability is Applicability.SAFE


def _hyphenating(found: list[tuple[regex.Match[str], Decision | None]]) -> str:
    """The document hyphenates words at line ends: of its line-end hyphens (soft hyphens aside),
    ``HYPHENATED_BREAKS`` or more are safely decided syllable breaks, ``BREAKS_PER_COMPOUND`` times
    as many as the compounds. The evidence, or ``""``."""
    breaks = compounds = 0
    for m, decision in found:
        if _safe(decision) and SHY not in m["hyphen"]:
            breaks += not decision.keep
            compounds += bool(decision.keep)
    if breaks < HYPHENATED_BREAKS or breaks < BREAKS_PER_COMPOUND * compounds:
        return ""
    return f"the document hyphenates words ({breaks} syllable breaks, {compounds} compounds at line ends)"


def _decide(m: regex.Match[str], ev: Evidence, hyphenating: str = "") -> Decision | None:
    """Keep or drop the hyphen of the break ``m``; ``hyphenating``: :func:`_hyphenating`'s evidence."""
    a, b, hyphen, spaced = m["a"], m["b"], m["hyphen"], bool(m["space"])
    elided = m["tail"][:1] in APOSTROPHES
    if hyphen.endswith(SHY):
        return Decision("-" in hyphen, Applicability.SAFE, "soft hyphen (U+00AD): a syllable break")
    if elided and ev.lang == "fr" and (a + b).lower() in ELISIONS:
        return Decision(False, Applicability.SAFE, f"`{a}{b}’` is an elision; no compound ends in one")
    if a.isdigit() or b.isdigit():
        if a.isdigit() and b.isdigit():
            return Decision(True, Applicability.SAFE, "numbers on both sides (a range)")
        return None
    found = _from_document(a, b, ev) or _from_list(a, b) or (None if spaced else _from_shape(a, b, ev))
    if found or (found := _kerned(m, ev)):
        return found
    # After a space the hyphen may be a dash: frequencies may drop it (`impo -`⏎`seront`), not keep it.
    by_frequency = _from_frequencies(a, b, ev, dash=spaced)
    if hyphenating and (by_frequency is None or by_frequency.keep is not True and not _safe(by_frequency)):
        return _from_hyphenation(a, b, ev, hyphenating) or by_frequency
    return by_frequency


def _from_hyphenation(a: str, b: str, ev: Evidence, hyphenating: str) -> Decision | None:
    """A syllable break in a document that hyphenates words: the patterns allow `a-b` in `ab`, a
    common word (or one seen in the frequencies beside a half that is no word: `ar-`⏎`rivât`)
    more probable than the two words by ``HYPHENATED_MARGIN``. Safe from ``HYPHENATED_SAFE_MARGIN``
    on, after no prefix (`pré-`⏎`texte`, `de-`⏎`venir` stay unsafe), or when the document writes the
    word's family joined (:func:`_family`)."""
    if not is_hyphenation_point(ev.lang, a, b):
        return None
    za, zb, zj, margin = _zipfs(a, b, ev)
    fragment = min(za, zb) < WORD_ZIPF and zj >= SEEN_ZIPF
    if margin < HYPHENATED_MARGIN or not (zj >= WORD_ZIPF or fragment):
        return None
    safe = margin >= HYPHENATED_SAFE_MARGIN and a.lower() not in shipped_words("prefixes")
    facts = (
        f"`{a}-{b}` is a hyphenation point of `{a}{b}` (Zipf {zj:.1f}, `{a}` {za:.1f}, `{b}` {zb:.1f}; "
        f"margin {margin:.1f}) and {hyphenating}"
    )
    if family := _family(a, b, ev):
        safe, facts = True, f"{facts}; {family}"
    return Decision(False, Applicability.SAFE if safe else Applicability.UNSAFE, facts)


def _family(a: str, b: str, ev: Evidence) -> str:
    """The document writes another word of `ab`'s family joined: one that begins with `a` and all of
    `b` but its last ``FAMILY_ENDING`` letters (at least ``FAMILY_STEM`` of them: `всеобщая` for
    `все-`⏎`общему`, `internationaux` for `inter-`⏎`nationales`), and no compound of `a-` on a line.
    The evidence, or ``""``."""
    low_a, low_b = a.lower(), b.lower()
    stem = low_a + low_b[: max(FAMILY_STEM, len(low_b) - FAMILY_ENDING)]
    if len(low_b) < FAMILY_STEM or any(c.startswith(f"{low_a}-") for c in ev.doc.compounds):
        return ""
    word = next((w for w in ev.doc.words if w.startswith(stem) and w != low_a + low_b), "")
    return f"the document writes `{word}` joined and no `{a}-` compound" if word else ""


def _from_list(a: str, b: str) -> Decision | None:
    low_a, low_b = a.lower(), b.lower()
    if f"{low_a}-{low_b}" in shipped_words("keep_hyphen"):
        return Decision(True, Applicability.SAFE, f"`{a}-{b}` is in the keep-list of hyphenated compounds")
    numbers = shipped_words("numbers")
    if low_a in numbers and low_b in numbers:
        return Decision(True, Applicability.SAFE, "compound numeral")
    return None


def _from_shape(a: str, b: str, ev: Evidence) -> Decision | None:
    """A capitalised continuation (`États-`⏎`Unis`) or a French particle (`a-`⏎`t-il`)."""
    if b[0].isupper() and not b.isupper():
        return Decision(True, Applicability.SAFE, f"capitalised continuation `{b}`")
    if ev.lang == "fr" and b.lower() in PARTICLES and not ev.known(a + b, WORD_ZIPF):
        return Decision(True, Applicability.SAFE, f"`-{b}` is a pronoun or particle; `{a}{b}` is not a word")
    return None


def _from_document(a: str, b: str, ev: Evidence) -> Decision | None:
    hyphenated, joined = ev.compound_count(a, b), ev.count(a + b)
    facts = f"`{a}-{b}` occurs {hyphenated}× and `{a}{b}` {joined}× in this document"
    if hyphenated and joined:
        return Decision(None, None, facts)
    if hyphenated:
        return Decision(True, Applicability.SAFE, facts)
    if joined:
        return Decision(False, Applicability.SAFE, facts)
    return None


def _zipfs(a: str, b: str, ev: Evidence) -> tuple[float, float, float, float]:
    """Zipf of `a`, `b` and `ab` (a lexicon word counts as known) and the margin of `ab` over `a b`."""
    za, zb, zj = ev.zipf(a), ev.zipf(b), ev.zipf(a + b)
    if ev.in_lexicon(a + b):
        zj = max(zj, KNOWN_ZIPF)
    return za, zb, zj, join_margin(zj, za, zb)


def _from_frequencies(a: str, b: str, ev: Evidence, dash: bool = False) -> Decision | None:
    if not ev.has_frequencies:
        return None
    za, zb, zj, margin = _zipfs(a, b, ev)
    facts = f"Zipf `{a}{b}` {zj:.1f}, `{a}` {za:.1f}, `{b}` {zb:.1f}; margin {margin:.1f}"
    both_words = min(za, zb) >= WORD_ZIPF
    prefix = a.lower() in shipped_words("prefixes")
    # A compound joins two words, or a prefix and a word: with a half that is no word (`étouf-`⏎`fait`,
    # `ré-`⏎`férence`) the syllable break is the one reading, even of a rarer joined word.
    fragment = not both_words and not (prefix and zb > 0) and min(len(a), len(b)) > 1
    if margin >= DROP_UNSAFE_MARGIN and (zj >= KNOWN_ZIPF or (fragment and zj >= RARE_ZIPF)):
        syllables = min(len(a), len(b)) > 1 and not prefix and margin >= DROP_SAFE_MARGIN
        return Decision(False, Applicability.SAFE if fragment or syllables else Applicability.UNSAFE, facts)
    if dash:
        return None
    if both_words and zj < WORD_ZIPF and min(za, zb) >= KNOWN_ZIPF:
        return Decision(True, Applicability.SAFE, facts)
    if both_words and margin <= KEEP_MARGIN and zj < KNOWN_ZIPF:
        return Decision(True, Applicability.UNSAFE, facts)
    if zj >= KNOWN_ZIPF or both_words:
        return Decision(None, None, facts)
    return None
