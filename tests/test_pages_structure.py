"""End-to-end checks of the pages, footnotes and un families on real extractions (fixtures/pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

import reslint

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
STRUCTURE = ["PG", "FN", "UN", "WS001", "WS002"]
FURNITURE = ("17-23181", "2/4", "3/4", "4/4", "recycler", "*1723181*", "A/RES/72/194", "protocoles…")


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def words(text: str) -> set[str]:
    return set(text.split())


def test_seed_sentence_runs_over_the_page_break_and_footnotes_go_to_the_end() -> None:
    out = reslint.fix(read("seed_A_RES_72_194_fr.txt"), select=STRUCTURE).text
    assert "de continuer à fournir\n\naux États Membres une assistance technique" in out
    assert "https://" not in out and "____" not in out
    tail = out[out.index("\n1 Résolutions 70/148") :]
    positions = [tail.index(f"\n{n} ") for n in range(1, 6)]
    assert positions == sorted(positions)
    assert out.rstrip().endswith("5 E/CN.15/2017/5.")


def test_whitespace_rules_do_not_change_what_structure_removes() -> None:
    text = read("seed_A_RES_72_194_fr.txt")
    with_ws = reslint.fix(text, select=STRUCTURE).text
    without_ws = reslint.fix(text, select=["PG", "FN", "UN"]).text
    assert with_ws.split() == without_ws.split()


@pytest.mark.parametrize("extractor", ["pdfminer", "pypdf"])
@pytest.mark.parametrize("form_feeds", [True, False])
def test_typeset_furniture_goes_and_body_words_stay(extractor: str, form_feeds: bool) -> None:
    text = read(f"typeset_A_RES_72_194_{extractor}.txt")
    if not form_feeds:
        text = text.replace("\f", "")
    out = reslint.fix(text, select=STRUCTURE).text
    assert not set(FURNITURE) & words(out)
    source = read("typeset_A_RES_72_194_source.txt") + read("typeset_A_RES_72_194_footnotes.txt")
    assert (words(source) & words(text)) <= words(out)
    assert "6 Nations Unies, Recueil des Traités" in out


def test_fixing_twice_changes_nothing() -> None:
    once = reslint.fix(read("typeset_A_RES_72_194_pdfminer.txt"), select=STRUCTURE, unsafe=True).text
    assert reslint.fix(once, select=STRUCTURE, unsafe=True).text == once


def test_clean_text_gets_no_edit() -> None:
    clean = read("typeset_A_RES_72_194_source.txt")
    assert reslint.fix(clean, select=["PG", "FN", "UN"], unsafe=True).text == clean


def test_structure_hook_splits_body_footnotes_and_furniture() -> None:
    text = read("typeset_A_RES_72_194_pdfminer.txt")
    parts = reslint.structure(text)
    assert [n["number"] for n in parts["footnotes"]] == ["1", "2", "3", "4", "5", "6"]
    assert parts["footnotes"][1]["text"] == "Résolutions 53/243 A et B."
    # The session, agenda, ``Résolution adoptée`` and ``[sur la base …]`` lines are masthead
    # (fr-typeset furniture.txt); the body starts at the title, as in the seed gold.
    assert parts["body"][0].startswith("72/194. Assistance technique")
    masthead = [item["text"] for item in parts["furniture"] if item["kind"] == "masthead"]
    assert masthead[4:8] == [
        "Soixante-douzième session",
        "Point 107 de l’ordre du jour",
        "Résolution adoptée par l’Assemblée générale le 19 décembre 2017",
        "[sur la base du rapport de la Troisième Commission (A/72/437)]",
    ]
    lines = text.split("\n")
    for item in parts["furniture"]:
        assert item["text"] in lines[item["line"] - 1]
    kinds = {item["kind"] for item in parts["furniture"]}
    assert {"masthead", "job", "page-number", "symbol", "running"} <= kinds
    assert not any("17-23181" in p for p in parts["body"])


@pytest.mark.parametrize("text", ["- 3 -Page 3 of 10", "2/4- 3 -\n", "Page 2 of 3/...\fx"])
def test_glued_page_number_atoms_do_not_crash_the_layout(text: str) -> None:
    codes = {d.code for d in reslint.lint(text, select=["PG", "FN", "UN"])}
    assert "RSL001" not in codes


@pytest.mark.parametrize(
    "text", ["Texte (cid:12)\no)\n", "Texte (cid:12)\n\no)\n", "the States\n\n\na) to act\n"]
)
def test_page_break_stitch_and_reflow_agree_on_list_items(text: str) -> None:
    """PG004 joined what PG005 split before a list item ``o)``: the fix cycled (FixError)."""
    out = reslint.fix(text, unsafe=True, config={"extend-select": ["PG005"]}).text
    assert out.split() == text.split()


def test_structure_body_carries_the_safe_word_repairs() -> None:
    """Paragraphs come out repaired (elisions, split words, detached markers), while the
    furniture and footnote line numbers still point into the original text."""
    text = read("seed_A_RES_72_194_fr.txt")
    assert "l ’élaboration" in text and "desti née" in text and "civilisations 3," in text
    parts = reslint.structure(text)
    body = "\n".join(parts["body"])
    assert "l’élaboration" in body and "destinée" in body and "civilisations3," in body
    assert "l ’" not in body and "desti née" not in body
    lines = text.split("\n")
    assert all(item["text"] in lines[item["line"] - 1] for item in parts["furniture"])
    assert [lines[n["line"] - 1].split()[0] for n in parts["footnotes"]] == ["1", "2", "3", "4", "5"]
    assert parts["footnotes"][3] == {"number": "4", "text": "Résolution 60/288.", "line": 168}


def test_numbered_headings_on_short_pages_stay_in_the_structured_body() -> None:
    """``Article 1`` … ``Article 4`` at the tops of four short pages look like one running
    line with digits ignored; they are headings (numbered up one by one), kept as body."""
    articles = [
        "All human beings are born free and equal in dignity and rights.",
        "Everyone is entitled to all the rights and freedoms set forth in this Declaration.",
        "Everyone has the right to life, liberty and security of person.",
        "No one shall be held in slavery or servitude.",
    ]
    title = "Universal Declaration of Human Rights"
    text = "\f".join(f"{title}\nArticle {n}\n{a}\n" for n, a in enumerate(articles, 1))
    parts = reslint.structure(text)
    assert [p for p in parts["body"] if p.startswith("Article")] == [f"Article {n}" for n in range(1, 5)]
    assert {item["text"] for item in parts["furniture"]} == {title}
    assert "Article 3" in reslint.fix(text).text


@pytest.mark.parametrize("marker_first", [False, True])
def test_the_title_under_the_masthead_stays_when_the_running_title_repeats_it(marker_first: bool) -> None:
    """udhr ar pdftotext: the title's footnote marker sits on its own line (before the title
    with -layout), so the title reads exactly like the running title of the next pages.
    Removing the masthead used to bring the title into the page-top zone, where the next pass
    removed it as a running header."""
    masthead = [
        "United Nations", "General Assembly", "A/RES/217 A (III)", "Distr.: General",
        "10 December 1948", "Third session", "Resolution adopted by the General Assembly on 10 December 1948",
    ]
    title = "Universal Declaration of Human Rights"
    heading = ["1", title] if marker_first else [title, "1"]
    pages = [
        "\n".join([*masthead, *heading, "Preamble", "Whereas recognition of the inherent dignity,"]),
        f"{title}\nArticle 1\nAll human beings are born free and equal in dignity and rights.",
        f"{title}\nArticle 2\nEveryone is entitled to all the rights and freedoms.",
        f"{title}\nArticle 3\nEveryone has the right to life, liberty and security of person.",
    ]
    out = reslint.fix("\f".join(pages) + "\n", select=["PG", "UN"]).text
    assert out.startswith("\n".join([*heading, "Preamble\n"]))
    assert out.count(title) == 1
    assert reslint.fix(out, select=["PG", "UN"]).text == out
