"""Footnote bodies and markers on real extractions (fixtures/pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def bodies(text: str) -> dict[str, str]:
    return {n["number"]: n["text"] for n in reslint.structure(text)["footnotes"]}


def typeset_footnotes() -> dict[str, str]:
    lines = read("typeset_A_RES_72_194_footnotes.txt").splitlines()
    return dict(line.split("\t", 1) for line in lines if line)


@pytest.mark.parametrize("form_feeds", [True, False])
def test_pdftotext_number_column_pairs_with_its_bodies(form_feeds: bool) -> None:
    """``appa1``, ``2``, ``3``, ``4`` then four bodies; ``5``, a page number, then its body."""
    text = read("typeset_A_RES_72_194_pdftotext.txt")
    text = text if form_feeds else text.replace("\f", "")
    assert bodies(text) == typeset_footnotes()


def test_pdftotext_number_column_moves_to_the_end_with_its_numbers() -> None:
    text = read("typeset_A_RES_72_194_pdftotext.txt")
    out = reslint.fix(text, select=["FN", "UN", "PG"]).text
    assert "peuvent appa\n" in out and "appa1" not in out
    tail = out[out.index("\n1 Résolutions 70/148") :]
    assert [line.split(" ", 1)[0] for line in tail.strip().splitlines() if line[:1].isdigit()] == [
        "1", "2", "3", "4", "5", "6"
    ]
    assert "\n2\n" not in out and "\n4\n" not in out
    assert reslint.fix(out, select=["FN", "UN", "PG"]).text == out


@pytest.mark.parametrize("form_feeds", [True, False])
def test_interleaved_un_column_deals_the_smallest_number_to_the_first_body(form_feeds: bool) -> None:
    """A/78/668 (pdftotext): ``body⏎3⏎body⏎2`` and ``body⏎9⏎body⏎…⏎12⏎body⏎8``."""
    text = read("un_A_78_668_pdftotext.txt")
    text = text if form_feeds else text.replace("\f", "")
    found = bodies(text)
    assert list(found) == [str(n) for n in range(1, 15)]
    assert found["2"].startswith("See also United Nations Development Programme (UNDP)")
    assert found["3"] == "UNDP, Human Development Report 2021/2022 (New York, 2022)."
    assert found["8"].startswith("See, for example, Kingdom of Morocco")
    assert found["12"].endswith("Around the World (Washington, D.C., 2018).")


@pytest.mark.parametrize("form_feeds", [True, False])
def test_column_with_the_lowest_number_printed_last(form_feeds: bool) -> None:
    """A/80/61 (pdftotext): ``body`` ⏎ ``6`` ⏎ ``body`` ⏎ … ⏎ ``11`` ⏎ ``body`` ⏎ ``5``; body 9
    goes on over a sentence end (``… (WHO).`` ⏎ ``Participation entails …``) to ``10``."""
    text = read("un_A_80_61_pdftotext.txt")
    found = bodies(text if form_feeds else text.replace("\f", ""))
    assert list(found) == [str(n) for n in range(1, 12)]
    assert found["5"].startswith("FAO, IFAD, UNICEF, WFP and WHO. 2024.The State")
    assert found["9"].endswith("(WHO). Participation entails the engagement of both technical focal "
                               "points and managers in the respective agencies.")
    assert found["10"].startswith("The UN-Nutrition Steering Committee")
    assert found["3"].endswith("Rome. https://doi.org/10.4060/cd1254en.")
    assert found["4"].endswith("Geneva, Switzerland. https://doi.org/10.4060/cd2223en.")


def test_url_lines_of_a_column_body_move_with_it() -> None:
    """A/80/61 (pdftotext): the URL line that ends bodies 3 and 4 (the last before the page
    foot for 4) moved to the end with them; it was left inside ``anaemia among women`` ⏎
    ``aged 15``."""
    out = reslint.fix(read("un_A_80_61_pdftotext.txt"), select=["FN", "UN", "PG"]).text
    assert "anaemia among women\naged 15 to 49 years" in out
    body, block = out.split("\n\n1 UN-Nutrition is the mechanism", 1)
    assert "https://" not in body
    assert "Switzerland.\nhttps://doi.org/10.4060/cd2223en.\n5 FAO" in block
    assert reslint.fix(out, select=["FN", "UN", "PG"]).text == out


@pytest.mark.parametrize("form_feeds", [True, False])
def test_bare_page_numbers_are_not_footnote_numbers(form_feeds: bool) -> None:
    """E/2025/28 (pdftotext): two bodies, ``5`` ⏎ body, ``6`` ⏎ body, then ``3``, ``4`` and the
    page number ``2`` (``1``, ``2``, ``3``, ``4`` at the feet of four pages in a row); the
    markers are numbers after a year (``for 2024. 3``, ``of 1971 5 and``)."""
    text = read("un_E_2025_28_pdftotext.txt")
    text = text if form_feeds else text.replace("\f", "")
    found = bodies(text)
    assert list(found) == [str(n) for n in range(3, 10)]
    assert found["3"] == "E/INCB/2024/1."
    assert found["4"] == "United Nations, Treaty Series, vol. 976, No. 14152."
    assert found["6"] == "Ibid., vol. 1582, No. 27627."
    assert found["9"] == "General Assembly resolution 70/1."
    out = reslint.fix(text, select=["FN"]).text
    assert "\n4\n\n2\n" not in out and "\n\n2\n" in out  # the page number stays where it was


def test_numbers_after_a_year_pair_when_the_numbering_places_them() -> None:
    """E/2025/28 (pdftotext): ``Protocol, 4 the`` places ``of 1971 5 and`` (a year, a space),
    which places ``of 1988, 6 in``: every body has its marker."""
    text = read("un_E_2025_28_pdftotext.txt")
    assert "Psychotropic Substances of 1971 5 and" in text and "of 1988, 6 in" in text
    assert reslint.lint(text, select=["FN003"]) == []


def test_a_column_the_text_above_does_not_cite_in_order_is_not_paired() -> None:
    """Without the ``5`` of ``of 1971 5 and`` nothing but a loose ``Protocol, 4 the`` cites
    the block of E/2025/28's second page: it stays; the next page's block still pairs."""
    text = read("un_E_2025_28_pdftotext.txt").replace("of 1971 5 and", "of 1971 and", 1)
    found = bodies(text)
    assert not {"3", "4", "5", "6"} & set(found) and list(found) == ["7", "8", "9"]


def test_a_schedule_with_numbers_alone_is_not_a_footnote_block() -> None:
    """DP/2025/L.2 (pdftotext, form feeds stripped): a meeting schedule, ``18`` ⏎ ``ANNUAL
    REPORT …`` ⏎ ``•`` ⏎ ``19`` ⏎ ``25-05502`` at a page foot; the numbers above it (the
    whole document without form feeds) are not its markers."""
    text = read("un_DP_2025_L.2_pdftotext_noff.txt")
    assert "\n18\n\nANNUAL REPORT OF THE EXECUTIVE DIRECTOR\n" in text
    assert bodies(text) == {}
    assert reslint.fix(text, select=["FN"]).text == text


@pytest.mark.parametrize("form_feeds", [True, False])
def test_column_bodies_go_on_to_the_next_number(form_feeds: bool) -> None:
    """A/80/61 (pdftotext), pages 7 and 11: ``… (I-CAN).`` ⏎ ``Geneva, … https://…`` ⏎
    ``23`` ⏎ ``N4G …`` ⏎ ``22``, where a sentence end splits no body; ``35`` ⏎ ``34 percent
    were …``, a body that starts with digits under its number."""
    text = read("un_A_80_61_pdftotext_pages_7_11.txt")
    found = bodies(text if form_feeds else text.replace("\f", ""))
    assert list(found) == ["22", "23", "32", "33", "34", "35"]
    assert found["22"].startswith("World Health Organization (WHO). 2022. Initiative on climate action")
    assert "(I-CAN). Geneva, Switzerland. https://www.gainhealth.org/" in found["22"]
    assert found["23"].startswith("N4G Paris Summit. 2024.")
    assert found["34"].startswith("Please note that the data provided are based on preliminary")
    assert found["35"] == ("34 percent were pregnant and breastfeeding women and girls, and 60 percent "
                           "were children under five years of age.")


@pytest.mark.parametrize("form_feeds", [True, False])
def test_old_style_numbers_alone_on_their_lines(form_feeds: bool) -> None:
    """A/48/653 (pdftotext): ``1/`` ⏎ body ⏎ ``/...``, as the marker ``report of the
    Committee, 1/ as well`` cites it."""
    text = read("un_A_48_653_pdftotext.txt")
    text = text if form_feeds else text.replace("\f", "")
    found = bodies(text)
    assert list(found) == ["1", "2", "3"]
    assert found["1"] == ("See A/48/23 (Part III). To be incorporated in Official Records of the General "
                          "Assembly, Forty-eighth Session, Supplement No. 23 (A/48/23).")
    assert found["3"].endswith("had it been present, it would have voted against.")
    out = reslint.fix(text, select=["FN"]).text
    assert "\n1/\n" not in out and out.index("(A/48/23).") > out.index("Activities of foreign economic")


def test_a_body_paragraph_runs_to_the_page_foot() -> None:
    """A/48/653 (pdfminer): ``See A/48/23 (Part III).`` ⏎⏎ ``To be incorporated …`` ⏎⏎
    ``General Assembly, … (A/48/23).`` ⏎⏎ ``/...``: the paragraphs after a finished body
    up to the page foot are its own (with form feeds only: without them the page end is
    not known, and nothing is found)."""
    text = read("un_A_48_653_pdfminer.txt")
    found = bodies(text)
    assert list(found) == ["1", "3"]  # the marker of 2 is on a line too short to read as prose
    assert found["1"].endswith("To be incorporated in Official Records of the General Assembly, "
                               "Forty-eighth Session, Supplement No. 23 (A/48/23).")
    assert bodies(text.replace("\f", "")) == {}


def test_a_page_number_printed_amid_the_column_is_passed_over() -> None:
    """A/HRC/59/L.17 (pdftotext): ``7`` ⏎ ``8`` ⏎⏎ ``4`` ⏎⏎ ``See FCCC/PA/CMA/2024/…`` ⏎
    ``See FCCC/PA/CMA/2021/…``: ``4`` is the page's number (the other pages end with theirs,
    page index plus one), not a footnote's."""
    text = read("un_A_HRC_59_L.17_pdftotext.txt")
    found = bodies(text)
    assert found["7"] == "See FCCC/PA/CMA/2024/17/Add.1, decision 1/CMA.6."
    assert found["8"] == "See FCCC/PA/CMA/2021/10/Add.1."
    assert "4" in found and not found["4"].startswith("See FCCC")
    out = reslint.fix(text, select=["FN"]).text
    assert "\n\n4\n\n" in out[: out.index("Nicola Yeates")]


