from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from reslint.api import Applicability, Diagnostic, Document, Fix

from ..layout import FurnitureRule, layout, removal
from ..masthead_readings import read_masthead


class Masthead(FurnitureRule):
    """The first-page masthead: organ, symbol, ``Distr.``, date, ``Original:``, session.

    What it does:
        Finds the block at the top of the first page made only of masthead lines
        (``Nations Unies``, ``A/C.3/62/L.2``, ``Assemblée générale``, ``Distr.
        limitée``, ``2 octobre 2007``, ``Français``, ``Original : anglais``, the job line
        and the barcode) and of the lines UN documents print in or under it: the session
        (``Soixante-douzième session``, ``Third session``, ``第三届会议``), the agenda item
        (``Point 107 de l’ordre du jour``), ``Resolution adopted by the General Assembly
        on …`` and ``[on the report of the Third Committee (A/72/437)]``, in the six UN
        languages. The block must hold a ``Distr.``/``Original:`` line or a symbol line.
        Session and agenda lines followed by a short heading (``Troisième Commission``,
        the agenda item's title) open the document's own heading and stay, as in the seed
        gold; so does everything after the block. A symbol printed in pieces, as
        pdfplumber does (``A⏎United Nations /56/385``, ``United Nations A⏎/HRC/59/L.17``,
        ``A S⏎United Nations /79/811- /2025/138``), is read whole when its heads end a
        line and its tails, one to each head, make symbols on the next line. So is an
        organ name cut by a hyphen beside the right column's masthead line when the rest
        of the word, one or two lines below, makes it whole (``Генеральная Ассам- Distr.:
        General⏎10 декабря 1948 года⏎блея``). A masthead line wrapped over two or three
        lines counts when the lines rejoined match it (``10⏎كانون الأول ديسمبر⏎/1948``).
        Old documents' capitals mastheads and Arabic mastheads as pdfplumber and pdftotext
        print them are read first (:mod:`.readings`): an organ name in capitals from the
        closed list of organ names, on one line or two, printed twice in bold or with the
        symbol's series letters beside it (``UNITED⏎NATIONS  A``, ``UUNNIITTEEDD A``, ``A S
        NATIONSNATIONS``), and the organ names the layout does not list, wrapped over up to
        six lines (``Executive Board of the⏎United Nations Development⏎…``, ``Secretariat``,
        ``International Covenant on⏎Civil and Political Rights``); ``ORIGINAL:``, ``ENGLISH``,
        ``English only``; a lone ``A`` or ``A S`` when it opens the symbols printed in the
        masthead; a left-to-right run whose ``)`` is mirrored to the front (``)A/RES/217 A (III``); and
        Arabic lines reversed when the document's words vote it is in visual order
        (``ةدحتملا ممألا`` is ``الأمم المتحدة``); and an Arabic date printed in pieces, one
        to a line (pdfminer's ``/``⏎``10``⏎``ربمسيد لوألا نوناك``⏎``1948``), when the
        pieces make one date: a day, a month from the closed list of UN Arabic month names,
        a year. The block is removed by one fix, so that its lines go together.

    Why it matters:
        The masthead is metadata, not prose; parsers and embedders want it apart. It is
        its own rule so that users who keep it can ignore just this code.

    Example:
        ``Nations Unies  A/C.3/62/L.2⏎Assemblée générale⏎Distr. limitée⏎…⏎Soixante-deuxième
        session⏎Troisième Commission`` → everything before ``Soixante-deuxième session`` is
        removed; ``…⏎Distr. générale⏎23 janvier 2018⏎Soixante-douzième session⏎Point 107 de
        l’ordre du jour⏎Résolution adoptée par l’Assemblée générale le 19 décembre 2017⏎72/194.
        Assistance technique …`` → everything before ``72/194.`` is removed.

    Fix safety:
        Safe: only lines that match a masthead pattern, in the first-page block, are
        removed; a line holding symbol pieces counts only when every piece pairs into a
        symbol (a lone ``A`` with no tail after it stays, unless it is the series letter of
        a symbol printed in the masthead), and a cut word only when its rest makes an organ
        name. Capitals are read only as whole organ names, labels and language names; Arabic
        lines are reversed only in documents whose words vote visual order; an Arabic date
        in pieces counts only when its pieces, each used once, make a day, a month of the
        closed list and a year.
    """

    code = "UN006"
    name = "masthead"
    family = "un"
    summary = "First-page masthead (symbol, Distr., date, Original, session, agenda item)"
    fix_safety = Applicability.SAFE
    kind = "masthead"
    label = "masthead line"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Diagnostic]:
        lay = layout(doc)
        found = [(seg, lay.evidence.get(seg.index)) for seg in lay.of_kind(self.kind)]
        read = "first-page masthead, the line read as {!r} (capitals, series letter or Arabic visual order)"
        found += [(seg, read.format(reading)) for seg, reading in read_masthead(doc)]
        if not found:
            return
        found.sort(key=lambda item: item[0].start)
        # One fix for the block: removed together, its lines do not wait one by one behind
        # other fixes on them (an Arabic line put in reading order) and lose the block around them.
        fix = Fix(tuple(removal(doc, seg) for seg, _ in found), Applicability.SAFE, "Remove the masthead")
        for k, (seg, evidence) in enumerate(found):
            message = f"{self.label}: {seg.text.strip()!r}"
            yield self.diagnostic(seg.start, seg.end, message, fix=fix if k == 0 else None, evidence=evidence)
