from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..lazy_pattern import lazy_regex
from ..notes import Marker, notes

WORD_BEFORE = lazy_regex(r"(\p{L}+)\s$")
GLUED = lazy_regex(r"(?<!\p{L})(\p{L}+)(\d+)(?!\d)")  # a word and the number glued to it
QUANTITY_AFTER = lazy_regex(r"\s+\p{L}{1,4}\s+\d")  # ``2 et 5``, ``2 to 4``: a range, not a marker
RTL_WORD = lazy_regex(r"[\p{Arabic}\p{Hebrew}]")
# Nouns that a number follows as a quantity or a reference, not as a footnote marker.
COUNTING = frozenset(
    """goal goals target article articles paragraph paragraphs para paras chapter chapters section
    sections annex annexes item items resolution resolutions decision decisions rule rules principle
    principles step phase level page pages volume table figure box recommendation recommendations
    category option number no part parts point points session meeting meetings year years
    objectif objectifs cible cibles alinéa annexe annexes chapitre chapitres paragraphe paragraphes
    résolution résolutions décision décisions partie parties point points étape page pages tableau
    figure encadré recommandation recommandations catégorie numéro volume principe règle règles
    séance séances session sessions année années""".split()
)


class DetachedMarker(Rule):
    """A footnote marker printed apart from its word (``civilisations 3,``).

    What it does:
        Finds a number between a word and punctuation (``civilisations 3,``, ``Unies 4 ;``)
        whose number is the number of a footnote body of the document, and glues it to the
        word as the typeset text has it (``civilisations3,``). A number before a lower-case
        word (``Unies 4 et``) is taken for a marker only when the same word carries the
        same number glued elsewhere in the text (``Unies4 ;``), or when it is the only
        candidate for its footnote and sits where the numbering expects it: the nearest
        markers around it in other forms are one below and one above (``elles 1,`` …
        ``paix 2 et`` … ``civilisations3,``), the next word not followed by a number
        (``entre 2 et 5`` is a range). Numbers after counting nouns
        (``article 3,``, ``Goal 4,``, ``paragraphe 2.``) are never reported.

    Why it matters:
        pdftotext and ``-layout`` print a superscript marker as a separate token; it then
        reads as a quantity and breaks the word's n-grams.

    Example:
        ``le Programme mondial pour le dialogue entre les civilisations 3,`` →
        ``le Programme mondial pour le dialogue entre les civilisations3,``.

    Fix safety:
        Safe when this is the only marker candidate for that footnote in the text (for a
        number before a lower-case word, also in its place in the numbering), or when
        the same word carries the same number glued elsewhere (``Nations Unies4`` and
        ``Nations Unies 4 ;``); unsafe when the footnote is also cited elsewhere by another
        word (a second citation is usually typed as ordinary superscript text, but the
        number may still be a quantity).
    """

    code = "FN005"
    name = "detached-marker"
    family = "footnotes"
    summary = "Footnote marker detached from its word"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        found = notes(doc)
        bodies = {n.number for n in found.notes}
        markers = found.markers
        per_number = Counter(m.number for m in markers)
        for k, m in enumerate(markers):
            if m.form not in ("spaced", "loose") or m.number not in bodies:
                continue
            before = WORD_BEFORE.search(doc.text, max(0, m.start - 40), m.start)
            if before is None or before.group(1).casefold() in COUNTING:
                continue  # no word before it, or a quantity (``article 3,``)
            word = before.group(1)
            glued = _glued_elsewhere(doc, word, m.number)
            punct = doc.text[m.end : m.end + 2].lstrip()[:1]
            in_order = m.form == "loose" and per_number[m.number] == 1 and _in_order(doc, markers, k)
            if m.form == "loose" and not (glued or in_order):
                continue  # ``Unies 4 et``: a quantity unless the word carries the number glued
                # elsewhere or the number sits where the numbering of the markers expects it
            if m.form == "spaced" and (punct not in ",;.:" or punct == "." and RTL_WORD.search(word)):
                continue  # ``جرما 2. لا`` is a clause number in visual order, not a marker
            safe = per_number[m.number] == 1 or glued
            yield self.diagnostic(
                m.start - 1,
                m.end,
                f"Footnote marker {m.number} is detached from its word",
                fix=Fix.delete(
                    m.start - 1,
                    m.start,
                    Applicability.SAFE if safe else Applicability.UNSAFE,
                    "Glue the marker to its word",
                ),
                evidence=f"footnote {m.number} exists; {per_number[m.number]} marker candidate(s) for it"
                + (f"; {word}{m.number} is printed glued elsewhere" if glued else "")
                + ("; the markers around it are numbered one below and one above" if in_order else ""),
            )


def _in_order(doc: Document, markers: Sequence[Marker], k: int) -> bool:
    """``markers[k]`` (``paix 2 et``) is where the numbering expects marker N: the nearest
    marker before it in a form other than ``loose`` is N-1 and the nearest after it is
    N+1 (``elles 1,`` … ``paix 2 et`` … ``civilisations3,``), and the word after it is not
    followed by a number (``entre 2 et 5``)."""
    number = int(markers[k].number)
    before = next((m for m in reversed(markers[:k]) if m.form != "loose"), None)
    after = next((m for m in markers[k + 1 :] if m.form != "loose"), None)
    if before is None or after is None or QUANTITY_AFTER.match(doc.text, markers[k].end):
        return False
    return int(before.number) == number - 1 and int(after.number) == number + 1


def _glued_elsewhere(doc: Document, word: str, number: str) -> bool:
    """``word`` followed by ``number`` with no space (``Unies4``) occurs in the text."""
    return (word, number) in doc.memo("footnotes.glued", lambda: _glued_pairs(doc.text))


def _glued_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Every whole word printed with a number glued to it (``Unies4``): one scan of the text, not
    one per candidate marker (which grew with the square of the text: 27 s on 10 MB)."""
    return frozenset((m[1], m[2]) for m in GLUED.finditer(text))
