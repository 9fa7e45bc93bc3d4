"""Corpus mode on Dask: end to end on a local cluster of 2 workers, and each input format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask", reason="corpus mode needs the dask extra: pip install 'reslint[dask]'")
pytest.importorskip("pyarrow", reason="Parquet output needs pyarrow (in the dask extra)")
pd = pytest.importorskip("pandas", reason="datasets need pandas (in the dask extra)")

from reslint.cli import main  # noqa: E402
from reslint.corpus import run_corpus  # noqa: E402

RULES = ["WS001", "WS002"]  # trailing whitespace, multiple spaces: safe fixes, any language
DOCS = {
    "fr/a.txt": "Le  texte du rapport. \nDeuxième ligne.\n",
    "fr/b.txt": "Aucune faute ici.\n",
    "en/c.txt": "The  report of the  Secretary-General. \n",
    "en/d.txt": "Clean text.\n",
    "en/e.txt": "One   more. \n",
}
FIXED = {
    "fr/a.txt": "Le texte du rapport.\nDeuxième ligne.\n",
    "fr/b.txt": "Aucune faute ici.\n",
    "en/c.txt": "The report of the Secretary-General.\n",
    "en/d.txt": "Clean text.\n",
    "en/e.txt": "One more.\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    for name, text in DOCS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_cli_on_a_local_cluster_of_two_workers(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed", reason="the local cluster needs dask[distributed]")
    out = tmp_path / "out"
    args = ["corpus", str(folder), "-o", str(out), "--fix", "--select", ",".join(RULES), "--lang", "fr"]
    assert main([*args, "--workers", "2", "--files-per-partition", "2"]) == 0
    texts = pd.read_parquet(out / "texts").sort_values("id")
    assert dict(zip(texts["id"], texts["text"], strict=True)) == FIXED
    assert list(texts["changed"]) == [True, False, True, True, False]  # en/c, en/d, en/e, fr/a, fr/b
    diagnostics = pd.read_parquet(out / "diagnostics")
    assert set(diagnostics["code"]) == set(RULES) and diagnostics["fixed"].all()
    assert len(list((out / "texts").iterdir())) == 3  # five files, two per partition
    summary = json.loads((out / "summary.json").read_text())
    assert summary["documents"] == 5 and summary["changed"] == 3 and summary["errors"] == 0
    assert summary["rules"]["WS001"] == {"name": "trailing-whitespace", "found": 0, "fixed": 3}
    assert summary["rules"]["WS002"]["fixed"] == 4
    assert summary["languages"]["fr"]["documents"] == 5
    printed = capsys.readouterr().out
    assert printed.startswith("5 documents") and "WS002" in printed
    assert main(args) == 2  # the output folder is not empty: refuse to mix runs
    assert "not empty" in capsys.readouterr().err


def test_jsonl_dataset_with_columns_to_jsonl(tmp_path: Path) -> None:
    data = tmp_path / "docs.jsonl"
    rows = [
        {"doc": name, "body": text, "language": "fr" if name.startswith("fr") else "en"}
        for name, text in DOCS.items()
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    summary = run_corpus(
        str(data),
        str(tmp_path / "out"),
        fix=True,
        select=RULES,
        text_column="body",
        id_column="doc",
        lang_column="language",
        output_format="jsonl",
        scheduler="synchronous",
    )
    assert summary.documents == 5 and summary.changed == 3
    assert summary.languages["en"]["documents"] == 3 and summary.languages["fr"]["documents"] == 2
    lines = (tmp_path / "out" / "texts" / "part-00000.jsonl").read_text(encoding="utf-8").splitlines()
    texts = {r["id"]: r["text"] for r in map(json.loads, lines)}
    assert texts == FIXED


def test_parquet_dataset_lint_only(tmp_path: Path) -> None:
    data = tmp_path / "docs.parquet"
    pd.DataFrame({"text": list(DOCS.values()), "id": list(DOCS)}).to_parquet(data)
    summary = run_corpus(
        str(data), str(tmp_path / "out"), select=RULES, lang="en", id_column="id", scheduler="threads"
    )
    assert summary.changed == 0 and summary.rules["WS002"]["found"] == 4
    texts = pd.read_parquet(tmp_path / "out" / "texts")
    assert texts["text"].isna().all()  # lint only: no texts written, counts are
    assert list(texts["remaining"]) == [2, 0, 3, 0, 2]


def test_unreadable_files_are_counted_not_fatal(folder: Path, tmp_path: Path) -> None:
    (folder / "en" / "bad.txt").write_bytes(b"\x00\x01binary")
    (folder / "en" / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    summary = run_corpus(str(folder), str(tmp_path / "out"), select=RULES, scheduler="synchronous")
    assert summary.documents == 5 and summary.errors == 2


def test_missing_text_column_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "docs.jsonl"
    data.write_text('{"content": "x"}\n', encoding="utf-8")
    args = ["corpus", str(data), "-o", str(tmp_path / "out"), "--scheduler", "synchronous"]
    assert main(args) == 2
    assert "no column 'text'" in capsys.readouterr().err