def test_a_page_number_at_the_next_page_top_is_no_footnote() -> None:
    """DP-FPA/2025/1 (pypdf, form feeds stripped): footnote 5, the next page's symbol, then
    ``7`` (its page number) and body text ``Institutions, UNDP supported …``, which was
    moved to the end as footnote 7."""
    text = read("un_DP-FPA_2025_1_pypdf_noff.txt")
    found = bodies(text)
    assert "7" not in found and found["5"].startswith("The 10-10-10 targets")
    out = reslint.fix(text, select=["FN"]).text
    assert out.index("Institutions, UNDP supported") < out.index("5 The 10-10-10 targets")


def test_numbered_rows_above_a_separator_are_no_footnotes() -> None:
    """UNW/2025/3 (pdftotext, first 18 pages, form feeds stripped): a table's ``1`` ⏎ ``Risk
    Assessment …``, ``2`` ⏎ ``Limited review …`` just above the separator of footnote 9
    (footnotes come after a separator, not before one)."""
    text = read("un_UNW_2025_3_pdftotext_noff.txt")
    found = bodies(text)
    assert not any(body.startswith(("Risk Assessment", "Limited review")) for body in found.values())
    assert found["9"].startswith("The report contains 12 recommendations.")


def test_a_link_line_ending_the_page_under_the_last_body_moves_with_it() -> None:
    """A/80/61 (pdfminer): ``4  FAO and WHO. …`` ⏎⏎ ``… Geneva, Switzerland.`` ⏎
    ``https://doi.org/10.4060/cd2223en.`` ⏎⏎ ``2/14``; the link was left between ``anaemia
    among women`` and ``aged 15``."""
    text = read("un_A_80_61_pdfminer.txt")
    assert bodies(text)["4"].endswith("Geneva, Switzerland. https://doi.org/10.4060/cd2223en.")
    out = reslint.fix(text, select=["FN", "UN", "PG"]).text
    assert "anaemia among women \naged" in out
    assert out.count("cd2223en") == 1 and out.index("cd2223en") > out.index("\n1  UN-Nutrition")


