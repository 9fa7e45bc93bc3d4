from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import compress
from operator import add, or_
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex
from .evidence import LINE_END_HYPHEN, Evidence, Spans, chunks, evidence, words_around
from .scoring import KNOWN_ZIPF, MIN_LETTER_JOIN, RARE_ZIPF, UNSAFE_MARGIN, Verdict, join_margin, join_verdict

# The gap between two pieces of a split word: one space (two in pdfminer's justified lines).
GAPS = frozenset({" ", "  "})
CODE = lazy_regex(r"[\d_@]")
TRIPLE_GAIN = 3.0
LETTER_SPACED = 3
ELIDED = lazy_regex(r" ?[’']")
CLITICS = frozenset("s t d m ll re ve".split())
ELISIONS = frozenset("l d j m n s t c qu jusqu lorsqu puisqu quoiqu quelqu presqu".split())
# OCR debris around a join (`Filicite le Pon s des Natio s`): of the tokens this far on either side,
# this many are unknown and not themselves split words. The join is then a guess: unsafe.
CONTEXT = 2
NOISY = 2
UNKNOWN_ZIPF = 1.0
# A word cut at a line end with no hyphen (`appa`⏎`raître`: a page stitched back, a hyphen pdftotext
# lost): a fragment rarer than RARE_ZIPF written nowhere else, beside a piece of two letters or more,
# joins into a common word BROKEN_MARGIN more likely (unsafe; safe when the document writes the word).
LINE_BREAK = lazy_regex(r"[ \t]*\n[ \t]*")
# A capital inside a word, after a lower-case letter: a name (`RegexPattern`, `iPhone`); the word
# around it, found from there (few words have one: the scan stays on the two letters).
CAMEL_JOINT = lazy_regex(r"\p{Ll}\p{Lu}")
LETTERS = lazy_regex(r"[\p{L}\p{M}]*")
LETTERS_BEFORE = lazy_regex(r"(?r)[\p{L}\p{M}]*")
BROKEN_MARGIN = 7.0
MOVED = lazy_regex(r"(?P<tail>\S*+)[ \t]*+")
# Default pdftotext drops a line-end hyphen and joins the two printed lines with a space (`de mon es
# prit`): a line JOINED_LINE times the document's line width or longer holds such a break one width
# (± BREAK_WINDOW of it) from its start. The width is the median length of the lines inside
# paragraphs, from WIDTH_LINES of them or more.
JOINED_LINE = 1.3
BREAK_WINDOW = 0.15
WIDTH_LINES = 20
# Two words at such a break join (unsafe) on this margin, or on BREAK_DOC_MARGIN when the document
# writes the joined word elsewhere (`sur prise`), safely on SAFE_BREAK_MARGIN and that use.
BREAK_MARGIN = 3.5
BREAK_DOC_MARGIN = 1.5
SAFE_BREAK_MARGIN = 3.0
# `Que lle`, `члено в`: a fragment this much rarer than the joined word, written nowhere else in a
# clean document, joins (unsafe) on FRAGMENT_MARGIN.
FRAGMENT_GAP = 2.5
FRAGMENT_MARGIN = 4.0
# A clean document that splits words (kerning, lost line-end hyphens): KERNED distinct words or more
# joined safely elsewhere from a piece that is no word (rarer than RARE_ZIPF and written only there,
# or a lone letter that is no word). There two more joins are made, unsafely:
KERNED = 2
SHOWN = 3  # examples of them in the evidence
# a word split before an inflection ending that is a common word itself (`engage ait`, `approprié es`,
# `свобод но`: a stem of STEM letters or more) on ENDING_MARGIN; the real two-word sequence is rare
# (`que le rapport ait`, `tu es`) but exists, hence unsafe;
ENDINGS = {
    "fr": frozenset("es ait ais ai aient ont".split()),
    "ru": frozenset({"но"}),
}
STEM = 4
ENDING_MARGIN = 2.0
# a rare word (Zipf RARE_WORD_ZIPF to RARE_ZIPF, too rare to be a candidate) split into a word and a
# fragment of FRAGMENT_LETTERS or more that wordfreq never saw and the document writes only there
# (`instit uait`), on UNSAFE_MARGIN.
RARE_WORD_ZIPF = 1.5
FRAGMENT_LETTERS = 3
# The pieces of a join (their spans) and its verdict.
Join = tuple[list[tuple[int, int]], Verdict]


