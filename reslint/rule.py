"""The base class every rule derives from."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from reslint.diagnostics import Applicability, Diagnostic, Fix, Severity
from reslint.document import Document

DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Fix safety")


class Rule:
    """A rule: stable ``code``, kebab-case ``name``, ``family`` and a documented check.

    Subclasses set the class attributes and implement :meth:`check`. The class docstring
    is the rule's documentation, with the sections *What it does*, *Why it matters*,
    *Example* and *Fix safety* (``reslint rule CODE`` prints it).

    ``languages`` limits the rule to documents in those languages (``None``: any, even
    when the language is unknown). ``fix_priority`` orders the fixes of several rules
    that start at the same offset, which cannot all go in the same pass: the higher
    first (then the narrower first, then by code), the others wait for the next pass
    and are made again on the text it left. A rule whose fixes rewrite whole lines sets
    it above 0, so that the fixes other rules make inside its first line come after it,
    on the rewritten line. Options come from the ``[tool.reslint.<family>]``
    config table, whose defaults the family declares through the
    ``reslint_default_config`` hook.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    summary: ClassVar[str] = ""
    default_enabled: ClassVar[bool] = True
    languages: ClassVar[frozenset[str] | None] = None
    fix_safety: ClassVar[Applicability | None] = None
    severity: ClassVar[Severity] = Severity.WARNING
    fix_priority: ClassVar[int] = 0

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Diagnostic]:
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    def diagnostic(
        self,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        evidence: str | None = None,
        severity: Severity | None = None,
    ) -> Diagnostic:
        """Build a diagnostic of this rule for ``text[start:end]``."""
        return Diagnostic(
            code=self.code,
            name=self.name,
            message=message,
            start=start,
            end=end,
            fix=fix,
            severity=severity or self.severity,
            evidence=evidence,
        )

    def applies_to(self, lang: str | None) -> bool:
        return self.languages is None or lang in self.languages