def test_glued_number_then_a_numbered_body() -> None:
    """``Pour l’ex1`` ⏎ unnumbered body ⏎ ``2 Orthographe …`` at the page bottom."""
    found = bodies(read("typeset_icdar_r252_pdftotext.txt"))
    assert list(found) == ["1", "2"]
    assert found["1"].startswith("Texte établi d’après : Louis Reybaud")
    assert found["1"].endswith("« Post-OCR Text Correction »).")


@pytest.mark.parametrize("drop", ["\n3\n", "Résolution 56/6.\n"])
def test_a_column_that_does_not_add_up_is_not_paired(drop: str) -> None:
    """A number without a body (or a body without a number) leaves the block where it is."""
    text = read("typeset_A_RES_72_194_pdftotext.txt").replace(drop, "\n", 1)
    assert not {"1", "2", "3", "4"} & set(bodies(text))
    out = reslint.fix(text, select=["FN"]).text
    block = text[text.index("Résolutions 70/148") : text.index("Résolution 60/288.")]
    assert "appa1" in out and block in out


def test_a_number_alone_before_the_rest_of_a_sentence_is_not_a_footnote() -> None:
    """ICCD/COP(8)/CST/INF.1 (pdfplumber): a stray ``2`` at a page bottom, then
    ``from the atmosphere. He noted …``, is body text, never moved (``Session 2:`` cites 2)."""
    text = read("un_ICCD_COP_8_CST_INF.1_pdfplumber.txt")
    assert "\n2\nfrom the atmosphere." in text
    assert bodies(text) == {}
    assert reslint.fix(text, select=["FN"]).text == text


