from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from ..fences import in_fence
from ..layout import LANGUAGE_NAMES, Layout, Segment, layout
from ..lazy_pattern import lazy_regex
from .flow import LIST_ITEM, body_pairs, continues, gap, unfinished, usual_gap

STRAY_INDENT = 2  # at most this many leading spaces count as a stray space, not layout
# Page-top headers the layout did not recognise (OCR, a symbol glued to the title):
# ``E/ICEF/672(Première partie)``, ``A/39/36L``, ``Paqe 3``, ``EngI ish``.
SYMBOL_LIKE = lazy_regex(r"^\s*\S*\p{L}\S*/\S")
PAGE_LINE = lazy_regex(r"^\s*[PF]a[gqpr][eé]\s+\S{1,5}\s*$")
# ``…; and`` ends a paragraph of an enumeration (a preamble's ``…; and⏎⏎considering``):
# the blank lines or indent after it are the paragraph break, not a gap inside a sentence.
ENUMERATION_END = lazy_regex(r";\s*(?:and|or|et|ou|y|o|и|или)\s*$", regex.IGNORECASE)
# A Markdown heading (``# Title``) or the fence closing a code block ends its paragraph.
MARKDOWN_END = lazy_regex(r"\s*(?:#{1,6}\s|```)")
# A rule: a line of one repeated character (``-----``, ``=====``), under a heading (Setext,
# reStructuredText) or between sections. It ends a paragraph, and the line right above it
# is a heading. Not ``_____``: UN documents draw their footnote separator so.
RULE = lazy_regex(r"\s*([-=~^*#+])\1{2,}\s*$")
OPENING = "([{"  # a line ending in one of these opens a block its next line is indented in
FIELD = lazy_regex(r"[A-Z][A-Za-z-]*:(?:\s|$)")  # ``Files:``, ``Comment:``: a header field
HEADER_LINE = 40  # a line this short may be the first of a page header
HEADER_SPAN = 3  # non-blank lines of a page top checked for header shapes


class PageBreakStitch(Rule):
    """A sentence still cut by a page break once the furniture around it is gone.

    What it does:
        Looks at two consecutive body lines with no furniture or footnote left between
        them. When the first leaves its sentence unfinished and the second starts in
        lower case, a form feed, extra blank lines or a stray leading space between them
        are replaced by the document's ordinary line break.

        A leading space is stray only when neither the line before nor the line after
        carries that indent, the line before opens no bracket, is no header field
        (``Files:``) and is no list item the indent hangs under; tabs are never stray.
        Typed text indents on purpose: the GPL's copyright notice is indented by one space
        on every line, Debian copyright files continue fields on indented lines, code
        indents under ``{``. Lines inside a Markdown code fence are code, a Markdown
        heading (``# Title``), a closing fence or a rule (``-----``) ends its paragraph,
        a line underlined by a rule is a heading, and blank lines
        after ``…; and`` (``; et``, ``; y``, ``; и``…) end a paragraph of an enumeration
        (``…; and⏎⏎considering``): none of them is stitched.

    Why it matters:
        After running headers and footnote blocks are removed, ``continuer à fournir`` and
        ``aux États Membres`` are still separated by a page break (or by blank lines and
        an indent that look like a new paragraph); sentence splitters cut there.

    Example:
        ``de continuer à fournir⏎␌ aux États Membres`` → ``de continuer à fournir⏎aux
        États Membres``.

    Fix safety:
        Safe when the next line starts in lower case (only whitespace and the form feed
        go; a typed indent is left alone, see above). Unsafe when it starts with a capital
        after an unfinished line (it may be a heading).
    """

    code = "PG004"
    name = "page-break-stitch"
    family = "pages"
    summary = "Sentence cut by a page break or stray gap"
    fix_safety = Applicability.SAFE

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        sep = "\n" * usual_gap(doc)
        lay = layout(doc)
        for a, b in body_pairs(doc):
            start, end = gap(doc, a, b)
            between = doc.text[start:end]
            page_break = "\f" in between
            if continues(a, b):
                safety = Applicability.SAFE
            elif page_break and b.text.strip()[:1].isupper() and unfinished(a) and not page_top(lay, b):
                safety = Applicability.UNSAFE
            else:
                continue
            if in_fence(doc, b.start) or MARKDOWN_END.match(a.text) or section_break(lay, a, b):
                continue
            if not page_break and ENUMERATION_END.search(a.text):
                continue
            stray = page_break or between.count("\n") > len(sep) or stray_indent(lay, a, b)
            if not stray or between == a.text[len(a.text.rstrip()) :] + sep:
                continue
            keep = len(a.text) - len(a.text.rstrip()) if a.ends_line else 0
            what = "a page break" if page_break else "a stray gap"
            yield self.diagnostic(
                start,
                end,
                f"Sentence cut by {what}",
                fix=Fix.replace(start + keep, end, sep, safety, "Join the sentence across the break"),
                evidence=f"{a.text.strip()[-30:]!r} is unfinished and {b.text.strip()[:30]!r} goes on",
            )


