"""The words family compiles no pattern while imported (a run that selects other families, or
lints no text, never builds them), and its patterns match once compiled on first use."""

from __future__ import annotations

import subprocess
import sys

from test_lazy_pattern import EAGER_COMPILES

import reslint


def test_importing_the_words_family_compiles_no_pattern() -> None:
    run = subprocess.run([sys.executable, "-c", EAGER_COMPILES], capture_output=True, text=True, check=True)
    assert [name for name in run.stdout.split() if name.startswith("reslint_rules.words")] == []


def test_the_words_patterns_compile_on_first_use() -> None:
    text = "une question desti née à promouvoir le dévelop-\npement de 1’application\n"
    codes = sorted({d.code for d in reslint.lint(text, lang="fr", select=["WD"])})
    assert codes == ["WD001", "WD002", "WD004"]