def test_a_table_of_contents_is_not_a_footnote_block() -> None:
    """DP/2025/L.2 (pypdf): numbered agenda items with dot leaders (``4 Ethics ......``) at a
    page bottom; cited by ``Item 1`` …, they were moved to the end as footnotes."""
    text = read("un_DP_2025_L.2_pypdf.txt")
    assert bodies(text) == {}
    assert reslint.fix(text, select=["FN"]).text == text


def test_spaced_marker_after_a_full_stop_pairs_with_its_body() -> None:
    """A/78/668 (pdftotext): ``interventions. 14 They should`` cites footnote 14."""
    text = read("un_A_78_668_pdftotext.txt")
    assert "interventions. 14 They" in text
    unpaired = [d.message for d in reslint.lint(text, select=["FN003"])]
    assert "Footnote 14 has no marker in the text" not in unpaired
    assert "Footnote 12 has no marker in the text" not in unpaired


def test_marker_before_a_question_mark_cites_its_body() -> None:
    """fr-typeset icdar_r244 (pypdf): ``reposait sur moi 1?`` cites ``1 Texte établi …``,
    which then moves to the end with footnote 2."""
    text = read("typeset_icdar_r244_pypdf.txt")
    assert list(bodies(text)) == ["1", "2"]
    out = reslint.fix(text, select=["FN"]).text
    tail = out[out.index("\n1  Texte établi") :]
    assert "Melchior" not in tail and "\n2  Orthographe" in tail


