"""A numbered heading that the extractor printed after the paragraph it heads (PG007)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Edit, Fix, Rule

from ..layout import Segment, ends_sentence, layout, removal
from ..lazy_pattern import lazy_regex
from ..notes import notes
from .flow import SHORT, continues, unfinished, width
from .headings import headings, numbered

CLAUSE = lazy_regex(r"^\s*(\d{1,3})\.\s")  # a numbered clause: ``1. Everyone has the right…``


@dataclass(frozen=True)
class Unit:
    """A numbered heading line, or a paragraph: body lines with no blank line between them,
    or a blank line the sentence runs on across (``endowed with⏎⏎reason and conscience``)."""

    first: Segment
    last: Segment
    heading: tuple[str, int] | None  # the heading's words and number

    def clause(self) -> int | None:
        """The number of the clause the paragraph starts (``2. No one shall…`` → 2)."""
        m = CLAUSE.match(self.first.text)
        return int(m.group(1)) if m and self.heading is None else None


def units(doc: Document) -> list[Unit]:
    """The body of ``doc`` as headings and paragraphs (furniture and footnotes left out)."""
    lay = layout(doc)
    segments = lay.nonblank()
    titles = [numbered(seg.text) for seg in segments]
    if not any(titles):  # no numbered heading: nothing can be out of place
        return []
    skip, heads = notes(doc).members, headings(doc)
    kinds = lay.kinds
    out: list[Unit] = []
    for seg, head in zip(segments, titles, strict=True):
        if seg.index in skip or (seg.index in kinds and seg.index not in heads):
            continue
        if head is None and out and out[-1].heading is None and _runs_on(doc, out[-1].last, seg):
            out[-1] = Unit(out[-1].first, seg, None)
        else:
            out.append(Unit(seg, seg, head))
    return out


def _runs_on(doc: Document, a: Segment, b: Segment) -> bool:
    """``b`` belongs to the paragraph of ``a``: the next line, or the rest of its sentence."""
    between = doc.text[a.end : b.start]
    return between.count("\n") <= 1 and "\f" not in between or continues(a, b)


def misplaced(found: list[Unit], line_width: int) -> Iterator[tuple[int, str]]:
    """Indices of the headings printed after their paragraph, with the evidence.

    Only headings of a series that numbers up strictly count, and heading N only when
    the heading before it in its series is N-1 (or none, and N is 1).
    """
    numbers: dict[str, list[int]] = defaultdict(list)
    for unit in found:
        if unit.heading is not None:
            numbers[unit.heading[0]].append(unit.heading[1])
    series = {words for words, ns in numbers.items() if all(a < b for a, b in zip(ns, ns[1:], strict=False))}
    last: dict[str, int] = {}
    for i, unit in enumerate(found):
        if unit.heading is None:
            continue
        words, number = unit.heading
        previous, last[words] = last.get(words, 0), number
        if words in series and previous == number - 1 and 2 <= i < len(found) - 1:
            if evidence := _evidence(found, i, (words, number), line_width):
                yield i, evidence


def _evidence(found: list[Unit], i: int, head: tuple[str, int], line_width: int) -> str | None:
    """Why heading ``found[i]`` belongs before the paragraph above it, if it does.

    That paragraph comes after another paragraph (not right under heading N-1, whose text
    it would be), and either heading N+1 follows N with nothing between (N would head no
    text); or the paragraph is clause ``1.`` right after another numbered clause and
    clause ``2.`` follows N (clauses restart at 1 only under a new heading); or N cuts a
    sentence: the paragraph is one full line, after a finished sentence, that stops
    unfinished, and the sentence ends in the paragraph between N and N+1.
    """
    above, before, after = found[i - 2], found[i - 1], found[i + 1]
    if above.heading is not None or before.heading is not None:
        return None
    following = found[i + 2].heading if i + 2 < len(found) else ("", 0)
    nxt = (head[0], head[1] + 1)
    if after.heading == nxt and following is None:
        return f"heading {nxt[1]} follows it with no text between"
    if above.clause() and before.clause() == 1 and after.clause() == 2:
        return "the clauses restart at 1 before it, and clause 2 follows it"
    if following == nxt and ends_sentence(above.last.text) and _cuts(before, after, line_width):
        return f"it cuts a sentence that ends before heading {nxt[1]}"
    return None


def _cuts(before: Unit, after: Unit, line_width: int) -> bool:
    """``before`` is one full line left unfinished, and ``after`` a paragraph that carries
    on its sentence (a lower-case or caseless start) and finishes it."""
    line, first = before.first, after.first.text.lstrip()[:1]
    full = before.last is line and len(line.text.strip()) >= SHORT * line_width
    carries_on = continues(line, after.first) or (
        first.isalpha() and not first.isupper() and unfinished(line)
    )
    return full and after.heading is None and carries_on and ends_sentence(after.last.text)


class HeadingOrder(Rule):
    """A numbered heading printed after the paragraph it heads.

    What it does:
        Finds a numbered heading (``Article 3``, ``Artículo 3``, ``Статья 3``,
        ``المادة 3``, ``Article premier``, ``第三条``) that stands after its own
        paragraph, and moves the heading line before that paragraph. pdfminer does this
        with short centred headings: it sorts the heading's text box after the first
        paragraph (or the first line) below it. The evidence is the numbering: the
        headings of that kind number up, the one before N is N-1 (or N is 1 and the
        first), and either heading N+1 follows N with only blank lines, furniture or footnotes
        between (N would head no text); or N stands between clause ``1.`` and clause
        ``2.`` with that clause ``1.`` right after another numbered clause (a restart
        only a heading makes); or N cuts a sentence: a full line, after a finished
        sentence, stops unfinished before N, and the text after N carries it on (a
        lower-case or caseless start) and ends it right before heading N+1. The
        paragraph before N must not sit right under heading N-1 (it would be N-1's
        text). A paragraph is its lines and the blocks after a blank line that carry on
        its sentence (a lower-case start).

    Why it matters:
        The text of article N reads as the end of article N-1, and article N as empty;
        a parser that splits the document at its headings gets every article wrong.

    Example:
        ``Everyone has the right to life.⏎⏎Article 3⏎⏎Article 4⏎⏎No one shall be held
        in slavery.`` → ``Article 3⏎⏎Everyone has the right to life.⏎⏎Article 4⏎⏎No one
        shall be held in slavery.``

    Fix safety:
        Unsafe: the heading is moved before the one paragraph (or line) just above it,
        whose start is inferred; the move deletes the heading line and inserts the same
        characters earlier, in one fix. On the udhr corpus every move is right, and
        the other extractors, the gold texts and the UN extractions get none.
    """

    code = "PG007"
    name = "heading-order"
    family = "pages"
    summary = "Numbered heading printed after its paragraph"
    fix_safety = Applicability.UNSAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        found = units(doc)
        for i, evidence in misplaced(found, width(layout(doc))):
            heading, target = found[i].first, found[i - 1].first
            cut = removal(doc, heading)
            moved = doc.text[cut.start : cut.end]
            if not moved.endswith("\n"):
                continue
            fix = Fix(
                (Edit(target.start, target.start, moved), cut),
                Applicability.UNSAFE,
                "Move the heading before its paragraph",
            )
            yield self.diagnostic(
                heading.start + len(heading.text) - len(heading.text.lstrip()),
                heading.start + len(heading.text.rstrip()),
                f"heading {heading.text.strip()!r} printed after its paragraph (line {target.line})",
                fix=fix,
                evidence=evidence,
            )
