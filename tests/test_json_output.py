"""The indented JSON writer is byte-for-byte ``json.dumps(..., ensure_ascii=False, indent=2)``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reslint.formats.json_formats import indented_json

SCALARS = st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=True)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4)
    | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    | st.dictionaries(st.integers() | st.none() | st.booleans(), inner, max_size=3),
    max_leaves=20,
)


def reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@given(VALUES)
def test_same_text_as_json(value: Any) -> None:
    assert indented_json(value) == reference(value)


@pytest.mark.parametrize(
    "value",
    [
        [],
        {},
        [[], {}, [[]]],
        {"a": {"b": [1, {"c": None}]}, "d": "é\n\"\\\x00\x1f\u2028😀"},
        {"\ud800": "\udfff"},
        {None: 1, 2: [3.5]},
        [True, False, 0, -5, 10**30],
    ],
)
def test_edge_cases(value: Any) -> None:
    assert indented_json(value) == reference(value)


def test_a_cycle_is_refused_as_json_refuses_it() -> None:
    looped: list[Any] = []
    looped.append(looped)
    with pytest.raises(ValueError, match="Circular reference"):
        indented_json(looped)