def test_a_long_line_is_judged_prose_once_not_once_per_marker(monkeypatch: pytest.MonkeyPatch) -> None:
    """OCR that puts a whole book on one line (icdar-fr fr_monograph/2: 229k characters, 700+
    numbers after words) made the footnote analysis quadratic, over PG004's 20 s limit."""
    from reslint_rules import notes

    calls: list[str] = []
    real = notes._prose
    monkeypatch.setattr(notes, "_prose", lambda text: calls.append(text) or real(text))
    line = " ".join(f"Tableau de {n} pouces de haut, sur toile 5 par Jean VAN-DYCK." for n in range(300))
    found = reslint.lint(line + "\n", lang="fr", select=["FN002"])
    assert found == [] and 0 < len(calls) <= 2


@pytest.mark.parametrize(
    "name", ["seed_A_RES_72_194_fr.txt", "typeset_A_RES_72_194_pdfminer.txt", "un_A_78_668_pdftotext.txt"]
)
def test_markers_are_what_scanning_each_line_with_each_form_finds(name: str) -> None:
    """The markers are sought only at digit runs (``MARKER_DIGITS``); that must find what
    scanning every line with every form of ``NOTE_MARKERS`` finds, the first form winning."""
    from reslint.api import Document
    from reslint_rules import notes
    from reslint_rules.layout import layout

    doc = Document(read(name), lang="fr")
    lay = layout(doc)
    body = [s for s in lay.segments if not s.blank]
    scanned: dict[int, tuple[str, int, str]] = {}
    for seg in body:
        if lay.kind(seg) is None:
            for form, pattern in notes.NOTE_MARKERS:
                for m in pattern.finditer(seg.text):
                    scanned.setdefault(seg.start + m.start(1), (m.group(1), seg.start + m.end(1), form))
    found = {m.start: (m.number, m.end, m.form) for m in notes._markers(doc, lay, body, False)}
    assert found == scanned and len(found) > 5


@pytest.mark.parametrize(
    ("numbers", "message"),
    [
        ((1, 2, 4), "Footnote 3 is missing (2 is followed by 4)"),
        ((1, 2, 5), "Footnotes 3-4 are missing (2 is followed by 5)"),
        ((2, 3), "Footnote 1 is missing (the first footnote is numbered 2)"),
    ],
)
def test_numbering_gaps_say_which_footnotes_are_missing(numbers: tuple[int, ...], message: str) -> None:
    cited = " et ".join(f"mot{n}" for n in numbers)
    bodies = "".join(f" {n} Résolution {60 + n}/288.\n" for n in numbers)
    text = f"Des {cited} ;\n__________________\n{bodies}"
    assert [d.message for d in reslint.lint(text, select=["FN004"])] == [message]


def test_link_lines_and_a_second_paragraph_between_bodies_are_their_body() -> None:
    """UN A/80/61 (pdfplumber): a body's URL printed on its own line (cut in two), and its
    second paragraph, sit between it and the next body; both belong to it."""
    text = (
        "members focused their joint work on the delivery of support.5 The members6 met7 and agreed.8\n"
        "__________________\n"
        "5 FAO. 2024. The State of Food Security. Rome.\n"
        "https://doi.org/10.4060/cd1254en.\n"
        "6 World Bank Group. 2024. Investment Framework for Nutrition 2024. Washington, DC.\n"
        "https://openknowledge.worldbank.org/server/api/core/bitstreams/185f9382-722f-449c-8f92-\n"
        "aa976bba26cc/content\n"
        "7 In 2024, UN-Nutrition had 15 members.\n"
        "Participation entails the engagement of both technical focal points and managers.\n"
        "8 The Steering Committee comprised seven agencies.\n"
    )
    found = bodies(text)
    assert found["5"] == "FAO. 2024. The State of Food Security. Rome. https://doi.org/10.4060/cd1254en."
    assert found["6"].endswith("185f9382-722f-449c-8f92- aa976bba26cc/content")
    second = "Participation entails the engagement of both technical focal points and managers."
    assert found["7"] == f"In 2024, UN-Nutrition had 15 members. {second}"
    assert found["8"] == "The Steering Committee comprised seven agencies."


