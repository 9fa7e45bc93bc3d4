"""Building the family's fixes: applicability from the evidence, whole-line rewrites."""

from __future__ import annotations

from reslint.api import Applicability, Diagnostic, Fix, Line, Rule


def applicability(safe: bool) -> Applicability:
    return Applicability.SAFE if safe else Applicability.UNSAFE


def line_rewrite(
    rule: Rule, line: Line, fixed: str, *, safe: bool, message: str, action: str, evidence: str
) -> Diagnostic:
    """A diagnostic on the whole line whose fix replaces it with ``fixed``."""
    return rule.diagnostic(
        line.start,
        line.end,
        message,
        fix=Fix.replace(line.start, line.end, fixed, applicability(safe), action),
        evidence=evidence,
    )


def from_line_break(start: int, text: str) -> tuple[int, str]:
    """A fix replacing whole lines from ``start`` (a line start) with ``text``, made to start
    at the line break before: it then comes before (and wins over) the one-line fixes of
    other rules on its first line, which wait for the next pass."""
    return (start - 1, "\n" + text) if start else (start, text)
