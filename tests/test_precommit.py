"""The pre-commit hooks, run by real pre-commit in a temporary git repository.

The hook repository is a snapshot of this working tree committed to a scratch git repo,
so the test exercises exactly the code under test; pre-commit installs it once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PEACE = "Rappelant la Déclaration et le Programme d’action sur une culture de la paix"
DIRTY = f"{PEACE} \n\nla Charte  des Nations Unies\n"
CLEAN = f"{PEACE}\n\nla Charte des Nations Unies\n"
SKIP = shutil.ignore_patterns(
    ".git", ".venv", "*.egg-info", "build", "__pycache__", ".*_cache", ".hypothesis"
)

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None
    or subprocess.run([sys.executable, "-m", "pre_commit", "--version"], capture_output=True).returncode,
    reason="needs git and pre-commit",
)


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    snapshot = tmp_path_factory.mktemp("hook-repo") / "reslint"
    shutil.copytree(ROOT, snapshot, ignore=SKIP)
    git("init", "-q", cwd=snapshot, env=env)
    git("add", "-A", cwd=snapshot, env=env)
    git("commit", "-q", "-m", "snapshot", cwd=snapshot, env=env)
    return snapshot, git("rev-parse", "HEAD", cwd=snapshot, env=env)


def run_hook(hook: str, repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, "--files", "doc.txt"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_check_hook_fails_and_fix_hook_repairs(
    tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    source, rev = hook_repo
    git("init", "-q", cwd=tmp_path, env=env)
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {source}\n  rev: {rev}\n  hooks:\n  - id: reslint\n  - id: reslint-fix\n"
    )
    (tmp_path / "reslint.toml").write_text('select = ["WS"]\n')
    (tmp_path / "doc.txt").write_text(DIRTY, encoding="utf-8")
    git("add", ".", cwd=tmp_path, env=env)

    check = run_hook("reslint", tmp_path, env)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "doc.txt:1:77: WS001" in check.stdout
    assert "doc.txt:3:10: WS002" in check.stdout
    assert (tmp_path / "doc.txt").read_text(encoding="utf-8") == DIRTY

    fix = run_hook("reslint-fix", tmp_path, env)
    assert fix.returncode == 1  # the hook changed a file, so pre-commit fails it
    assert "Fixed doc.txt (2 fixes: WS001, WS002)" in fix.stdout
    assert "files were modified by this hook" in fix.stdout
    assert (tmp_path / "doc.txt").read_text(encoding="utf-8") == CLEAN

    assert run_hook("reslint-fix", tmp_path, env).returncode == 0
    assert run_hook("reslint", tmp_path, env).returncode == 0


def test_fix_hook_passes_when_only_unfixable_findings_remain_and_skips_data_files(
    tmp_path: Path, env: dict[str, str], hook_repo: tuple[Path, str]
) -> None:
    """The fix hook failed whenever a finding without a fix remained (the check hook reports
    those), and both hooks ran on every text file: a CSV's field values were "fixed"."""
    source, rev = hook_repo
    git("init", "-q", cwd=tmp_path, env=env)
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {source}\n  rev: {rev}\n  hooks:\n  - id: reslint\n  - id: reslint-fix\n"
    )
    (tmp_path / "reslint.toml").write_text('select = ["WS", "CH005"]\n')
    (tmp_path / "doc.txt").write_text(f"{PEACE} \n\ue000 texte\n", encoding="utf-8")
    (tmp_path / "data.csv").write_text("name ,value\na  ,1\n", encoding="utf-8")
    git("add", ".", cwd=tmp_path, env=env)

    def run(hook: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pre_commit", "run", hook, "--all-files"]
        return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)

    fix = run("reslint-fix")
    assert fix.returncode == 1 and "Fixed doc.txt (1 fix: WS001)" in fix.stdout  # it changed doc.txt
    assert (tmp_path / "doc.txt").read_text(encoding="utf-8") == f"{PEACE}\n\ue000 texte\n"
    assert run("reslint-fix").returncode == 0  # nothing left to fix; CH005 is the check hook's
    check = run("reslint")
    assert check.returncode == 1 and "doc.txt:2:1: CH005" in check.stdout
    assert "data.csv" not in check.stdout + fix.stdout
    assert (tmp_path / "data.csv").read_text(encoding="utf-8") == "name ,value\na  ,1\n"
