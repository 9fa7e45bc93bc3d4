"""Every hook a reslint plugin can implement, in one place.

A plugin is a module (or object) with functions decorated by :data:`reslint.hookimpl`.
It comes in through the ``reslint`` entry-point group or the ``plugins`` config key.
reslint's own rule families are plugins of exactly this kind.
"""

from __future__ import annotations

from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("reslint")


@hookspec
def reslint_rules() -> list[type[Any]]:
    """Return the rule classes (subclasses of :class:`reslint.Rule`) this plugin adds.

    Rules run in order of their code, whatever the order plugins were registered in. In the
    fix loop, fixes are taken in the order they start and one that conflicts with a fix
    already taken waits for the next pass; at the same start, a rule's ``fix_priority`` goes
    first (see :class:`reslint.Rule`). Each pass after the first sees the previous pass's
    document and edits (``Document.previous``, ``Document.changed_lines()``), so that a rule
    can reuse what it computed there for the lines the pass left alone: what it memoised there
    with ``Document.memo(..., reuse=True)``; the previous document's other analyses are dropped.
    """
    raise NotImplementedError


@hookspec
def reslint_default_config() -> dict[str, dict[str, Any]]:
    """Return ``{family: {option: default}}`` for the config tables this plugin owns.

    A user sets them under ``[tool.reslint.<family>]``; unknown options there are errors.
    Each rule receives the merged table of its own family as ``options``.
    """
    raise NotImplementedError


@hookspec
def reslint_option_choices() -> dict[str, dict[str, list[Any]]]:
    """Return ``{family: {option: allowed values}}`` for options that take one of a closed set.

    A configured value outside its set is a config error naming the allowed values, raised
    when the linter is built, before any text is read (like sqlfluff's ``get_configs_info``).
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def reslint_detect_language(text: str) -> str | None:
    """Guess the language of ``text`` as a short code (``fr``, ``en``, ``zh``…) or ``None``.

    Called only when neither the config nor the caller set ``lang``; the first plugin
    that returns a code wins.
    """


@hookspec(firstresult=True)
def reslint_structure(doc: Any, options: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Split ``doc`` (a :class:`reslint.Document` of the original text) into its parts.

    Return a JSON-serialisable mapping with ``body`` (list of paragraph strings),
    ``footnotes`` (list of ``{"number", "text", "line"}``) and ``furniture`` (list of
    ``{"line", "text", "kind"}``, line numbers of the original text), or ``None`` to let
    another plugin answer. ``options`` holds every family's options. Used by
    :func:`reslint.structure` and ``--output-format structured``.
    """
