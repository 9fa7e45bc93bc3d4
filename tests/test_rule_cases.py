"""Runs every rule's data-driven cases (tests/rule_cases/<CODE>.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import reslint
from reslint.plugins import load_registry

CASES_DIR = Path(__file__).parent / "rule_cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data.get("case", [])):
            params.append(pytest.param(path.stem, case, id=f"{path.stem}-{case.get('name', i)}"))
    return params


def _config(code: str, case: dict[str, Any]) -> dict[str, Any]:
    rule = load_registry().find(code)
    assert rule is not None, f"no rule {code}"
    config: dict[str, Any] = {"select": [code]}
    if "options" in case:
        config[rule.family] = case["options"]
    return config


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    config = _config(code, case)
    text, lang = case["text"], case.get("lang")
    found = reslint.lint(text, lang=lang, config=config)
    assert all(d.code == code for d in found), found
    assert [[d.line, d.column] for d in found] == case["positions"]
    fixed = case.get("fixed", text)
    assert reslint.fix(text, lang=lang, config=config).text == fixed
    unsafe_fixed = case.get("unsafe_fixed", fixed)
    assert reslint.fix(text, lang=lang, config=config, unsafe=True).text == unsafe_fixed
    # Fixing again changes nothing (fix(fix(x)) == fix(x)).
    assert reslint.fix(unsafe_fixed, lang=lang, config=config, unsafe=True).text == unsafe_fixed


def test_every_rule_has_cases_and_docs() -> None:
    registry = load_registry()
    with_cases = {p.stem for p in CASES_DIR.glob("*.toml")}
    for rule in registry.rules:
        assert rule.code in with_cases, f"{rule.code} has no tests/rule_cases/{rule.code}.toml"
        doc = rule.documentation()
        for section in ("What it does", "Why it matters", "Example", "Fix safety"):
            assert f"{section}:" in doc, f"{rule.code} docs lack '{section}:'"
        assert rule.summary, f"{rule.code} has no summary"
