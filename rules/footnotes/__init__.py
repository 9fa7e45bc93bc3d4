"""Rule family `footnotes` (being built; see the issue that owns it)."""

from __future__ import annotations

from reslint.api import Rule, hookimpl


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return []
