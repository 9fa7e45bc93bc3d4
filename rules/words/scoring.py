"""The unigram decision shared by the join rules: is `a b` (or `a b c`) one word?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reslint.api import Applicability

from .evidence import ZIPF_SCALE, Evidence

# Zipf credited to a word that only the lexicon or the document knows.
LEXICON_ZIPF = 3.0
DOC_ZIPF = 2.0
KNOWN_ZIPF = 3.0
RARE_ZIPF = 2.0
# Margins (in Zipf units) of log P(joined) over log P(pieces).
DOC_REPORT_MARGIN = 3.0
REPORT_MARGIN = 4.5
SAFE_DOC_MARGIN = 4.0
UNSAFE_MARGIN = 5.0
SAFE_MARGIN = 5.0
SHORT_WORD = 2
MIN_LETTER_JOIN = 4
# A lone letter joins safely into a word the document uses of SAFE_LETTER_DOC_JOIN letters, or of more
# than SAFE_LETTER_JOIN without it: an OCR fragment and a stray letter make short words by chance
# (`Pon s` → `Pons`, `rese t` → `reset`).
SAFE_LETTER_JOIN = 5
SAFE_LETTER_DOC_JOIN = 4
DOC_MAJORITY = 2
LONE_LETTER_DROP = 1.0
UNJOINED_LETTER_LANGS = frozenset({"ar"})
# `th e`, `n ot`: a short word the document writes this often, 10**PIECE_GAP times more common than
# every piece, is no guess: no piece is a word that could stand beside a label (`as an d hoc`, `t he`).
# Two lone letters (`o f`, `l e`) or a letter beside a word (`an d`, `t he`) only in a clean document,
# into a word as common as each piece: OCR debris makes them (`n'e t` for `n'est`, `as an d hoc`).
DOC_COMMON = 20
PIECE_GAP = 2.5
# French elided letters (`l’`, `d’`): a lone one belongs to the word after it, never before. A lone
# `s` is kept out: a split plural (`fondamentale s`) is far more common than `s’` before `il`.
ELISION_LETTERS = frozenset("ldjmntc")


@dataclass(frozen=True)
class Verdict:
    """How far joining is supported: fix applicability (``None``: report only), margin, evidence."""

    applicability: Applicability | None
    margin: float
    evidence: str


def join_margin(z_joined: float, z_a: float, z_b: float) -> float:
    """log10 P(ab) - log10 P(a b), from the Zipf values of the joined word and its two pieces."""
    return z_joined + ZIPF_SCALE - z_a - z_b


def join_verdict(pieces: Sequence[str], ev: Evidence, splits: int = 1) -> Verdict | None:
    """Whether ``pieces`` are one word split by spaces; ``None`` when they are not (or unknown).

    ``splits``: how often the document writes the pieces apart (weighed against its joined form).
    """
    joined = "".join(pieces)
    in_doc = ev.count(joined)
    z_raw = ev.zipf(joined)
    if not in_doc and z_raw < RARE_ZIPF and not ev.in_lexicon(joined):
        return None  # most pairs of a text: the joined form is nothing
    letters = sum(len(p) == 1 for p in pieces)
    # Lone letters side by side are an enumeration or initials unless the document uses the word;
    # a lone Arabic letter is more often a shaping or bidi artifact of the extractor.
    if not _case_fits(pieces) or (letters > 1 and (len(pieces) > 2 or not in_doc)):
        return None
    if letters and ev.lang in UNJOINED_LETTER_LANGS and not in_doc:
        return None
    # `compte de l prof`: the apostrophe of `l’` was lost; `del` is not the word. After a fragment
    # that is no word (`nationa l`) the letter is the word's end.
    if ev.lang == "fr" and any(
        len(p) == 1 and p.lower() in ELISION_LETTERS and ev.zipf(before) >= KNOWN_ZIPF
        for before, p in zip(pieces, pieces[1:], strict=False)
    ):
        return None
    # Acronyms side by side (`UN DESA`) join only into a common word (`DEVELOPM ENT`).
    if all(p.isupper() for p in pieces) and z_raw < KNOWN_ZIPF:
        return None
    z_joined = max(
        z_raw,
        LEXICON_ZIPF if ev.in_lexicon(joined) else 0.0,
        DOC_ZIPF if in_doc else 0.0,
    )
    z_pieces = [ev.zipf(p) for p in pieces]
    # A piece never seen in billions of words (`instit uait`) lets a rarer joined word count.
    if z_joined < (RARE_ZIPF if min(z_pieces) == 0 else KNOWN_ZIPF) and not in_doc:
        return None
    margin = z_joined + ZIPF_SCALE * (len(pieces) - 1) - sum(z_pieces)
    # `l s`, `b b`, `e l`: a lone letter joined into a word of two or three letters is a guess.
    guess = letters and len(joined) < MIN_LETTER_JOIN
    if not ev.has_frequencies:
        # No frequencies for this language: only the document can speak, and it never decides alone.
        if not in_doc or any(ev.count(p) > 1 for p in pieces):
            return None
        fixable = None if guess else Applicability.UNSAFE
        return Verdict(fixable, margin, _facts(pieces, z_raw, z_pieces, in_doc))
    if margin < (DOC_REPORT_MARGIN if in_doc else REPORT_MARGIN):
        return None
    by_margin = bool(in_doc and margin >= SAFE_DOC_MARGIN) or (
        margin >= SAFE_MARGIN and min(z_pieces) < KNOWN_ZIPF
    )
    # `ai der`: the document writes `aider` twice or more and none of the pieces anywhere else.
    alone = not by_margin and in_doc >= DOC_MAJORITY and all(ev.count(p) <= splits for p in pieces)
    if by_margin or alone:
        applicability: Applicability | None = Applicability.SAFE
    elif margin >= UNSAFE_MARGIN:
        applicability = Applicability.UNSAFE
    else:
        applicability = None
    # `B and`, `s way`, `or e`: a lone letter next to a common word is a label or a lost `’s` as
    # often as a split. The joined word must be about as common as that word; a leading letter
    # needs the document's own use of the joined word. A letter that is a word itself beside a
    # fragment (`члено в`) is no such case when frequencies know the joined word (`y vouldroit` is),
    # nor a letter between a fragment and a word (`techn i que`). The fix is safe only as
    # `_letter_safe` says.
    words = max((z for p, z in zip(pieces, z_pieces, strict=True) if len(p) > 1), default=0.0)
    common = words if z_raw >= RARE_ZIPF else max(z_pieces)
    inside = len(pieces) == 3 and len(pieces[1]) == 1 and z_pieces[0] < RARE_ZIPF
    if letters and common >= KNOWN_ZIPF and not inside:
        leading = len(pieces[0]) == 1
        if z_joined < common - LONE_LETTER_DROP or (leading and not in_doc):
            return None
    if (
        letters
        and applicability is Applicability.SAFE
        and not _letter_safe(pieces, z_raw, words, in_doc, ev.clean)
    ):
        applicability = Applicability.UNSAFE
    # `ouvert e`, `avoi d`: a join only the clean document made safe.
    cleaned = (
        letters
        and applicability is Applicability.SAFE
        and not in_doc
        and (
            (words >= KNOWN_ZIPF and z_raw < words)
            or (words < KNOWN_ZIPF and len(joined) <= SAFE_LETTER_JOIN)
        )
    )
    # `Ce grouppe`, `lieux tenans`: an unknown joined form beside a word may be the document's own lost
    # space (OCR drops spaces as often as it adds them); it decides only when written joined at least
    # twice as often as apart.
    if (
        applicability is Applicability.SAFE
        and z_raw < RARE_ZIPF
        and max(z_pieces) >= RARE_ZIPF
        and in_doc < DOC_MAJORITY * splits
        and not ev.in_lexicon(joined)
    ):
        applicability = Applicability.UNSAFE
    if len(joined) <= SHORT_WORD and applicability is Applicability.SAFE:
        applicability = Applicability.UNSAFE
    # Two unknown pieces (`la te`, `tons l s`) joining into a word that is not known either: OCR debris
    # as often as a split word. Reported, never fixed, unless a clean document has no such debris
    # (`c ometerse`).
    unknown = max(z_pieces) == 0 and z_raw < KNOWN_ZIPF and not in_doc and not ev.in_lexicon(joined)
    facts = f"{_facts(pieces, z_raw, z_pieces, in_doc)}; margin {margin:.1f}"
    if unknown and z_raw >= RARE_ZIPF and ev.clean:
        unknown = False
        facts += "; no piece is a word, in a clean document (no OCR debris)"
    if guess and (why := _document_word(pieces, z_raw, z_pieces, in_doc, ev)):
        return Verdict(Applicability.SAFE, margin, f"{facts}; {why}")
    if guess or unknown:
        applicability = None
    if alone and applicability is Applicability.SAFE:
        facts += "; no piece occurs elsewhere in this document"
    if cleaned and applicability is Applicability.SAFE:
        facts += "; a lone letter in a clean document (no OCR misreads)"
    return Verdict(applicability, margin, facts)


def _document_word(
    pieces: Sequence[str], z_raw: float, z_pieces: Sequence[float], in_doc: int, ev: Evidence
) -> str:
    """`th e`, `n ot`: lower-case pieces of a word the document writes at least ``DOC_COMMON`` times,
    a letter and a fragment each ``PIECE_GAP`` Zipf rarer than it (no piece is a word: `as an d hoc`);
    two lone letters (`o f`) or a letter beside a word (`an d`) into a word as common as each piece,
    only in a clean document (:attr:`Evidence.clean`). The evidence, or ``""`` when none of these."""
    if in_doc < DOC_COMMON or not all(p.islower() for p in pieces):
        return ""
    if sum(len(p) == 1 for p in pieces) == 1 and z_raw - max(z_pieces) >= PIECE_GAP:
        return f"every piece {10**PIECE_GAP:.0f}× rarer than `{''.join(pieces)}`"
    if z_raw >= max(z_pieces) and ev.clean:
        return f"`{''.join(pieces)}` as common as each piece, in a clean document (no OCR debris)"
    return ""


def _letter_safe(pieces: Sequence[str], z_raw: float, words: float, in_doc: int, clean: bool) -> bool:
    """A join with a lone letter is safe: a word the document uses (`toute s`, `w ould`), or a long one
    beside a fragment (`c alculated`, `domicili o`: ``words``, the Zipf of the longer pieces, is under
    ``KNOWN_ZIPF``) or more common than the word beside it (`negotiation s`; not `haut s`, `tout e`, nor
    a lost `’s` in `Council s`); in a ``clean`` document (no OCR misreads) also one about as common
    (`ouvert e`, `outline d`) or of four letters beside a fragment (`avoi d`). The letter is in lower
    case (`COMMERCIAL E.` is an initial) or leads a capitalised word (`N ovember`)."""
    joined = "".join(pieces)
    letter = next(p for p in pieces if len(p) == 1)
    if letter.isupper() and not (pieces[0] == letter and joined[1:].islower()):
        return False
    if in_doc or (clean and words < KNOWN_ZIPF):
        return len(joined) >= SAFE_LETTER_DOC_JOIN
    drop = LONE_LETTER_DROP if clean else 0.0
    return len(joined) > SAFE_LETTER_JOIN and (words < KNOWN_ZIPF or z_raw >= words - drop)


def _facts(pieces: Sequence[str], z_raw: float, z_pieces: Sequence[float], in_doc: int) -> str:
    """The evidence of a verdict (built only for a join that is not rejected)."""
    joined = "".join(pieces)
    facts = [f"`{joined}` occurs {in_doc}× in this document"] if in_doc else []
    facts.append(f"Zipf `{joined}` {z_raw:.1f}")
    facts += [f"`{p}` {z:.1f}" for p, z in zip(pieces, z_pieces, strict=True)]
    return "; ".join(facts)


def _case_fits(pieces: Sequence[str]) -> bool:
    """Later pieces are lower case (`N ovember`), or every piece is upper case (`DEVELOPM ENT`)."""
    if all(p.isupper() for p in pieces):
        return True
    return not any(p[0].isupper() for p in pieces[1:])
