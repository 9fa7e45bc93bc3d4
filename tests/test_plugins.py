"""Third-party plugins: installed through the entry-point group, or named in the config."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import reslint
from reslint.cli import main
from reslint.errors import PluginError
from reslint.plugins import load_registry

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "plugin"
RESLINT = str(Path(sys.executable).with_name("reslint"))


@pytest.fixture(scope="module")
def installed_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin really installed (pip) into a folder put on PYTHONPATH."""
    target = tmp_path_factory.mktemp("site")
    source = tmp_path_factory.mktemp("src") / "plugin"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(source)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return target


def broken_site(tmp_path: Path) -> Path:
    """A folder holding an installed plugin (entry point ``broken``) whose import fails."""
    site = tmp_path / "site"
    dist = site / "broken_plugin-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[reslint]\nbroken = broken_ep_module\n")
    (site / "broken_ep_module.py").write_text("raise ImportError('missing dependency xyz')\n")
    return site


def run(args: list[str], site: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([RESLINT, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=60)


def test_installed_plugin_is_listed_selectable_and_runs(installed_example: Path, tmp_path: Path) -> None:
    listed = run(["rules"], installed_example, tmp_path)
    assert any(line.startswith("EX001") and "placeholder-text" in line for line in listed.stdout.splitlines())
    doc = tmp_path / "d.txt"
    doc.write_text("Texte.\nLorem ipsum dolor sit amet.\n", encoding="utf-8")
    checked = run(
        ["check", "--select", "EX001", "--output-format", "concise", str(doc)], installed_example, tmp_path
    )
    assert checked.returncode == 1
    assert f"{doc}:2:1: EX001 Placeholder text" in checked.stdout
    by_family = run(["check", "--select", "example", "--exit-zero", str(doc)], installed_example, tmp_path)
    assert "EX001" in by_family.stdout and by_family.returncode == 0
    docs = run(["rule", "placeholder-text"], installed_example, tmp_path)
    assert "Why it matters:" in docs.stdout


def test_plugin_named_in_config_with_its_own_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(EXAMPLE))
    config = {"plugins": ["reslint_example_plugin"], "select": ["EX"], "example": {"placeholder": "TODO"}}
    found = reslint.lint("Lorem ipsum. TODO: write.", config=config)
    assert [(d.code, d.column) for d in found] == [("EX001", 1), ("EX001", 14)]
    assert "reslint_example_plugin" in load_registry(("reslint_example_plugin",)).plugin_of.values()


def test_required_plugin_that_fails_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken_plugin_mod.py").write_text("raise RuntimeError('boom at import')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(PluginError, match="broken_plugin_mod.*boom at import"):
        reslint.lint("x", config={"plugins": ["broken_plugin_mod"]})
    (tmp_path / "reslint.toml").write_text('plugins = ["broken_plugin_mod"]\n')
    (tmp_path / "a.txt").write_text("x\n")
    assert main(["check", str(tmp_path / "a.txt")]) == 2
    assert "broken_plugin_mod" in capsys.readouterr().err


def test_broken_installed_plugin_is_reported_and_the_rest_still_runs(tmp_path: Path) -> None:
    site = broken_site(tmp_path)
    doc = tmp_path / "d.txt"
    doc.write_text("a  b\n")
    result = run(["check", "--select", "WS002", "--output-format", "concise", str(doc)], site, tmp_path)
    assert "plugin 'broken' failed: ImportError: missing dependency xyz" in result.stderr
    assert f"{doc}:1:2: WS002" in result.stdout
    assert result.returncode == 1


def test_unknown_selector_names_the_plugins_that_failed(tmp_path: Path) -> None:
    site = broken_site(tmp_path)
    (tmp_path / "d.txt").write_text("x\n")
    result = run(["check", "--select", "BRK001", str(tmp_path / "d.txt")], site, tmp_path)
    assert result.returncode == 2
    assert "unknown rule selector `BRK001`" in result.stderr
    assert "plugin 'broken' failed: ImportError: missing dependency xyz" in result.stderr
