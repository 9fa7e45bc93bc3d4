"""Patterns compiled on first use: they behave as the compiled pattern, importing the rule
families compiles none of them, and a French document builds none of the Arabic ones (the
scripts family's screen scans for ideographs beyond U+FFFF only in a text that has such
characters)."""

from __future__ import annotations

import re
import subprocess
import sys

import regex

from reslint.api import Document
from reslint_rules.lazy_pattern import compiled, lazy_re, lazy_regex
from reslint_rules.scripts.screen import has_script_chars

# Lists, after importing every family (its entry point) and linting ``text`` if any, in a
# fresh interpreter, the lazy patterns that were compiled.
COMPILED_AFTER = """
import sys
from importlib.metadata import entry_points
import reslint
from reslint_rules.lazy_pattern import LazyPattern, compiled
for family in entry_points(group="reslint"):
    family.load()
if sys.argv[1]:
    reslint.lint(sys.argv[1], lang="fr")
for name, module in sorted(sys.modules.items()):
    if name.startswith("reslint_rules"):
        for attr, value in vars(module).items():
            if isinstance(value, LazyPattern) and compiled(value):
                print(f"{name}.{attr}")
"""


# Imports every family (its entry point) with ``re.compile`` and ``regex.compile`` wrapped, and
# lists the modules of the families below that compiled a pattern while being imported.
EAGER_COMPILES = """
import re, sys
from importlib.metadata import entry_points
import regex
callers = set()
def wrap(compile_):
    def recorded(*args, **kwargs):
        callers.add(sys._getframe(1).f_globals.get("__name__", ""))
        return compile_(*args, **kwargs)
    return recorded
re.compile, regex.compile = wrap(re.compile), wrap(regex.compile)
for family in entry_points(group="reslint"):
    family.load()
print(*sorted(callers))
"""
LAZY_FAMILIES = (
    "reslint_rules.scripts",
    "reslint_rules.characters",
    "reslint_rules.typography",
    "reslint_rules.whitespace",
    "reslint_rules.language",
    "reslint_rules.symbols",
    "reslint_rules.frequency_store",
    "reslint_rules.layout",
    "reslint_rules.notes",
    "reslint_rules.masthead_readings",
    "reslint_rules.pages",
    "reslint_rules.footnotes",
    "reslint_rules.un",
)


def compiled_after(text: str) -> list[str]:
    """The lazy patterns compiled once every family is imported and ``text`` (if any) linted."""
    run = subprocess.run(
        [sys.executable, "-c", COMPILED_AFTER, text], capture_output=True, text=True, check=True
    )
    return run.stdout.split()


def test_a_lazy_pattern_compiles_on_first_use_and_matches_as_the_pattern() -> None:
    for lazy, eager in (
        (lazy_re(r"(\w+)-$", re.MULTILINE), re.compile(r"(\w+)-$", re.MULTILINE)),
        (lazy_regex(r"(\p{L}+)-$", regex.MULTILINE), regex.compile(r"(\p{L}+)-$", regex.MULTILINE)),
    ):
        assert not compiled(lazy)
        text = "dévelop-\npement et paix-\n"
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
        assert compiled(lazy)
        assert lazy.sub(r"\1", text) == eager.sub(r"\1", text)
        assert (lazy.pattern, lazy.flags, lazy.groups) == (eager.pattern, eager.flags, eager.groups)


def test_an_unknown_private_name_is_not_looked_up_on_the_pattern() -> None:
    lazy = lazy_re("a")
    assert not hasattr(lazy, "_missing")
    assert not compiled(lazy)


def test_importing_the_families_compiles_none_of_their_patterns() -> None:
    assert compiled_after("") == []


def test_the_families_compile_no_pattern_at_import() -> None:
    run = subprocess.run([sys.executable, "-c", EAGER_COMPILES], capture_output=True, text=True, check=True)
    assert [name for name in run.stdout.split() if name.startswith(LAZY_FAMILIES)] == []


def test_a_french_document_builds_none_of_the_arabic_patterns() -> None:
    found = compiled_after("Le dévelop pement de la paix durable ,  et l'œuvre.\n")
    assert "reslint_rules.scripts.screen.SCRIPT_CHAR" in found
    assert [name for name in found if name.startswith("reslint_rules.scripts.")] == [
        "reslint_rules.scripts.screen.SCRIPT_CHAR"
    ]


def test_the_scripts_screen_finds_ideographs_beyond_the_bmp_in_their_own_scan() -> None:
    cases = {
        "Le texte.": False,
        "un emoji \U0001f600 seul": False,
        "une surrogate \ud800 seule": False,
        "人权": True,
        "x\U00020001y": True,
        "\U0003134f": True,
        "\U00031350": False,
        "é \U0001f600 \U00020000": True,
    }
    assert {text: has_script_chars(Document(text)) for text in cases} == cases
