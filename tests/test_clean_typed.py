"""Clean hand-typed documents (licences, Debian copyright files, Markdown with code fences,
French text wrapped at 72 columns) come out of ``reslint.fix`` with no word token changed:
reslint also runs as a pre-commit hook on such files. Sources in ``fixtures/clean/README.md``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import regex

import reslint
from reslint.linter import FixResult

CLEAN = Path(__file__).resolve().parent.parent / "fixtures" / "clean"
FILES = [
    "gpl-3.txt",
    "apache-2.0.txt",
    "mpl-2.0.txt",
    "debian-git-copyright.txt",
    "debian-python3-pip-copyright.txt",
    "debian-libxss1-copyright.txt",
    "debian-python3-pygments-copyright.txt",
    "debian-strace-copyright.txt",
    "pip-authentication.md",
    "systemd-TRANSLATORS.md",
    "gnupg-help.fr.txt",
    "udhr-fr-two-space.txt",
    "a-res-72-194-fr-wrapped.txt",
]
# Rules whose false positives on typed files the clean-text audit fixed (WS002 apart: it
# joins stray doubled spaces in these files, whitespace only, so it is tested on the gaps).
AUDITED = frozenset({"PG004", "PG006", "WS003", "WS005", "TY002", "WD003", "CH001"})
TWO_SPACE = ["gpl-3.txt", "udhr-fr-two-space.txt"]  # two spaces after a sentence, by convention
SENTENCE_GAP = regex.compile(r"[.!?»]\)?  (?=\S)")


def _text(name: str) -> str:
    """A fixture file, read exactly (newlines kept as they are)."""
    return (CLEAN / name).read_bytes().decode("utf-8")


@cache
def _fixed(name: str) -> FixResult:
    """``reslint.fix`` of a fixture file (safe fixes, default rules), computed once."""
    return reslint.fix(_text(name))


def test_every_fixture_is_listed() -> None:
    assert sorted(p.name for p in CLEAN.iterdir() if p.name != "README.md") == sorted(FILES)


@pytest.mark.parametrize("name", FILES)
def test_no_word_token_changes(name: str) -> None:
    assert _fixed(name).text.split() == _text(name).split()


@pytest.mark.parametrize("name", FILES)
def test_fix_is_idempotent(name: str) -> None:
    once = _fixed(name).text
    assert reslint.fix(once).text == once


@pytest.mark.parametrize("name", FILES)
def test_audited_rules_make_no_safe_fix(name: str) -> None:
    assert sorted({d.code for d in _fixed(name).applied} & AUDITED) == []


@pytest.mark.parametrize("name", TWO_SPACE)
def test_two_space_sentence_gaps_are_kept(name: str) -> None:
    gaps = SENTENCE_GAP.findall(_text(name))
    assert len(gaps) >= 3  # the file does follow the convention
    assert SENTENCE_GAP.findall(_fixed(name).text) == gaps


def test_french_two_space_file_gets_no_multiple_spaces_fix() -> None:
    assert [d for d in _fixed("udhr-fr-two-space.txt").applied if d.code == "WS002"] == []
