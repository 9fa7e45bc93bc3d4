"""Footnote bodies and markers on real extractions (fixtures/pages)."""

from __future__ import annotations

from pathlib import Path

import reslint

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_seed_marker_6_has_no_body_and_every_body_is_cited() -> None:
    found = reslint.lint(read("seed_A_RES_72_194_fr.txt"), select=["FN003", "FN004"])
    assert [d.message for d in found] == ["Footnote marker 6 has no body"]
    assert "l’enfant6" in read("seed_A_RES_72_194_fr.txt").splitlines()[found[0].line - 1]


def test_typeset_bodies_pair_with_markers_in_every_form() -> None:
    text = read("typeset_A_RES_72_194_pdfminer.txt")
    assert reslint.lint(text, select=["FN003", "FN004"]) == []
    numbers = [n["number"] for n in reslint.structure(text)["footnotes"]]
    assert numbers == ["1", "2", "3", "4", "5", "6"]


def test_moved_bodies_keep_their_numbers_and_order() -> None:
    out = reslint.fix(read("typeset_A_RES_72_194_pypdf.txt"), select=["FN", "UN", "PG"]).text
    tail = out[out.index("\n1  Résolutions 70/148") :]
    positions = [tail.index(f"\n{n}  ") for n in range(1, 7)]
    assert positions == sorted(positions)
    assert reslint.lint(out, select=["FN002"]) == []