class SplitWord(Rule):
    """A word cut in two or three by a spurious space.

    What it does:
        Finds adjacent pieces on one line (`desti née`, `Developm ent`, `N ovember`,
        `inter rupt ion`), or two pieces on either side of a line break with no hyphen
        (`appa`⏎`raître`), whose concatenation is a known word while the pieces are not
        as likely on their own. The score is a unigram model: the Zipf frequency of the
        joined word against the summed Zipf frequencies of the pieces, plus the
        document's own use of the joined word.

    Why it matters:
        Word's kerning and justification offsets make extractors print a space inside a
        word; default pdftotext also leaves `tech nique` where a hyphenated line end was.
        The split word is lost to search, spell checks and embeddings.

    Example:
        ``une question desti née à promouvoir`` → ``une question destinée à promouvoir``

    Fix safety:
        Safe when the joined word occurs elsewhere in the document, or when it is far more
        likely than its pieces and one piece is not a common word, or when the document
        writes it twice or more and none of its pieces anywhere else (`ai der`). A lone
        letter joins safely into a word of four letters or more that the document uses
        (`toute s`, `w ould`), or of six or more beside a fragment (`c alculated`,
        `domicili o`; four in a clean document, see below: `avoi d`) or more common than the
        word beside it (`negotiation s`); a letter between a fragment and a word is inside
        the word (`techn i que`); French lone letters before an apostrophe into an elision
        the document uses (`q u’ils`). Unsafe on a smaller margin, for a lone letter beside
        a common word the document does not use (`tout e`; in a clean document, see below,
        safe into a word about as common: `ouvert e`) or making a short word (`Pon s`,
        `rese t`), for an unknown joined form the document does not write joined twice as
        often as apart (`Ce grouppe`), and among unknown words (OCR debris, a line in
        another language). A lone letter joined into a word under four letters is safe only
        into a word the document writes 20 times or more: over 300 times as common as each
        piece beside a fragment (`th e`, `n ot`), or as common as each piece in a clean
        document (500 words or more, under 2.5% of them rare: no OCR; `o f`, `l e`, `an d`,
        `t he`). Otherwise (OCR debris: `n'e t`, `as an d hoc`) and for two unknown pieces
        joined into a word that is not known either (but for a rare word in a clean
        document: `c ometerse`), a diagnostic without fix. A clitic after an apostrophe
        (`Army’s aid`) and, in French, a lone elided letter after a word (`de l prof`) are
        never joined. Two common words whose join is not much more likely (`in to`, `de la`,
        `a new`) are never reported. Default pdftotext joins a line hyphenated at its end with
        the next one by a space: two words about one line width into a line 1.3 widths or longer,
        one of them written nowhere else in the document, join unsafely on a smaller margin
        (`es prit`, `sur prise`; `bon gré mal gré`, both words used elsewhere, stays), safely when the
        document writes the joined word (`uni forme`). In a clean document a fragment written nowhere
        else and far rarer than the common word it makes joins unsafely (`Que lle`, `члено в`).
        In a clean document that splits words elsewhere (two words or more joined safely from a piece
        that is no word), a word split before an inflection ending that is a common word itself
        (`engage ait`, `approprié es`, `свобод но`; `que le rapport ait` is French too) and a word
        too rare to be a candidate split off a fragment never seen in wordfreq (`instit uait`) join
        unsafely. At the break of a line pdftotext joined, a French elision joins unsafely on a smaller
        margin (`jus qu’alors`: no word is hyphenated before `qu’`; `dès lors qu’il` stays apart).
        A word cut at a line end without a hyphen (a page stitched back: `appa`⏎`raître`) is
        moved up whole when a piece is a fragment written nowhere else and the word far more
        likely than its pieces: safely when the document writes the word and the words around
        are no OCR debris, else unsafely. A join the document writes only with a capital
        inside, which the pieces lack, is a name, not evidence: unsafe (`regex pattern`
        beside the class `RegexPattern`).
    """

    code = "WD001"
    name = "split-word"
    family = "words"
    summary = "Word split by a spurious space"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        ev = evidence(doc, options)
        text, tokens = doc.text, ev.doc.tokens
        candidates, broken, tripled = _candidates(ev, _pairs(doc, options))
        starts = set(candidates)
        splits = _splits(ev, candidates)
        best: dict[int, Join | None] = {}
        verdicts: dict[tuple[str, ...], Verdict | None] = {}  # the same pieces recur in a document

        def judge(pieces: tuple[str, ...]) -> Verdict | None:
            if pieces not in verdicts:
                verdicts[pieces] = join_verdict(pieces, ev, splits["".join(pieces).lower()])
            return verdicts[pieces]

        def best_at(i: int) -> Join | None:
            if i not in starts:
                return None
            if i not in best:
                best[i] = _best_join(text, tokens, i, ev, judge, tripled)
            return best[i]

        second = _SecondLook(text, ev, splits, lambda: filter(None, map(best_at, candidates)))
        taken = 0  # tokens before this one are part of a reported join
        joined: set[int] = set()
        for i in candidates:
            if i < taken:
                continue
            found = best_at(i)
            if found is None or found[1].applicability is None and len(found[0]) == 2:
                found = second.verdict(i, found)
            if found is None:
                continue
            # `de r éussir`: the join starting at the next piece may be the better one.
            following = best_at(i + 1)
            if following is not None and following[1].margin > found[1].margin:
                continue
            pieces, verdict = found
            if verdict.applicability is Applicability.SAFE and (
                doubt := _noise(ev, starts, i, len(pieces)) or _camel_only(doc, ev, i, len(pieces))
            ):
                unsafe = Applicability.UNSAFE
                verdict = replace(verdict, applicability=unsafe, evidence=f"{verdict.evidence}; {doubt}")
            elif verdict.applicability is None and _split_elision(text, pieces, ev):
                elision = f"{verdict.evidence}; an elision before `’`"
                verdict = replace(verdict, applicability=Applicability.SAFE, evidence=elision)
            yield self._report(pieces, verdict, text)
            taken = i + len(pieces)
            joined.update(range(i, taken))
        for i in broken:
            if i not in joined and i + 1 not in joined and (diagnostic := self._broken(text, ev, starts, i)):
                yield diagnostic
        for i, (pieces, verdict) in second.rare_words():
            if i not in joined and i + 1 not in joined:
                yield self._report(pieces, verdict, text)

    def _broken(self, text: str, ev: Evidence, starts: set[int], i: int) -> Diagnostic | None:
        """`appa`⏎`raître`: a word cut at a line end without a hyphen (a page stitched back, a hyphen
        pdftotext lost), moved up whole onto the first line."""
        a, b = ev.doc.texts[i : i + 2]
        pair = [ev.doc.tokens[i], ev.doc.tokens[i + 1]]
        if min(len(a), len(b)) < 2 or not b.islower() or len(_run(text, ev.doc.tokens, i, pair, ev)) != 2:
            return None
        joined = a + b
        z_raw, za, zb = ev.zipf(joined), ev.zipf(a), ev.zipf(b)
        margin = join_margin(z_raw, za, zb)
        fragments = [p for p, z in ((a, za), (b, zb)) if z < RARE_ZIPF]
        if z_raw < KNOWN_ZIPF or margin < BROKEN_MARGIN or not fragments:
            return None
        if any(ev.count(p) > 1 for p in fragments):
            return None
        in_doc = ev.count(joined)
        facts = _pair_facts((joined, z_raw), in_doc, (a, za), (b, zb), margin) + "; cut at a line end"
        applicability = Applicability.SAFE if in_doc else Applicability.UNSAFE
        if in_doc and (noise := _noise(ev, starts, i, 2)):
            applicability, facts = Applicability.UNSAFE, f"{facts}; {noise}"
        moved = MOVED.match(text, pair[1][1])
        if moved.end() < len(text) and text[moved.end()] != "\n":  # the line goes on: keep its break
            end, content = moved.end(), b + moved["tail"] + ev.doc.gaps[i]
        else:
            end, content = moved.end("tail"), b + moved["tail"]
        fix = Fix.replace(pair[0][1], end, content, applicability, f"Join into `{joined}`")
        message = f"`{a}⏎{b}` looks like the word `{joined}` cut at a line end"
        return self.diagnostic(pair[0][0], end, message, fix=fix, evidence=facts)

    def _report(self, pieces: list[tuple[int, int]], verdict: Verdict, text: str) -> Diagnostic:
        start, end = pieces[0][0], pieces[-1][1]
        joined = "".join(text[s:e] for s, e in pieces)
        fix = None
        if verdict.applicability is not None:
            fix = Fix.replace(start, end, joined, verdict.applicability, f"Join into `{joined}`")
        return self.diagnostic(
            start,
            end,
            f"`{text[start:end]}` looks like the word `{joined}` split by a space",
            fix=fix,
            evidence=verdict.evidence,
        )


