"""The diagnostic most whitespace rules make: a gap to delete."""

from __future__ import annotations

from reslint.api import Applicability, Diagnostic, Fix, Rule


def delete_gap(
    rule: Rule,
    start: int,
    end: int,
    message: str,
    fix_message: str,
    *,
    safe: bool = True,
    evidence: str | None = None,
) -> Diagnostic:
    """A diagnostic of ``rule`` for the whitespace ``text[start:end]``, fixed by deleting it."""
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    fix = Fix.delete(start, end, applicability, fix_message)
    return rule.diagnostic(start, end, message, fix=fix, evidence=evidence)
