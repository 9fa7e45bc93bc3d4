"""UN documents: furniture (job numbers, barcodes, symbols, titles, masthead), cut symbols (``un``, UN)."""

from __future__ import annotations

from reslint.api import Rule, hookimpl

from .barcode_line import BarcodeLine
from .job_number_line import JobNumberLine
from .masthead import Masthead
from .recycle_notice import RecycleNotice
from .running_title import RunningTitle
from .split_symbol import SplitSymbol
from .symbol_line import SymbolLine


@hookimpl
def reslint_rules() -> list[type[Rule]]:
    return [JobNumberLine, BarcodeLine, SymbolLine, RunningTitle, RecycleNotice, Masthead, SplitSymbol]
