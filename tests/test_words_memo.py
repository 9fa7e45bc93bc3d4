"""What the words rules keep across documents (``evidence.shared_memo``) is keyed by all they read of a
document: a later document with other counts gets its own decision, as if linted alone."""

from __future__ import annotations

import reslint

ONCE = "the gender-based approach and a genderbased plan.\n"
MERGED = "the gender-based approach, genderbased plans, genderbased aid and genderbased care.\n"


def _lost_hyphens(text: str) -> list[str]:
    """The words WD003 reports in ``text``."""
    return [text[d.start : d.end] for d in reslint.lint(text, lang="en", select=["WD003"])]


def test_a_remembered_lost_hyphen_follows_the_counts_of_each_document() -> None:
    assert _lost_hyphens(ONCE) == ["genderbased"]
    # The document writes the merged form more often than the compound: a spelling of its own.
    assert _lost_hyphens(MERGED) == []
    assert _lost_hyphens(ONCE) == ["genderbased"]

