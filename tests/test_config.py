"""Configuration discovery, validation and rule selection."""

from __future__ import annotations

from pathlib import Path

import pytest

import reslint
from reslint.config import Config, discover_config, read_config_file
from reslint.errors import ConfigError
from reslint.linter import Linter


def codes(linter: Linter) -> set[str]:
    return {r.code for r in linter.rules}


def test_pyproject_without_reslint_table_is_skipped_and_nearest_config_wins(tmp_path: Path) -> None:
    (tmp_path / "reslint.toml").write_text('select = ["WS001"]\n')
    sub = tmp_path / "docs" / "fr"
    sub.mkdir(parents=True)
    (sub.parent / "pyproject.toml").write_text('[project]\nname = "x"\n')
    config = discover_config(sub)
    assert config.source == (tmp_path / "reslint.toml").resolve()
    assert config.select == ("WS001",)
    (sub / "pyproject.toml").write_text('[tool.reslint]\nignore = ["WS002"]\n')
    assert discover_config(sub).ignore == ("WS002",)


def test_unknown_key_and_unknown_option_are_errors(tmp_path: Path) -> None:
    bad = tmp_path / "reslint.toml"
    bad.write_text("selct = ['WS']\n")
    with pytest.raises(ConfigError, match="unknown config key `selct`"):
        read_config_file(bad)
    with pytest.raises(ConfigError, match="unknown config key `nosuchfamily`"):
        Linter(Config.from_mapping({"nosuchfamily": {"x": 1}}))


def test_unknown_selector_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule selector `XX999`"):
        reslint.lint("x", select=["XX999"])


def test_selection_by_code_prefix_name_family_and_all() -> None:
    assert codes(Linter(select=["WS001"])) == {"WS001"}
    assert codes(Linter(select=["multiple-spaces"])) == {"WS002"}
    assert {"WS001", "WS002"} <= codes(Linter(select=["WS"]))
    assert {"WS001", "WS002"} <= codes(Linter(select=["whitespace"]))
    everything = codes(Linter(select=["ALL"]))
    assert everything >= codes(Linter())
    assert "WS001" not in codes(Linter(select=["WS"], ignore=["WS001"]))
    # The more specific selector wins: select WS001 beats ignore WS.
    assert codes(Linter(select=["WS001"], ignore=["WS"])) == {"WS001"}


def test_per_file_ignores(tmp_path: Path) -> None:
    config = Config.from_mapping({"per-file-ignores": {"*.md": ["WS001"]}}, tmp_path / "reslint.toml")
    linter = Linter(config, select=["WS"])
    assert "WS001" not in {r.code for r in linter.rules_for(str(tmp_path / "a.md"))}
    assert "WS001" in {r.code for r in linter.rules_for(str(tmp_path / "a.txt"))}


def test_wrong_option_type_is_an_error() -> None:
    with pytest.raises(ConfigError, match="must be a list of strings"):
        Config.from_mapping({"select": 3})


def test_library_accepts_a_plain_mapping_as_config() -> None:
    found = reslint.lint("a  b ", config={"select": ["WS002"]})
    assert [d.code for d in found] == ["WS002"]


def test_option_outside_its_declared_choices_stops_the_cli_before_any_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reslint.cli import main

    (tmp_path / "reslint.toml").write_text('[typography]\napostrophes = "curly"\n')
    (tmp_path / "a.txt").write_text("l’avis  de\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", "a.txt"]) == 2
    err = capsys.readouterr().err
    assert "typography.apostrophes" in err and "majority, typographic, straight" in err
    assert (tmp_path / "a.txt").read_text() == "l’avis  de\n"


def test_a_plugin_whose_choices_hook_fails_declares_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "reslint_broken_choices.py").write_text(
        "from reslint.api import hookimpl\n\n"
        "@hookimpl\ndef reslint_option_choices():\n    raise RuntimeError('broken')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    config = {"plugins": ["reslint_broken_choices"], "typography": {"apostrophes": "straight"}}
    assert reslint.fix("l’avis, l'avis", config=config, select=["TY004"]).text == "l'avis, l'avis"


def test_unparsable_pyproject_with_a_reslint_table_is_an_error(tmp_path: Path) -> None:
    """A typo in ``[tool.reslint]`` silently dropped every setting (the file was skipped as if it
    had no reslint table); a broken pyproject.toml that does not mention reslint is still skipped."""
    (tmp_path / "reslint.toml").write_text('select = ["WS001"]\n')
    sub = tmp_path / "docs"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[project\nname = "x"\n')
    assert discover_config(sub).select == ("WS001",)
    (sub / "pyproject.toml").write_text('[tool.reslint\nselect = ["WS002"]\n')
    with pytest.raises(ConfigError, match=r"cannot read config .*pyproject.toml: Expected"):
        discover_config(sub)


def test_lang_is_case_insensitive() -> None:
    """``lang = "FR"`` ran none of the French rules (they compare lower-case codes)."""
    text = "Le rapport du Secrétaire général a été établi con formément à la résolution.\n" * 3
    assert Config.from_mapping({"lang": "FR"}).lang == "fr"
    assert [d.code for d in reslint.lint(text, lang="FR")] == [d.code for d in reslint.lint(text, lang="fr")]
    assert reslint.lint(text, lang="fr")


def test_unknown_selector_on_the_command_line_names_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a config file present, ``--select ZZ`` was reported as an error in that file."""
    from reslint.cli import main

    (tmp_path / "reslint.toml").write_text('select = ["WS"]\n')
    (tmp_path / "a.txt").write_text("a  b\n")
    for option in ("--select", "--extend-select", "--ignore"):
        assert main(["check", option, "WS,ZZ9", str(tmp_path / "a.txt")]) == 2
        assert capsys.readouterr().err == f"reslint: error: unknown rule selector `ZZ9` in {option}\n"


def test_tool_table_in_reslint_toml_says_where_settings_go(tmp_path: Path) -> None:
    """A [tool.reslint] table copied into reslint.toml was only 'unknown config key `tool`'."""
    path = tmp_path / "reslint.toml"
    path.write_text('[tool.reslint]\nselect = ["WS"]\n')
    with pytest.raises(ConfigError, match=r"settings stand at the top, without \[tool.reslint\]"):
        read_config_file(path)
