"""Mojibake: fast screens pick the suspicious lines, ftfy's encoding repair decides.

Shared by ``mojibake`` (CH001), which reports the repairs, and ``control-character``
(CH004), which leaves alone the C1 controls a repair explains. ftfy is imported only when
the pre-screen finds something, so clean text never pays for it.

ftfy re-decodes a line only when its badness heuristic flags it; a line it leaves alone
(``Pre√°mbulo``) is re-decoded with a plan ftfy used on other lines of the same document,
when the whole line decodes and yields only characters ftfy's repairs yielded there: the
line then holds the very byte sequences ftfy repaired elsewhere.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reslint.api import Document, Line

from ..lazy_pattern import lazy_re
from .screen import MOJIBAKE_SIGNS, present

# What the bytes 0x80–0xBF (UTF-8 continuation bytes) look like once decoded as
# Windows-1252 or Latin-1 (C1 controls for Latin-1 and for the bytes cp1252 leaves undefined).
_CONT = (
    "[\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Stage 1 (when the family's screen saw a sign of mojibake): a possible UTF-8 lead byte
# followed by a continuation byte.
PAIR = lazy_re(f"[\xc2-\xf4]{_CONT}")
C1 = lazy_re("[\x80-\x9f]")
# Rarer signals, looked for only when one of these literals occurs: UTF-8 read as MacRoman
# (√ and ‚ are its lead bytes C3 and E2), a lead byte before a space that was 0xA0.
RARE_NEEDLES = ("\u221a", "\u201a", "\xc3 ", "\xc2 ")
RARE = lazy_re("[\u221a\u201a]|[\xc2\xc3] ")
# UTF-8 three-byte sequences (CJK, most punctuation) read as MacRoman: a lead byte E0–EF
# (`‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ`) and two continuation bytes 80–BF (`Á¨¨‰∏ÄÊù°` for `第一条`).
_MAC_CONT = "[" + re.escape(bytes(range(0x80, 0xC0)).decode("mac_roman")) + "]"
MAC_TRIPLE = f"[{re.escape(bytes(range(0xE0, 0xF0)).decode('mac_roman'))}]{_MAC_CONT}{{2}}"
MAC = lazy_re(MAC_TRIPLE)
# Stage 2, on the lines stage 1 marked: the byte patterns of mojibake.
SCREEN = lazy_re(
    f"[\xc2-\xdf]{_CONT}|[\xe0-\xef]{_CONT}{{2}}|[\xf0-\xf4]{_CONT}{{3}}"  # UTF-8 read as cp1252/latin-1
    "|[\xc2\xc3](?= )"  # ... whose 0xA0 byte became a space (`Ã  la`)
    "|[\x80-\x9f]"  # a lone C1 control: cp1252 read as latin-1 (`l\x92homme`)
    "|\u221a[^\\s\\d(]|\u201a\u00c4"  # UTF-8 read as MacRoman (`d√©claration`, `l‚Äôhomme`)
    f"|{MAC_TRIPLE}"
)


# A re-decoding plan as ftfy explains it: (action, parameter) steps.
Plan = tuple[tuple[str, str], ...]
REDECODING = frozenset({"encode", "transcode", "decode"})


@dataclass(frozen=True)
class Repair:
    """ftfy's repair of ``text[start:end]`` and the steps that explain it."""

    start: int
    end: int
    replacement: str
    steps: tuple[str, ...]


def repairs(doc: Document) -> list[Repair]:
    """The encoding repairs of the document's suspicious lines (memoised)."""
    return doc.memo("characters.mojibake", lambda: _repairs(doc))


def _repairs(doc: Document) -> list[Repair]:
    if not present(doc, MOJIBAKE_SIGNS):
        return []
    text = doc.text
    starts = [m.start() for m in PAIR.finditer(text)]
    if present(doc, C1):
        starts += [m.start() for m in C1.finditer(text)]
    if any(needle in text for needle in RARE_NEEDLES):
        starts += [m.start() for m in RARE.finditer(text)]
    starts += [m.start() for m in MAC.finditer(text)]
    numbers = sorted({doc.line_number(s) for s in starts})
    lines = [line for line in map(doc.line, numbers) if SCREEN.search(line.text)]
    if not lines:
        return []
    import ftfy  # lazily: slow to import, needed only for suspicious text

    found = []
    left = []  # lines ftfy's heuristic left alone
    produced: dict[Plan, set[str]] = {}  # per re-decoding plan, the characters it yielded
    for line in lines:
        fixed, explanation = ftfy.fix_and_explain(line.text, _config())
        if fixed == line.text or not explanation:
            left.append(line)
            continue
        found.append(_repair(line, fixed, _steps(explanation)))
        plan = tuple((step[0], step[1]) for step in explanation)
        if all(action in REDECODING for action, _ in plan):
            produced.setdefault(plan, set()).update(set(fixed) - set(line.text))
    found += _by_document_plan(left, produced)
    return sorted(found, key=lambda r: r.start)


def _by_document_plan(lines: list[Line], produced: dict[Plan, set[str]]) -> list[Repair]:
    """Repairs of ``lines`` by a plan ftfy used elsewhere, yielding only what it yielded there."""
    from ftfy import apply_plan

    found = []
    for line in lines:
        for plan, chars in produced.items():
            try:
                fixed = apply_plan(line.text, list(plan))
            except UnicodeError:
                continue
            new = set(fixed) - set(line.text)
            if fixed != line.text and new and new <= chars:
                steps = tuple(f"{step}, as ftfy found on other lines" for step in _steps(plan))
                found.append(_repair(line, fixed, steps))
                break
    return found


def _repair(line: Line, fixed: str, steps: tuple[str, ...]) -> Repair:
    head, tail = _common_ends(line.text, fixed)
    return Repair(line.start + head, line.end - tail, fixed[head : len(fixed) - tail], steps)


@functools.cache
def _config() -> Any:
    import ftfy

    # Encoding repair only: ftfy's other fixes harm this text (curly quotes, fullwidth
    # Chinese punctuation, ligatures and controls are other rules' business).
    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
    )


def _common_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of the common prefix and of the common suffix (not overlapping it)."""
    head = 0
    limit = min(len(a), len(b))
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def _steps(explanation: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """One step per re-decoding (encode … decode) or per other ftfy action."""
    steps: list[str] = []
    encoded: list[str] = []
    for action, parameter in explanation:
        if action in ("encode", "transcode"):
            encoded.append(parameter)
        elif action == "decode" and encoded:
            steps.append(f"{parameter} text had been decoded as {encoded[0]}" + _via(encoded[1:]))
            encoded = []
        else:
            steps.append(f"ftfy {action} {parameter}")
    return tuple(steps)


def _via(transcodes: list[str]) -> str:
    return f" ({', '.join(transcodes)})" if transcodes else ""
