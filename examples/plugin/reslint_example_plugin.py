"""An example third-party reslint plugin (the template for your own).

Install it (``pip install examples/plugin``) and ``reslint rules`` lists EX001; or name the
module in the ``plugins`` config key without installing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule, hookimpl

PLACEHOLDER = re.compile(r"\b[Ll]orem ipsum\b")


class PlaceholderText(Rule):
    """Placeholder text left in a document.

    What it does:
        Finds ``Lorem ipsum`` (and the phrase configured as ``placeholder``).

    Why it matters:
        Placeholder text in a published document means a section was never written.

    Example:
        ``Lorem ipsum dolor sit amet`` is reported.

    Fix safety:
        No fix: only a person can write the missing text.
    """

    code = "EX001"
    name = "placeholder-text"
    family = "example"
    summary = "Placeholder text (Lorem ipsum)"
    fix_safety = None

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        for m in PLACEHOLDER.finditer(doc.text):
            yield self.diagnostic(m.start(), m.end(), "Placeholder text")
        extra = options.get("placeholder", "")
        if extra:
            start = doc.text.find(extra)
            while start != -1:
                end = start + len(extra)
                yield self.diagnostic(
                    start,
                    end,
                    "Placeholder text",
                    fix=Fix.delete(start, end, Applicability.DISPLAY_ONLY, "Write the missing text"),
                )
                start = doc.text.find(extra, end)


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return [PlaceholderText]


@hookimpl
def reslint_default_config() -> dict[str, dict[str, Any]]:
    return {"example": {"placeholder": ""}}
