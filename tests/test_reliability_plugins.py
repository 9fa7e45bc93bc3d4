"""Plugins cannot break a run: a rule that raises, hangs or returns bad edits is reported
by name (RSL001), its results are dropped and every other rule still runs."""

from __future__ import annotations

import itertools
import textwrap
import threading
import time
from pathlib import Path

import pytest

import reslint
from reslint.cli import main
from reslint.linter import RULE_FAILURE_CODE, Linter

_counter = itertools.count()

TEMPLATE = '''
import re, time
from reslint.api import Applicability, Diagnostic, Edit, Fix, Rule, hookimpl

class Misbehaving(Rule):
    """What it does: misbehaves on purpose (reliability tests)."""
    code = "ZZT{n:03d}"
    name = "misbehaving-{n}"
    family = "zzt{n}"

    def check(self, doc, options):
{body}

@hookimpl
def reslint_rules():
    return [Misbehaving]
{extra}
'''


def make_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, extra: str = ""
) -> tuple[str, str]:
    """Write a one-rule plugin module importable from ``tmp_path``; returns (module, code)."""
    n = next(_counter)
    module = f"reslint_reliability_plugin_{n}"
    source = TEMPLATE.format(n=n, body=textwrap.indent(textwrap.dedent(body), " " * 8), extra=extra)
    (tmp_path / f"{module}.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    return module, f"ZZT{n:03d}"


def linter_with(module: str, code: str, time_limit: float | None = None) -> Linter:
    linter = Linter({"plugins": [module], "select": [code, "WS001", "WS002"]})
    if time_limit is not None:
        linter.time_limit = time_limit
    return linter


TEXT = "a  b \nc\n"
CLEAN = "a b\nc\n"


def failures(diagnostics: list[reslint.Diagnostic]) -> list[str]:
    return [d.message for d in diagnostics if d.code == RULE_FAILURE_CODE]


def assert_isolated(linter: Linter, code: str, module: str, reason: str) -> None:
    """The broken rule is named with its plugin and reason; WS001/WS002 still work."""
    found = linter.lint(TEXT)
    [message] = failures(found)
    assert code in message and module in message and reason in message
    assert {d.code for d in found} >= {"WS001", "WS002"}
    assert not [d for d in found if d.code == code and d.fix is not None]
    result = linter.fix(TEXT)
    assert result.text == CLEAN
    assert len(failures(result.remaining)) == 1


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("raise ValueError('broken rule')", "raised ValueError: broken rule"),
        ("return None", "raised TypeError"),
        ("yield self.diagnostic(0, 1, 'x')\nraise KeyError('late')", "raised KeyError"),
        ("yield 'not a diagnostic'", "returned str instead of a Diagnostic"),
        ("yield self.diagnostic(0, 10**6, 'x')", "out-of-range span"),
        ("yield self.diagnostic(-1, 0, 'x')", "out-of-range span"),
        ("yield self.diagnostic('0', 1, 'x')", "out-of-range span"),
        ("yield self.diagnostic(0, 1, 'x', fix=Fix.replace(0, 10**6, ''))", "invalid edit"),
        ("yield self.diagnostic(0, 1, 'x', fix=Fix.replace(2, 1, ''))", "invalid edit"),
        ("yield self.diagnostic(0, 1, 'x', fix=Fix.replace(0, 1, None))", "invalid edit"),
        ("yield self.diagnostic(0, 1, 'x', fix=Fix((Edit(0, 1.5, ''),)))", "invalid edit"),
        ("yield self.diagnostic(0, 1, 'x', fix=Fix(('edit',)))", "invalid edit"),
        ("yield self.diagnostic(0, 1, 'x', fix=Fix(()))", "without edits"),
        ("yield self.diagnostic(0, 1, 'x', fix='delete it')", "invalid fix"),
        ("yield self.diagnostic(0, 3, 'x', fix=Fix((Edit(0, 2, 'A'), Edit(1, 3, 'B'))))", "overlapping"),
    ],
)
def test_broken_rule_is_reported_and_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, reason: str
) -> None:
    module, code = make_plugin(tmp_path, monkeypatch, body)
    assert_isolated(linter_with(module, code), code, module, reason)


def test_rule_that_swallows_exceptions_still_stops_at_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = """
    while True:
        try:
            time.sleep(10)
        except Exception:
            pass
    """
    module, code = make_plugin(tmp_path, monkeypatch, body)
    started = time.monotonic()
    assert_isolated(linter_with(module, code, time_limit=0.3), code, module, "time limit of 0.3 s")
    assert time.monotonic() - started < 5  # lint once + fix once (a timed-out rule is not re-run)


