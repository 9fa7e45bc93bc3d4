"""``reslint check --profile``: where the time went, per rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from reslint.linter import Linter


def write_profile(linters: Iterable[Linter], elapsed: float, chars: int, out: TextIO) -> None:
    """A table of seconds per rule, slowest first, with each rule's share and throughput."""
    spent: Counter[str] = Counter()
    names: dict[str, str] = {}
    for linter in linters:
        spent.update(linter.timings or {})
        names.update((rule.code, rule.name) for rule in linter.rules)
    megabytes = chars / 1e6
    out.write(f"{'rule':<8} {'name':<32} {'CPU s':>9} {'share':>7} {'MB/s':>9}\n")
    for code, seconds in spent.most_common():
        out.write(
            f"{code:<8} {names.get(code, '?'):<32} {seconds:>9.3f} {_share(seconds, elapsed)} "
            f"{_rate(megabytes, seconds)}\n"
        )
    rules = sum(spent.values())
    out.write(f"{'':<8} {'all rules':<32} {rules:>9.3f} {_share(rules, elapsed)} {_rate(megabytes, rules)}\n")
    out.write(f"{'':<8} {'whole run':<32} {elapsed:>9.3f} {'100.0%':>7} {_rate(megabytes, elapsed)}\n")
    out.write(
        f"({megabytes:.2f} M characters; the rest of the run is reading, language detection, "
        "the fix loop's bookkeeping and output)\n"
    )


def _share(seconds: float, elapsed: float) -> str:
    return f"{100 * seconds / elapsed if elapsed else 0:>6.1f}%"


def _rate(megabytes: float, seconds: float) -> str:
    return f"{megabytes / seconds:>9.2f}" if seconds > 0 else f"{'-':>9}"
