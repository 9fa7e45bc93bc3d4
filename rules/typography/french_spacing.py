from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix, Rule

from .options import choice
from .punctuation import Mark, Usage, usage

POLICIES = {"any": None, "space": " ", "nbsp": "\u00a0", "narrow-nbsp": "\u202f"}
MISSING_MODES = ("document", "always", "never")
FRENCH_MARKS = frozenset(";:!?»«")
# Marks whose spacing is consistent within clean French documents (fr-typeset and seed
# gold: 18/18 or 0/9 per document), unlike ! and ? (7 of 9, 9 of 10 spaced in ICDAR gold).
CONSISTENT_MARKS = frozenset(";:»«")
# A mark is "spaced by convention" when the document spaces it this often, at least.
CONVENTION_SHARE = 0.8
CONVENTION_MIN = 5


class FrenchPunctuationSpace(Rule):
    """French spacing around ``; : ! ? »`` and ``«``: missing, doubled or of the wrong kind.

    What it does:
        French puts a space before ``; : ! ? »`` and after ``«``. The option
        ``french-space`` sets which space is right: ``any`` (default: a space, a no-break
        space U+00A0 or a narrow no-break space U+202F), ``space``, ``nbsp`` or
        ``narrow-nbsp``. A doubled space that mixes kinds is reported (a run of plain
        spaces is ``multiple-spaces``'s). A missing space is reported, by default
        (``french-missing-space = "document"``), only before ``; : »`` and after ``«``
        where the document spaces that mark almost everywhere else (80 % of at least 5
        uses): extractors drop the thin spaces of PDFs, while texts that never space a
        mark follow their own house style, and clean texts vary for ``! ?``.
        ``always`` reports every missing space, ``never`` none. ``http://``, ``10:30``
        and ``?q=`` are not punctuation and never reported.

    Why it matters:
        A space lost before ``;`` glues the mark to the word (``égard;``) in one place
        and not in the next, so the same word is two tokens; a doubled mixed space is
        invisible noise.

    Example:
        ``le terrorisme;`` in a resolution that writes ``terrorisme ;`` 18 times →
        ``le terrorisme ;``

    Fix safety:
        Safe: a doubled run becomes one space of the kind it held; a space of the wrong
        kind is replaced; a missing space is inserted (of the document's usual kind for
        that mark) when the document's convention is the evidence. Unsafe when a missing
        space is reported only because ``french-missing-space = "always"``.
    """

    code = "TY001"
    name = "french-punctuation-space"
    family = "typography"
    summary = "French space before ; : ! ? » or after « missing, doubled or of the wrong kind"
    fix_safety = Applicability.SAFE
    languages = frozenset({"fr"})

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        policy = choice(options, "french-space", tuple(POLICIES), "any")
        wanted = POLICIES[policy]
        mode = choice(options, "french-missing-space", MISSING_MODES, "document")
        found = usage(doc)
        for mark in found.marks:
            if mark.char not in FRENCH_MARKS:
                continue
            if not mark.spaces:
                if mode != "never":
                    yield from self._missing(mark, found, wanted, mode)
            elif len(mark.spaces) > 1:
                if mark.spaces.strip(" "):  # a run of plain spaces is multiple-spaces' (WS002)
                    kept = wanted or mark.spaces.strip(" ")[0]
                    evidence = f"{len(mark.spaces)} spaces: {mark.spaces!r}"
                    yield self._replace(mark, kept, "Doubled space", evidence)
            elif wanted and mark.spaces != wanted:
                message = f"Space of the wrong kind ({policy} wanted)"
                yield self._replace(mark, wanted, message, repr(mark.spaces))

    def _missing(self, mark: Mark, found: Usage, wanted: str | None, mode: str) -> Iterator[Diagnostic]:
        spaced, bare = found.spaced.get(mark.char, 0), found.bare.get(mark.char, 0)
        convention = (
            mark.char in CONSISTENT_MARKS
            and spaced >= CONVENTION_MIN
            and spaced >= CONVENTION_SHARE * (spaced + bare)
        )
        if mode == "document" and not convention:
            return
        kinds = found.kinds.get(mark.char)
        space = wanted or (max(kinds, key=kinds.__getitem__) if kinds else " ")  # the first most used
        side = "after" if mark.char == "«" else "before"
        yield self.diagnostic(
            mark.start,
            mark.start + 1,
            f"Missing space {side} {mark.char!r}",
            fix=Fix.replace(
                mark.space_start,
                mark.space_end,
                space,
                Applicability.SAFE if convention else Applicability.UNSAFE,
                f"Insert {space!r}",
            ),
            evidence=f"the document puts a space {side} {mark.char!r} in {spaced} of {spaced + bare} places",
        )

    def _replace(self, mark: Mark, space: str, message: str, evidence: str) -> Diagnostic:
        return self.diagnostic(
            mark.space_start,
            mark.space_end,
            f"{message} around {mark.char!r}",
            fix=Fix.replace(mark.space_start, mark.space_end, space, message=f"Use {space!r}"),
            evidence=evidence,
        )

