"""Every registered rule on adversarial input (``bench/adversarial.py``'s inputs, short):
no crash, and no pathological slowness under a generous bound.

The bound (``BOUND`` seconds per rule and input, i.e. 400 s/MB) only catches runaway
cases such as catastrophic regex backtracking; growth with size (linear or not) is
measured by ``python bench/adversarial.py``, not asserted here on wall-clock time.
"""

from __future__ import annotations

import importlib.util
import traceback
from functools import cache
from pathlib import Path

import pytest

from reslint.document import Document
from reslint.linter import Linter, RuleTimeout, _deadline
from reslint.rule import Rule

SIZE = 5_000
BOUND = 2.0
_spec = importlib.util.spec_from_file_location(
    "adversarial", Path(__file__).resolve().parent.parent / "bench" / "adversarial.py"
)
assert _spec is not None and _spec.loader is not None
adversarial = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(adversarial)

LINTER = Linter(select=["ALL"])
INPUTS: dict[str, str] = adversarial.adversarial_inputs(SIZE)


@cache
def document(name: str, lang: str | None) -> Document:
    """One document per input and language, shared by the rules (as in a real run)."""
    return Document(INPUTS[name], lang=lang)


@pytest.mark.parametrize("rule", LINTER.rules, ids=lambda r: r.code)
def test_rule_survives_adversarial_input_quickly(rule: Rule) -> None:
    lang = adversarial.language_for(rule)
    options = LINTER.options.get(rule.family, {})
    problems = []
    for name in INPUTS:
        doc = document(name, lang)
        try:
            with _deadline(BOUND):
                for diag in rule.check(doc, options):
                    assert 0 <= diag.start <= diag.end <= len(doc.text), diag
        except RuleTimeout:
            problems.append(f"{name}: over {BOUND} s on {SIZE} characters")
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            problems.append(f"{name}: {type(exc).__name__}: {exc} ({where.filename}:{where.lineno})")
    assert not problems, f"{rule.code} ({rule.name}):\n" + "\n".join(problems)