def test_without_form_feeds_a_body_does_not_run_on_past_the_next_page_top() -> None:
    """UN A/80/61 (pdfplumber, form feeds stripped): the job line and the symbol line of the
    next page end the last body of the page, though it ends in a cut URL."""
    text = (
        "E/2025/48\n"
        "Members focused their work on support for countries in their region and beyond it.\n"
        "25-05191 6/14\n"
        "E/2025/48\n"
        "the guide was published in Paris.23 Members also met.\n"
        "__________________\n"
        "23 N4G Paris Summit. 2024. N4G Paris Commitment guide. Paris, Ministry for Europe and Foreign\n"
        "Affairs. https://scalingupnutrition.org/sites/default/files/2024-\n"
        "12/N4G%20Paris%20Commitment%20Guide.pdf\n"
        "25-05191 7/14\n"
        "E/2025/48\n"
        "Nutrition. Their efforts helped to develop thematic calls for action and provided\n"
    )
    assert bodies(text)["23"].endswith("Commitment%20Guide.pdf")


def test_a_page_number_alone_after_the_bodies_ends_the_page_not_the_block() -> None:
    """UN A/HRC/59/L.17 (pdftotext): the bare page number ``2`` under the last body is no
    table column: the bodies still fill the page."""
    text = (
        "the advisory opinion of the Tribunal on climate change and international law4 and the final\n"
        "report of the Study Group on sea-level rise in relation to international law,5\n"
        "Emphasizing the importance of the work of the scientific community, including\n"
        "4 International Tribunal for the Law of the Sea, Request for an Advisory Opinion, 21\n"
        "May 2024.\n"
        "5 A/80/10, annex I.\n"
        "2\n"
        "\fA/HRC/59/L.17\n"
        "considering the human dimension of climate change.\n"
    )
    assert bodies(text) == {
        "4": "International Tribunal for the Law of the Sea, Request for an Advisory Opinion, 21 May 2024.",
        "5": "A/80/10, annex I.",
    }


def test_arabic_body_with_its_number_printed_alone_after_it_pairs_with_the_number_beside_the_title() -> None:
    """udhr ar pdftotext: the superscript ``1`` stands alone on the line after the title (its
    marker) and on the line after the footnote text at the page bottom (its number)."""
    text = read("udhr_ar_dev_pdftotext_page1.txt")
    notes = reslint.structure(text)["footnotes"]
    assert [(n["number"], n["line"]) for n in notes] == [("1", 33)]
    assert notes[0]["text"].endswith("ديسمبر 1948.")
    assert reslint.lint(text, select=["FN003"]) == []
    out = reslint.fix(text, select=["FN", "UN", "PG"]).text.splitlines()
    assert out[-2:] == ["1 \u202bُ\u202c", text.splitlines()[33]]  # moved to the end, its number first


def test_a_number_alone_outside_arabic_text_is_no_marker() -> None:
    """Only Arabic in reading order prints superscripts alone on their lines: elsewhere a
    number alone (a table cell, a page number) cites nothing."""
    text = "Table of results\n1\nThe committee met twice.\n__________________\n 1 See A/70/287.\n"
    found = reslint.lint(text, select=["FN003"])
    assert [d.message for d in found] == ["Footnote 1 has no marker in the text"]


def test_arabic_layout_body_with_its_number_ending_its_line_in_a_run_of_its_own() -> None:
    """udhr ar pdftotext -layout: the footnote number ends the text's last line in its own
    run (``…ديسمبر ‪.1948‬‬ ‫‪1‬‬``); moved to the end, the body is printed with it first."""
    text = read("udhr_ar_dev_pdftotext_layout_page1.txt")
    assert [(n["number"], n["line"]) for n in reslint.structure(text)["footnotes"]] == [("1", 42)]
    out = reslint.fix(text, select=["FN", "UN", "PG"]).text.rstrip().splitlines()
    last = text.splitlines()[42]
    assert out[-2:] == ["1 \u202bُ\u202c", last[: last.index("\u202c \u202b") + 1].strip()]