def _best_join(
    text: str,
    tokens: Spans,
    i: int,
    ev: Evidence,
    judge: Callable[[tuple[str, ...]], Verdict | None],
    tripled: set[int],
) -> Join | None:
    """Join two pieces from token ``i``, or three when that beats joining the first two (``judge``: a
    memoised :func:`join_verdict`; ``tripled``: the tokens whose triple joins into something known,
    the only ones :func:`join_verdict` may join)."""
    n, texts = _gapped(ev.doc.gaps, i), ev.doc.texts
    if n == 3 and i not in tripled:
        n = 2
    # `_run` only shortens the gapped run: if none of its joins is a word, no join is.
    if n < 2 or not (judge(texts[i : i + 2]) or n == 3 and judge(texts[i : i + 3])):
        return None
    run = _run(text, tokens, i, [tokens[j] for j in range(i, i + n)], ev)
    pieces = texts[i : i + len(run)]
    pair = judge(pieces[:2]) if len(run) > 1 else None
    triple = judge(pieces) if len(run) > 2 else None
    # `h ealth care` is `health care`, `inter rupt ion` is `interruption`: the margin of the triple
    # over the pair is how much more likely one word is than the pair's word plus the third piece.
    if triple and (pair is None or triple.margin - pair.margin >= TRIPLE_GAIN):
        return run, triple
    return (run[:2], pair) if pair else None


