"""The pre-screen keeps clean text cheap: ftfy is not even imported for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
import reslint
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as f:
        assert reslint.lint(f.read(), select=["CH", "TY"]) == []
clean = "ftfy" in sys.modules
reslint.lint("pr\\u00c3\\u00a9venir le terrorisme", select=["CH001"])
print(clean, "ftfy" in sys.modules)
"""


def test_ftfy_runs_only_on_suspicious_text(fixtures_dir: Path) -> None:
    files = sorted(str(p) for p in (fixtures_dir / "characters").glob("*.txt"))
    out = subprocess.run([sys.executable, "-c", SCRIPT, *files], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
