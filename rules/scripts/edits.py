"""Building the family's fixes: applicability from the evidence, whole-line rewrites."""

from __future__ import annotations

from collections.abc import Iterator

from reslint.api import Applicability, Diagnostic, Fix, Line, Rule


def applicability(safe: bool) -> Applicability:
    return Applicability.SAFE if safe else Applicability.UNSAFE


def line_rewrites(
    rule: Rule, line: Line, fixed: str, *, safe: bool, message: str, action: str, evidence: str
) -> Iterator[Diagnostic]:
    """Diagnostics whose fixes replace the line with ``fixed``: one per page piece that
    changes when a form feed cuts the line (pdfplumber glues a page's first line to the
    last one of the page before), so that another rule's fix of one piece (a running
    header removed) does not wait behind the rewrite of the whole line. A rewrite that
    moves a form feed replaces the whole line."""
    olds, news = line.text.split("\f"), fixed.split("\f")
    if len(olds) != len(news):
        olds, news = [line.text], [fixed]
    start = line.start
    for old, new in zip(olds, news, strict=True):
        end = start + len(old)
        if old != new:
            fix = Fix.replace(start, end, new, applicability(safe), action)
            yield rule.diagnostic(start, end, message, fix=fix, evidence=evidence)
        start = end + 1