class _SecondLook:
    """Joins of two pieces that :func:`join_verdict` leaves unfixed, on evidence it does not weigh:
    a line that default pdftotext joined at a hyphenation break, or a fragment in a clean document
    (either needs a piece written nowhere else in the document); in a clean document that splits
    words (``joins``: the joins :func:`join_verdict` made), an inflection ending or a rare word."""

    def __init__(
        self, text: str, ev: Evidence, splits: Counter[str], joins: Callable[[], Iterable[Join]]
    ) -> None:
        self.text, self.ev, self.splits, self.joins = text, ev, splits, joins
        self.endings = ENDINGS.get(ev.lang or "", frozenset())
        self._breaks: tuple[float, list[int], list[int]] | None = None
        self._kerned: str | None = None

    def verdict(self, i: int, found: Join | None) -> Join | None:
        """The pair from token ``i`` with a verdict that fixes it, else ``found`` (unchanged)."""
        ev, low = self.ev, self.ev.doc.lowered
        words = ev.doc.words
        once = min(words[low[i]], words[low[i + 1]]) <= 1
        ending = ev.doc.texts[i + 1] in self.endings
        if not (once or ending):
            return found
        a, b = ev.doc.texts[i : i + 2]
        joined = a + b
        if ev.doc.gaps[i] != " " or not b.islower() or self.splits[low[i] + low[i + 1]] > 1:
            return found
        # Not after a digit, in a URL, among spaced letters, before an elision (as `_run` says).
        pair = [ev.doc.tokens[i], ev.doc.tokens[i + 1]]
        if len(_run(self.text, ev.doc.tokens, i, pair, ev)) != 2:
            return found
        in_doc, z_raw = ev.count(joined), ev.zipf(joined)
        if z_raw < RARE_ZIPF and not in_doc:
            return found
        za, zb = ev.zipf(a), ev.zipf(b)
        margin = join_margin(z_raw, za, zb)
        fixable = None
        if once:
            fixable = self._at_break(i, joined, margin, in_doc) or self._fragment(a, b, z_raw, za, zb, margin)
        if ending and not fixable:
            fixable = self._ending(a, b, margin)
        if fixable is None:
            return found
        applicability, why = fixable
        facts = f"{_pair_facts((joined, z_raw), in_doc, (a, za), (b, zb), margin)}; {why}"
        return pair, Verdict(applicability, margin, facts)

    def _at_break(self, i: int, joined: str, margin: float, in_doc: int) -> tuple[Applicability, str] | None:
        """`es prit`, `sur prise`: two words of two letters or more at the break of a line that
        default pdftotext joined from two, about one line width from its start (`bon gré mal gré`,
        both words used elsewhere, stays apart); on a smaller margin before `’` when ``joined`` is a
        French elision (`jus qu’alors`: no word is hyphenated before `qu’`)."""
        ev = self.ev
        if min(map(len, ev.doc.texts[i : i + 2])) < 2:
            return None
        elided = ELIDED.match(self.text, ev.doc.tokens.ends[i + 1]) is not None
        elision = ev.lang == "fr" and joined.lower() in ELISIONS and elided
        if margin < BREAK_MARGIN and not ((in_doc or elision) and margin >= BREAK_DOC_MARGIN):
            return None
        width, lows, highs = self.breaks
        gap = ev.doc.tokens.ends[i]
        k = bisect_right(lows, gap) - 1
        if k < 0 or gap > highs[k]:
            return None
        safe = in_doc and margin >= SAFE_BREAK_MARGIN
        why = f"at the break of a line joined from two (line width {width:g})"
        if elision:
            why += f"; `{joined}’` is an elision"
        return (Applicability.SAFE if safe else Applicability.UNSAFE), why

    @property
    def breaks(self) -> tuple[float, list[int], list[int]]:
        """The line width (the median length of the lines followed by a line of the same paragraph)
        and the offsets where the lines of ``JOINED_LINE`` widths or more were joined (computed once;
        no width and no offsets from fewer than ``WIDTH_LINES`` such lines)."""
        if self._breaks is None:
            lines = self.text.split("\n")
            inner = sorted(len(a) for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip())
            width = float(inner[len(inner) // 2]) if len(inner) >= WIDTH_LINES else 0.0
            lows: list[int] = []
            highs: list[int] = []
            start = 0
            for line in lines:
                if width and len(line) >= JOINED_LINE * width:
                    lows.append(start + math.ceil(width * (1 - BREAK_WINDOW)))
                    highs.append(start + math.floor(width * (1 + BREAK_WINDOW)))
                start += len(line) + 1
            self._breaks = width, lows, highs
        return self._breaks

    def _fragment(
        self, a: str, b: str, z_raw: float, za: float, zb: float, margin: float
    ) -> tuple[Applicability, str] | None:
        """`Que lle`, `члено в`: in a clean document, a piece of two letters or more that is no common
        word, written nowhere else and far rarer than the common word it joins into (of four letters or
        more beside a lone letter: `n ot` stays as :func:`join_verdict` decided)."""
        ev = self.ev
        if not ev.clean or z_raw < KNOWN_ZIPF or margin < FRAGMENT_MARGIN:
            return None
        if min(len(a), len(b)) == 1 and len(a) + len(b) < MIN_LETTER_JOIN:
            return None
        for piece, z in ((a, za), (b, zb)):
            if len(piece) > 1 and z < KNOWN_ZIPF and z_raw - z >= FRAGMENT_GAP and ev.count(piece) == 1:
                return Applicability.UNSAFE, f"`{piece}` is a fragment, in a clean document"
        return None

    def _ending(self, a: str, b: str, margin: float) -> tuple[Applicability, str] | None:
        """`engage ait`, `approprié es`, `свобод но`: a stem and an inflection ending that is a common
        word itself, in a clean document that splits words (unsafe: `que le rapport ait` is French)."""
        if len(a) < STEM or margin < ENDING_MARGIN:
            return None
        if not (kerned := self.kerned):
            return None
        why = f"`{b}` is an inflection ending, in a document that splits words ({kerned})"
        return Applicability.UNSAFE, why

    def rare_words(self) -> Iterator[tuple[int, Join]]:
        """`instit uait`: a word too rare to be a candidate (Zipf ``RARE_WORD_ZIPF`` to ``RARE_ZIPF``)
        split into a fragment wordfreq never saw, written only there, and another piece, in a clean
        document that splits words; the token index and the unsafe join of each."""
        ev = self.ev
        if not (kerned := self.kerned):  # a clean document that splits words
            return
        words = ev.doc.words
        once = {w for w, n in words.items() if n == 1 and len(w) >= FRAGMENT_LETTERS}
        rare = once - ev.known_elsewhere(once, RARE_ZIPF)  # no lexicon word
        flags = list(map(rare.__contains__, ev.doc.lowered))
        for i in compress(range(len(ev.doc.gaps)), map(or_, flags, flags[1:])):
            if found := self._rare(i, rare, kerned):
                yield i, found

    def _rare(self, i: int, rare: set[str], kerned: str) -> Join | None:
        """The unsafe join of the pair from token ``i`` that :meth:`rare_words` describes, if it is one
        (``rare``: the words of the document that may be such a fragment; ``kerned``: how it splits
        words)."""
        ev = self.ev
        a, b = ev.doc.texts[i : i + 2]
        if ev.doc.gaps[i] not in GAPS or not b.islower():
            return None
        fragments = [p for p in (a, b) if p.lower() in rare and ev.zipf(p) == 0]
        joined = a + b
        if not fragments or not RARE_WORD_ZIPF <= (z_raw := ev.zipf(joined)) < RARE_ZIPF:
            return None
        pair = [ev.doc.tokens[i], ev.doc.tokens[i + 1]]
        za, zb = ev.zipf(a), ev.zipf(b)
        margin = join_margin(z_raw, za, zb)
        if margin < UNSAFE_MARGIN or len(_run(self.text, ev.doc.tokens, i, pair, ev)) != 2:
            return None
        facts = _pair_facts((joined, z_raw), 0, (a, za), (b, zb), margin)
        why = f"`{fragments[0]}` is no word, in a document that splits words ({kerned})"
        return pair, Verdict(Applicability.UNSAFE, margin, f"{facts}; {why}")

    @property
    def kerned(self) -> str:
        """How a clean document splits words: ``KERNED`` distinct words or more joined safely from a piece
        that is no word, with examples (``""`` when fewer; computed once)."""
        if self._kerned is None:
            text, ev = self.text, self.ev
            seen: dict[str, str] = {}
            for pieces, verdict in self.joins():
                words = [text[s:e] for s, e in pieces]
                if verdict.applicability is Applicability.SAFE and any(_no_word(ev, w) for w in words):
                    seen.setdefault("".join(words).lower(), " ".join(words))
            shown = [f"`{w}`" for w in seen.values()]
            more = ", …" if len(shown) > SHOWN else ""
            self._kerned = f"{len(seen)} words split elsewhere: {', '.join(shown[:SHOWN])}{more}"
            if len(seen) < KERNED or not ev.clean:  # (`clean` last: it asks for every word's frequency)
                self._kerned = ""
        return self._kerned


def _no_word(ev: Evidence, piece: str) -> bool:
    """``piece`` is no word: a lone letter that is none, or rarer than ``RARE_ZIPF`` and written only once."""
    if ev.zipf(piece) >= RARE_ZIPF or ev.in_lexicon(piece):
        return False
    return len(piece) == 1 or ev.count(piece) == 1


def _pair_facts(
    joined: tuple[str, float], in_doc: int, a: tuple[str, float], b: tuple[str, float], margin: float
) -> str:
    """The evidence of a two-piece join: the joined word's use, each Zipf and the margin."""
    facts = "; ".join(f"`{word}` {z:.1f}" for word, z in (joined, a, b))
    used = f"`{joined[0]}` occurs {in_doc}× in this document; " if in_doc else ""
    return f"{used}Zipf {facts}; margin {margin:.1f}"


def _split_elision(text: str, pieces: list[tuple[int, int]], ev: Evidence) -> bool:
    """`q u’il`: lone French letters before an apostrophe that join into an elision the document uses."""
    words = [text[s:e] for s, e in pieces]
    joined = "".join(words).lower()
    return (
        ev.lang == "fr"
        and all(len(w) == 1 for w in words)
        and joined in ELISIONS
        and ev.count(joined) > 0
        and ELIDED.match(text, pieces[-1][1]) is not None
    )


def _splits(ev: Evidence, candidates: list[int]) -> Counter[str]:
    """How often each joined form of the candidates is written apart (pairs and triples)."""
    low, gaps = ev.doc.lowered, ev.doc.gaps
    splits = Counter(low[i] + low[i + 1] for i in candidates)
    splits.update(
        low[i] + low[i + 1] + low[i + 2] for i in candidates if i + 2 < len(low) and gaps[i + 1] in GAPS
    )
    return splits


def _camel_only(doc: Document, ev: Evidence, i: int, n: int) -> str:
    """Why the ``n`` pieces from token ``i`` joined are no evidence of one word: the document
    writes that word only with a capital inside (the class `RegexPattern` beside `regex
    pattern`), which the pieces lack; ``""`` otherwise."""
    joined = "".join(ev.doc.texts[i : i + n])
    low = joined.lower()
    named = _camel_case_words(doc).get(low, 0)
    if not named or named < ev.doc.words.get(low, 0) or CAMEL_JOINT.search(joined):
        return ""
    return f"the document writes `{low}` only with a capital inside (a name)"


def _camel_case_words(doc: Document) -> Counter[str]:
    """How often the document writes each word (lower-cased) with a capital inside (memoised)."""
    return doc.memo("words.camel-case", lambda: _count_camel_case(doc.text))


def _count_camel_case(text: str) -> Counter[str]:
    """:func:`_camel_case_words` read from the text: each word once, however many capitals inside."""
    words = words_around(text, CAMEL_JOINT.finditer(text), LETTERS_BEFORE, LETTERS)
    return Counter(text[start:end].lower() for start, end in words)


def _noise(ev: Evidence, starts: set[int], i: int, n: int) -> str:
    """The unknown words around the ``n`` pieces from token ``i`` when there are enough to make the
    context OCR debris (``""`` otherwise). Lone letters (`l’`), the pieces of other candidate joins
    (a line of kerning splits) and the halves of a word hyphenated at a line end (`содей-`⏎`ствовать`)
    do not count; a word the document repeats does (OCR repeats its misreads)."""
    texts, gaps = ev.doc.texts, ev.doc.gaps

    def half(j: int) -> bool:
        return LINE_END_HYPHEN.match(gaps[j]) is not None and ev.zipf(texts[j] + texts[j + 1]) >= RARE_ZIPF

    around = [*range(max(0, i - CONTEXT), i), *range(i + n, min(len(texts), i + n + CONTEXT))]
    unknown = [
        texts[j]
        for j in around
        if j not in starts
        and j - 1 not in starts
        and len(texts[j]) > 1
        and ev.zipf(texts[j]) < UNKNOWN_ZIPF
        and not ev.in_lexicon(texts[j])
        and not (j < len(gaps) and half(j) or j and half(j - 1))
    ]
    if len(unknown) < NOISY:
        return ""
    return f"unknown words around it ({', '.join(f'`{w}`' for w in unknown)})"


def _letter_spaced(tokens: Spans, gaps: tuple[str, ...], i: int) -> bool:
    """Token ``i`` is one of three or more lone letters in a row (`N A T I O N S`)."""
    lone = 0
    for j in range(max(0, i - 2), min(len(tokens), i + 3)):
        s, e = tokens[j]
        single = e - s == 1 and (j == 0 or lone == 0 or gaps[j - 1] == " ")
        lone = lone + 1 if single else 0
        if lone >= LETTER_SPACED and j >= i:
            return True
    return False


def _gapped(gaps: tuple[str, ...], i: int) -> int:
    """How many tokens from ``i`` (up to three) are separated only by a gap."""
    n = 1
    while n < 3 and i + n - 1 < len(gaps) and gaps[i + n - 1] in GAPS:
        n += 1
    return n


@dataclass(frozen=True)
class _Pairs:
    """Each token's lowered text joined with the next one's (``pairs``) and the next two's
    (``triples``), and strings known whatever the document (a lexicon word or a common one: a
    property of the string alone) among them and the previous fix passes' (``elsewhere``)."""

    pairs: list[str]
    triples: list[str]
    elsewhere: set[str]


def _pairs(doc: Document, options: Mapping[str, Any]) -> _Pairs:
    """The :class:`_Pairs` of ``doc`` (once per document). In a fix pass, the pairs and triples
    inside the runs of words kept from the previous pass are its own, and only the strings made
    anew are looked up."""
    ev = evidence(doc, options)
    return ev.memo("split-word.pairs", lambda: _make_pairs(doc, ev, options))


def _make_pairs(doc: Document, ev: Evidence, options: Mapping[str, Any]) -> _Pairs:
    low = ev.doc.lowered
    before = _pairs(doc.previous, options) if doc.previous is not None else _Pairs([], [], set())
    kept = chunks(doc).kept
    pairs, new_pairs = _spliced(
        before.pairs, kept, 1, len(low) - 1, lambda a, b: list(map(add, low[a:b], low[a + 1 : b + 1]))
    )
    triples, new_triples = _spliced(
        before.triples, kept, 2, len(low) - 2, lambda a, b: list(map(add, pairs[a:b], low[a + 2 : b + 2]))
    )
    # Asked at once: the frequency table loads whole as soon as that many words are asked (`frequency_store`).
    elsewhere = before.elsewhere | ev.known_elsewhere({*new_pairs, *new_triples}, RARE_ZIPF)
    return _Pairs(pairs, triples, elsewhere)


def _spliced(
    old: list[str],
    kept: list[tuple[int, int, int]],
    width: int,
    count: int,
    make: Callable[[int, int], list[str]],
) -> tuple[list[str], list[str]]:
    """``count`` strings, one per token, each made of that token and the ``width`` after it: the
    previous pass's (``old``) where they all lie in one run of tokens kept from it (``kept``: first
    token here, there, how many), else ``make(start, stop)`` for tokens ``start`` to ``stop``;
    and the strings made."""
    values: list[str] = []
    made: list[str] = []
    done = 0
    for first, old_first, run in kept:
        if run > width:
            fresh = make(done, first)
            values += fresh
            made += fresh
            values += old[old_first : old_first + run - width]
            done = first + run - width
    fresh = make(done, max(count, done))
    return values + fresh, made + fresh


def _candidates(ev: Evidence, found: _Pairs) -> tuple[list[int], list[int], set[int]]:
    """Tokens (in order) that start two or three gapped pieces joining into something known, those
    whose known pair is cut by a line break, and those whose triple joins into something known.

    Every pair of the text is tested, with C-level maps and set operations: nearly all join into nothing.
    """
    gapped = list(map(GAPS.__contains__, ev.doc.gaps))
    pairs, triples = found.pairs, found.triples
    known = found.elsewhere | ev.doc.words.keys()  # what `Evidence.known` accepts
    # Token i starts a candidate when gapped and its pair is known, or its gapped triple is: the few
    # known ones are found at C level, then tested for gaps.
    paired = list(compress(range(len(pairs)), map(known.__contains__, pairs)))
    starts = set(paired)
    tripled = set(compress(range(len(triples)), map(known.__contains__, triples)))
    starts.update(i for i in tripled if gapped[i + 1])
    broken = [i for i in paired if not gapped[i] and LINE_BREAK.fullmatch(ev.doc.gaps[i])]
    return [i for i in sorted(starts) if gapped[i]], broken, tripled


def _run(text: str, tokens: Spans, i: int, run: list[tuple[int, int]], ev: Evidence) -> list[tuple[int, int]]:
    """The gapped ``run`` from token ``i``, cut short of digits, URLs and elisions."""
    start = tokens[i][0]
    if start and (text[start - 1].isdigit() or text[start - 1] in "_/@.") or ev.doc.in_url(*tokens[i]):
        return []
    # `Army’s aid` is not `Army’said`: a clitic after an apostrophe ends the word before it.
    if start and text[start - 1] in "’'" and ev.doc.lowered[i] in CLITICS:
        return []
    for k, (s, e) in enumerate(run[1:], 1):
        if ev.doc.in_url(s, e):
            run = run[:k]
            break
    if any(e - s == 1 for s, e in run) and _letter_spaced(tokens, ev.doc.gaps, i):
        return []
    # A piece glued to a digit is a code or a footnote marker; one before an apostrophe is an
    # elision (`de l ’Office`, `pres tations d’assistance`), unless only the joined pieces are one
    # (`q u’il`, `jus qu’alors`: the scores keep `lors qu’il` apart).
    while run and CODE.match(text, run[-1][1]):
        run.pop()
    if len(run) > 1 and ELIDED.match(text, run[-1][1]):
        if text[run[0][0] : run[-1][1]].replace(" ", "").lower() not in ELISIONS:
            run = run[:-1]
    return run if len(run) > 1 else []
