"""Markdown code fences (rules/fences.py), read by the rules that skip code."""

from __future__ import annotations

from reslint.document import Document
from reslint_rules.fences import in_code, in_fence

README = "Install it:\n\n```sh\npip install .\n```\n\nThen run it.\n"


def test_lines_between_fences_are_code_and_the_rest_is_not() -> None:
    doc = Document(README)
    assert in_fence(doc, README.index("pip install"))
    assert not in_fence(doc, README.index("Install it"))
    assert not in_fence(doc, README.index("Then run"))
    assert not in_fence(doc, README.index("```sh"))


def test_an_unclosed_fence_runs_to_the_end() -> None:
    text = "Example:\n```\nx = 1  # note\n"
    assert in_fence(Document(text), text.index("# note"))


def test_a_text_without_fences_has_no_code() -> None:
    text = "Plain text. Two  spaces."
    assert not any(in_fence(Document(text), i) for i in range(len(text)))


def test_a_code_span_is_code_up_to_the_same_run_of_backticks() -> None:
    text = "Run `make -j4` or ``a ` b`` here, not `this.\n"
    doc = Document(text)
    assert in_code(doc, text.index("-j4"))
    assert in_code(doc, text.index(" b`"))
    assert not in_code(doc, text.index(" or "))
    assert not in_code(doc, text.index("this"))