def section_break(lay: Layout, a: Segment, b: Segment) -> bool:
    """``a`` is a rule, or ``b`` is a heading underlined by one (the line right after it)."""
    after = next_line(lay, b)
    underlined = after is not None and after.line == b.line + 1 and RULE.match(after.text)
    return bool(RULE.match(a.text) or underlined)


def next_line(lay: Layout, seg: Segment) -> Segment | None:
    """The first non-blank segment after ``seg`` (read in place: no copy of the rest of the list)."""
    segs = lay.segments
    return next((segs[k] for k in range(seg.index + 1, len(segs)) if segs[k].text.strip()), None)


def stray_indent(lay: Layout, a: Segment, b: Segment) -> bool:
    """``b`` starts with one or two stray spaces: an indent its neighbours do not carry.

    An indent typed on purpose is shared (a quoted block, a licence notice indented on
    every line, code), opens a block the next line stays in, hangs under the text of a
    list item (``- item⏎  more``), follows a line that opens a bracket (code: ``=> {``) or
    a header field (``Files: a.c⏎ b.c``, the continuation of RFC 822 and Debian control
    fields), or is made of tabs; a space the extraction left after a removed footnote
    block sits alone between unindented lines.
    """
    indent = b.text[: indent_of(b.text)]
    if not 0 < len(indent) <= STRAY_INDENT or indent.strip(" "):
        return False
    after = next_line(lay, b)
    shared = len(indent) <= indent_of(a.text) or (after is not None and len(indent) <= indent_of(after.text))
    opens = a.text.rstrip()[-1:] in OPENING or FIELD.match(a.text) is not None
    return not (shared or opens) and len(indent) != hanging_indent(a.text)


def indent_of(text: str) -> int:
    """Leading whitespace characters of a line."""
    return len(text) - len(text.lstrip())


def hanging_indent(text: str) -> int:
    """The column where the text of a list item line starts (``- item``: 2), or -1."""
    item = LIST_ITEM.match(text)
    return indent_of(text[item.end() :]) + item.end() if item else -1


def page_top(lay: Layout, seg: Segment) -> bool:
    """``seg`` starts a page header: it has a header shape, or it is short and a line with a
    header shape follows it."""
    if header_shape(seg.text):
        return True
    after = [s for s in lay.segments[seg.index + 1 : seg.index + 1 + 2 * HEADER_SPAN] if s.text.strip()]
    return len(seg.text.strip()) <= HEADER_LINE and any(header_shape(s.text) for s in after[:HEADER_SPAN])


def header_shape(text: str) -> bool:
    """A symbol-like token with ``/``, a ``Page N`` line (``Paqe 3``) or a language name."""
    name = text.replace("I", "l").replace(" ", "").casefold()
    return bool(SYMBOL_LIKE.match(text) or PAGE_LINE.match(text)) or name in LANGUAGE_NAMES