@pytest.mark.parametrize(
    "body",
    [
        # catastrophic backtracking in the standard library's re and in the regex module
        "re.match(r'(a+)+$', 'a' * 40 + 'b')\nreturn []",
        "import regex\nregex.match(r'(a|aa)+$', 'a' * 60 + 'b')\nreturn []",
        "while True:\n    pass",
    ],
    ids=["re-backtracking", "regex-backtracking", "busy-loop"],
)
def test_hanging_rule_is_stopped_reported_and_the_rest_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str
) -> None:
    module, code = make_plugin(tmp_path, monkeypatch, body)
    started = time.monotonic()
    assert_isolated(linter_with(module, code, time_limit=0.3), code, module, "time limit")
    assert time.monotonic() - started < 5


def test_slow_rule_in_a_thread_is_reported_after_it_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside the main thread no signal can interrupt a rule: it is judged when it returns."""
    module, code = make_plugin(tmp_path, monkeypatch, "time.sleep(0.5)\nreturn []")
    linter = linter_with(module, code, time_limit=0.1)
    found: list[reslint.Diagnostic] = []
    worker = threading.Thread(target=lambda: found.extend(linter.lint(TEXT)))
    worker.start()
    worker.join(10)
    [message] = failures(found)
    assert code in message and "time limit" in message
    assert {"WS001", "WS002"} <= {d.code for d in found}


def test_time_limit_leaves_other_alarm_users_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No timer is armed when the caller already runs one (e.g. pytest-timeout)."""
    import signal

    if not hasattr(signal, "setitimer"):
        pytest.skip("POSIX only")
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        module, code = make_plugin(tmp_path, monkeypatch, "return []")
        linter_with(module, code).lint(TEXT)
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 30 and signal.getsignal(signal.SIGALRM) is not previous
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert not fired


def test_fixes_of_one_rule_that_overlap_each_other_are_applied_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Separate diagnostics may overlap: the later one waits for the next pass."""
    body = """
    i = doc.text.find("ab")
    if i >= 0:
        yield self.diagnostic(i, i + 2, "x", fix=Fix.replace(i, i + 2, "X"))
        yield self.diagnostic(i + 1, i + 2, "y", fix=Fix.replace(i + 1, i + 2, "Y"))
    """
    module, code = make_plugin(tmp_path, monkeypatch, body)
    result = reslint.fix("ab cd\n", config={"plugins": [module], "select": [code]})
    assert result.text == "X cd\n"
    assert not failures(result.remaining)


def test_fix_that_changes_nothing_is_not_a_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = """
    yield self.diagnostic(0, 2, "x", fix=Fix.replace(0, 2, doc.text[:2]))
    """
    module, code = make_plugin(tmp_path, monkeypatch, body)
    result = reslint.fix("ab  c\n", config={"plugins": [module], "select": [code, "WS002"]})
    assert result.text == "ab c\n" and [d.code for d in result.remaining] == [code]


def test_hooks_other_than_rules_that_raise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A language-detection or structure hook that raises is an error naming its plugin."""
    extra = """
@hookimpl
def reslint_detect_language(text):
    raise RuntimeError("detector broke")
"""
    module, code = make_plugin(tmp_path, monkeypatch, "return []", extra)
    config = {"plugins": [module], "select": ["WS002"]}
    # A language set by the caller never reaches the hook.
    assert [d.code for d in reslint.lint("a  b", lang="fr", config=config)] == ["WS002"]
    with pytest.raises(reslint.PluginError, match=f"language detection failed in plugin {module}"):
        reslint.lint("a  b", config=config)


def test_cli_reports_the_broken_rule_exits_2_and_fixes_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module, code = make_plugin(tmp_path, monkeypatch, "raise RuntimeError('kaput')")
    (tmp_path / "reslint.toml").write_text(f'plugins = ["{module}"]\nextend-select = ["{code}"]\n')
    files = [tmp_path / f"{i}.txt" for i in range(3)]
    for f in files:
        f.write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", "--select", f"WS001,WS002,{code}", *map(str, files)]) == 2
    err = capsys.readouterr().err
    assert err.count(f"{code} (misbehaving") == 3 and "kaput" in err
    assert all(f.read_text() == CLEAN for f in files)


def test_structure_hook_that_raises_names_its_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = """
@hookimpl(tryfirst=True)
def reslint_structure(doc, options):
    raise RuntimeError("splitter broke")
"""
    module, _code = make_plugin(tmp_path, monkeypatch, "return []", extra)
    with pytest.raises(reslint.PluginError, match=f"structure hook of plugin {module}.*splitter broke"):
        reslint.structure("a\n\nb\n", lang="fr", config={"plugins": [module]})
