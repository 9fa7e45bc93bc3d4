from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..fences import in_code
from ..lazy_pattern import lazy_regex

# Two or more spaces between two visible characters of one line (indentation is left alone).
# Starting on the literal two spaces lets the engine skip ahead; the lookbehind comes second.
RUN = lazy_regex(r"  (?<=\S  ) *(?=\S)")
LAYOUT_RUN = 4
# The spaces after the end of a sentence inside a line (``PURPOSE.  See``), not after the
# number that opens a heading or a list item (``V.  Conclusions``, ``1.  Everyone``): a
# tab stop in extractions, which only a document typed with two spaces also types so.
CLOSERS = r"[\"'’”»)\]]*"
END = rf"[\p{{L}}\p{{N}})\]\"'’”»](?:[ \u00a0\u202f]?[!?]|\.){CLOSERS}"  # French `vie ?`
HEADING = rf"^[ \t]*(?:[\d.]{{1,7}}|[IVXLCDM]{{1,7}}|\p{{L}})\.{CLOSERS}"
START = r"(?=[\p{Lu}\p{N}\"“«‘(\[])"
SENTENCE_GAP = lazy_regex(rf"(?m)[.!?]{CLOSERS}( +){START}(?<={END} +)(?<!{HEADING} +)")
# The same with two spaces, anchored on them (most texts have none: a quick first look).
DOUBLED_SENTENCE_GAP = lazy_regex(rf"(?m)  {START}(?<={END}  )(?<!{HEADING}  )")
HEADING_GAP = lazy_regex(rf"(?m)(?<={HEADING})  {START}")
DOUBLED_WORD_GAP = lazy_regex(r"  (?<=[\p{L},;]  )(?=\p{L})")  # two spaces between two words
PARAGRAPH_BREAK = lazy_regex(r"\n[ \t]*\n")
# The end of a line that ends with a frame character: anchored on the newline (fast).
FRAME_END = lazy_regex(r"\n(?<=[*#|+][ \t]*\n)")
SENTENCE_END = frozenset(".!?\"'’”»)]")  # the character before a sentence gap
MIN_DOUBLED = 2  # a single two-space sentence gap is no convention
SHARE = 0.2  # nor two-space sentence gaps that are rare in the document (typos)
RARE = 0.05  # at most this share of the word gaps doubled: the document does not double spaces


class MultipleSpaces(Rule):
    """A run of spaces inside a line where one space belongs.

    What it does:
        Finds two or more consecutive spaces between words of one line. Leading
        indentation and trailing spaces are left to other rules.

        Two spaces after the end of a sentence are the typist's convention, not a run to
        join (``PURPOSE.  See the`` in the GPL), where the document follows it: at least
        two and a fifth of its sentence ends take two spaces, most of those of the
        paragraph do, and the document doubles almost no space between two words (after
        at most 5 % of its words). pdfminer's justified output doubles spaces everywhere
        (after 16 % to 60 % of the words in the UN corpus), so its doubled spaces after a
        sentence are still reported, as is a doubled space after a heading number
        (``V.  Conclusions``, a tab stop) unless the document follows the convention.

        Markdown code (a fence or a code span) is aligned on purpose (``x = 1  # note``),
        and so are the lines framed by one character at both ends: a box drawn in a
        licence (``*  6. Disclaimer of Warranty  *`` in the MPL) or a Markdown table row
        (``| a  | b |``), not an asterism (``*  *  *``). They are skipped.

    Why it matters:
        pdfminer and pypdf double the spaces of justified lines (``la  coopération``);
        the doubled space splits tokens for search, matching and embedding.

    Example:
        ``prévenir et combattre efficacement le terrorisme,  et`` →
        ``prévenir et combattre efficacement le terrorisme, et``

    Fix safety:
        Safe for runs of two or three spaces. Runs of four or more are usually layout
        (columns of a table in ``pdftotext -layout`` output), so joining them is unsafe.
    """

    code = "WS002"
    name = "multiple-spaces"
    family = "whitespace"
    summary = "Run of spaces inside a line"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        convention: frozenset[int] | None = None
        markdown = "`" in doc.text  # code needs backticks: no look-up per run without them
        boxed = framed_lines(doc.text)
        for m in RUN.finditer(doc.text):
            width = m.end() - m.start()
            if markdown and in_code(doc, m.start()):
                continue
            if boxed and doc.text.rfind("\n", 0, m.start()) + 1 in boxed:
                continue
            if width == 2 and doc.text[m.start() - 1] in SENTENCE_END:
                convention = two_spaced(doc.text) if convention is None else convention
                if m.start() in convention:
                    continue
            safety = Applicability.SAFE if width < LAYOUT_RUN else Applicability.UNSAFE
            yield self.diagnostic(
                m.start(),
                m.end(),
                f"{width} spaces in a row",
                fix=Fix.replace(m.start(), m.end(), " ", safety, "Use one space"),
            )


def framed_lines(text: str) -> set[int]:
    """Start offsets of the lines framed by one character at both ends (:func:`framed`): a
    box drawn in a licence (``*  6. Disclaimer of Warranty   *``) or a Markdown table row
    (``| a  | b |``), whose spaces are padding."""
    starts = set()
    for m in FRAME_END.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if framed(text[start : m.start()].strip()):
            starts.add(start)
    return starts


def framed(body: str) -> bool:
    """The stripped line opens and closes with one character, spaced, around a word or around
    no other frame character (a blank row of a box, not an asterism ``*  *  *``)."""
    spaced = body[1:2].isspace() and body[-2:-1].isspace()
    inside = body[0] not in body[1:-1] or any(map(str.isalpha, body))
    return body[0] == body[-1] and spaced and inside


def two_spaced(text: str) -> frozenset[int]:
    """Offsets of the two-space gaps that follow the document's own convention: the sentence
    gaps of the paragraphs that mostly put two spaces after a sentence, and those after a
    heading number (``1.  Félicite``), when the text puts two spaces after its sentences
    often enough and doubles hardly any other space between words; else none."""
    if len(DOUBLED_SENTENCE_GAP.findall(text)) < MIN_DOUBLED or not rarely_doubled(text):
        return frozenset()
    gaps = [(m.start(1), m.end(1) - m.start(1)) for m in SENTENCE_GAP.finditer(text)]
    doubled = {start for start, width in gaps if width == 2}
    if len(doubled) < SHARE * len(gaps):
        return frozenset()
    breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]
    votes: dict[int, int] = {}
    for start, width in gaps:
        paragraph = bisect_right(breaks, start)
        votes[paragraph] = votes.get(paragraph, 0) + (1 if width == 2 else -1)
    kept = {start for start in doubled if votes[bisect_right(breaks, start)] > 0}
    return frozenset(kept | {m.start() for m in HEADING_GAP.finditer(text)})


def rarely_doubled(text: str) -> bool:
    """Two spaces separate two words after at most :data:`RARE` of the words."""
    return len(DOUBLED_WORD_GAP.findall(text)) <= RARE * len(text.split())
