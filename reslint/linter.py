"""Running rules over a text, and the fix loop that repeats until the text converges."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from reslint.config import Config
from reslint.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from reslint.document import Document
from reslint.errors import ConfigError, FixError, PluginError
from reslint.fixes import allowed_applicabilities, apply_edits, choose_fixes
from reslint.newlines import NewlineMap
from reslint.plugins import Registry, load_registry
from reslint.rule import Rule
from reslint.selection import (
    ignored_for_path,
    resolve_options,
    select_rules,
    split_selectors,
    validate_selectors,
)

MAX_FIX_PASSES = 25
RULE_FAILURE_CODE = "RSL001"
RULE_TIME_LIMIT = 20.0  # seconds per rule and pass for a text of up to 1 MB, scaled beyond


class RuleTimeout(BaseException):
    """Raised inside a rule that ran over its time limit (a BaseException, so that a
    rule's own ``except Exception`` cannot swallow it)."""


def _on_alarm(signum: int, frame: object) -> None:
    raise RuleTimeout


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Stop the block with :class:`RuleTimeout` once it has run ``seconds`` (see :func:`_alarms`)."""
    with _alarms() as armed, _timer(seconds, armed):
        yield


@contextmanager
def _alarms() -> Iterator[bool]:
    """Let :func:`_timer` interrupt the blocks run inside this one; yields whether it can.

    In the main thread of a POSIX process with no interval timer already running, a
    one-shot SIGALRM interrupts a block even inside a backtracking regex (``re`` and
    ``regex`` both check for signals while matching). Its handler is installed here, once
    for a whole pass of rules: ``signal.signal`` costs 10 µs, two per rule were 3 % of a
    fix run. Elsewhere (other threads, Windows) the time is checked when a block ends.
    """
    armed = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not armed:
        yield False
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        yield True
    finally:
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _timer(seconds: float, armed: bool) -> Iterator[None]:
    """Stop the block with :class:`RuleTimeout` once it has run ``seconds``: at once if
    ``armed`` (inside :func:`_alarms`, two system calls), else when it ends."""
    started = time.monotonic()
    if armed:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
    if time.monotonic() - started > seconds:
        raise RuleTimeout


@dataclass(frozen=True)
class FixResult:
    """Outcome of :func:`reslint.fix`.

    ``applied`` are the diagnostics whose fixes went in (positions refer to the text of
    the pass they were applied in); ``remaining`` are the diagnostics on the final text.
    """

    text: str
    applied: list[Diagnostic] = field(default_factory=list)
    remaining: list[Diagnostic] = field(default_factory=list)
    passes: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.applied)


class Linter:
    """Rules chosen by a config, ready to lint or fix any number of texts (thread-safe)."""

    def __init__(
        self,
        config: Config | Mapping[str, Any] | None = None,
        *,
        select: Iterable[str] | None = None,
        extend_select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        lang: str | None = None,
    ) -> None:
        if config is None:
            config = Config()
        elif not isinstance(config, Config):
            config = Config.from_mapping(config)
        select, extend_select, ignore = map(_selectors, (select, extend_select, ignore))
        config = config.with_overrides(
            select=select,
            extend_select=(*config.extend_select, *extend_select) if extend_select else None,
            ignore=(*config.ignore, *ignore) if ignore else None,
            lang=lang,
        )
        self.config = config
        self.registry: Registry = load_registry(config.plugins)
        required = [f for f in self.registry.failures if f.required]
        if required:
            raise PluginError("; ".join(str(f) for f in required))
        where = str(config.source) if config.source else "the settings"
        for selectors in (config.select or (), config.extend_select, config.ignore):
            validate_selectors(selectors, self.registry, where)
        for _glob, selectors in config.per_file_ignores:
            validate_selectors(selectors, self.registry, where)
        if config.lang is not None and not config.lang.isalpha():
            raise ConfigError(f"`lang` must be a language code such as fr or en, not {config.lang!r}")
        self.options = resolve_options(config, self.registry)
        self.rules: tuple[Rule, ...] = select_rules(
            self.registry.rules, config.select, config.extend_select, config.ignore
        )
        self.timings: dict[str, float] | None = None
        """Set to a dict to accumulate CPU seconds spent per rule code (``--profile``)."""
        self.time_limit = RULE_TIME_LIMIT
        """Seconds a rule may run per pass on a text of up to 1 MB (scaled for larger ones);
        a rule over it is reported (RSL001) and its results dropped."""

    def rules_for(self, path: str | None) -> tuple[Rule, ...]:
        ignored = ignored_for_path(self.config, path)
        if not ignored:
            return self.rules
        return select_rules(self.rules, ("ALL",), (), ignored)

    def language(self, text: str, lang: str | None = None) -> str | None:
        lang = lang or self.config.lang
        if lang in (None, "auto"):
            try:
                return self.registry.detect_language(text)
            except Exception as exc:  # name the plugin rather than crash with its traceback
                raise PluginError(
                    f"language detection failed in plugin {self._culprit(exc)}: "
                    f"{type(exc).__name__}: {exc} (setting `lang` skips detection)"
                ) from exc
        return lang

    def _culprit(self, exc: BaseException) -> str:
        """Name of the innermost plugin module in the traceback of ``exc``."""
        modules = {getattr(p, "__name__", None): name for name, p in self.registry.manager.list_name_plugin()}
        culprit, tb = "?", exc.__traceback__
        while tb is not None:
            culprit = modules.get(tb.tb_frame.f_globals.get("__name__"), culprit)
            tb = tb.tb_next
        return culprit

    def lint(self, text: str, *, path: str | None = None, lang: str | None = None) -> list[Diagnostic]:
        """Diagnostics for ``text``, sorted by position, with line and column filled in."""
        _require_str(text)
        nl = NewlineMap(text)
        doc = Document(nl.normalized, lang=self.language(nl.normalized, lang), path=path)
        return self._locate(doc, nl, self._run(doc, self.rules_for(path)))

    def fix(
        self, text: str, *, unsafe: bool = False, path: str | None = None, lang: str | None = None
    ) -> FixResult:
        """Apply fixes (safe ones, and unsafe ones if asked) until nothing changes.

        A detected language is detected again on the settled text; if fixing changed it (furniture
        in another language removed), fixing goes on in the new language, so ``fix`` is idempotent.

        Raises :class:`FixError` naming the rules involved if the text cycles or does not
        settle within ``MAX_FIX_PASSES`` passes.
        """
        _require_str(text)
        rules = self.rules_for(path)
        allowed = allowed_applicabilities(unsafe)
        priorities = {rule.code: rule.fix_priority for rule in rules if rule.fix_priority}
        detected = (lang or self.config.lang) in (None, "auto")
        lang = self.language(text.replace("\r\n", "\n"), lang)
        langs_tried = {lang}
        seen = {_digest(text): 0}  # text digest -> the pass that produced it
        applied: list[Diagnostic] = []
        codes_by_pass: list[set[str]] = []
        timed_out: dict[str, Diagnostic] = {}
        previous: tuple[Document, list[Edit]] | None = None  # the last pass's document and edits
        for passes in range(MAX_FIX_PASSES):
            nl = NewlineMap(text)
            doc = _next_document(nl, lang, path, previous)
            diagnostics = self._run(doc, rules, timed_out)
            edits, fixed = choose_fixes(diagnostics, allowed, priorities)
            previous = doc, edits
            new_text = apply_edits(text, nl.edits(edits)) if edits else text
            if new_text == text:  # no edits, or only edits that change nothing (a rule's slip)
                # Fixing can change what detection sees (furniture gone): settle under the language of
                # the fixed text too, so that fixing the result again changes nothing.
                relang = self.language(doc.text) if detected else lang
                if relang in langs_tried:
                    return FixResult(text, applied, self._locate(doc, nl, diagnostics), passes)
                lang = relang
                langs_tried.add(lang)
                continue
            applied.extend(self._locate(doc, nl, fixed))
            codes_by_pass.append({d.code for d in fixed})
            text = new_text
            digest = _digest(text)
            if digest in seen:  # the passes since that text came back undo each other
                cycle = tuple(sorted(set().union(*codes_by_pass[seen[digest] :])))
                raise FixError(f"fixes cycle between rules {', '.join(cycle)}", cycle)
            seen[digest] = passes + 1
        involved = tuple(sorted(set().union(*codes_by_pass)))
        raise FixError(
            f"fixes did not settle after {MAX_FIX_PASSES} passes (rules {', '.join(involved)})", involved
        )

    def structure(self, text: str, *, path: str | None = None, lang: str | None = None) -> dict[str, Any]:
        """Body paragraphs, footnotes and removed furniture of ``text`` (see the
        ``reslint_structure`` hook); an empty split when no plugin provides one.

        Line numbers refer to ``text``. The paragraphs and footnote texts then get this
        linter's safe fixes (word repairs), fixed together as one document of one paragraph
        per line and blank lines between, so that document-wide evidence still counts; when
        a fix would merge or split paragraphs, they are returned unrepaired.
        """
        _require_str(text)
        normalized = text.replace("\r\n", "\n")
        doc = Document(normalized, lang=self.language(normalized, lang), path=path)
        try:
            parts = self.registry.manager.hook.reslint_structure(doc=doc, options=self.options)
        except Exception as exc:
            raise PluginError(
                f"the structure hook of plugin {self._culprit(exc)} failed: {type(exc).__name__}: {exc}"
            ) from exc
        if parts is None:
            body = [p.strip() for p in normalized.split("\n\n") if p.strip()]
            parts = {"body": body, "footnotes": [], "furniture": []}
        notes = parts["footnotes"]
        heads = [f"{note['number']} " for note in notes]
        joined = [*parts["body"], *(head + note["text"] for head, note in zip(heads, notes, strict=True))]
        fixed = self.fix("\n\n".join(joined), path=path, lang=doc.lang).text
        repaired = [p.strip() for p in fixed.split("\n\n")]
        paragraphs, texts = repaired[: len(parts["body"])], repaired[len(parts["body"]) :]
        if len(repaired) == len(joined) and all(p.startswith(h) for p, h in zip(texts, heads, strict=True)):
            texts = [p[len(h) :] for p, h in zip(texts, heads, strict=True)]
            notes = [{**note, "text": p} for note, p in zip(notes, texts, strict=True)]
            parts = {**parts, "body": paragraphs, "footnotes": notes}
        return {"lang": doc.lang, **parts}

    def _run(
        self, doc: Document, rules: Iterable[Rule], timed_out: dict[str, Diagnostic] | None = None
    ) -> list[Diagnostic]:
        """Run ``rules``; a rule in ``timed_out`` (filled in here) is not run again."""
        found: list[Diagnostic] = []
        with _alarms() as armed:
            for rule in rules:
                if not rule.applies_to(doc.lang):
                    continue
                if timed_out is not None and rule.code in timed_out:
                    found.append(timed_out[rule.code])
                    continue
                found.extend(self._run_rule(rule, doc, armed, timed_out))
        found.sort(key=Diagnostic.sort_key)
        return found

    def _run_rule(
        self, rule: Rule, doc: Document, armed: bool, timed_out: dict[str, Diagnostic] | None
    ) -> list[Diagnostic]:
        """The diagnostics of ``rule`` on ``doc`` (a failure in place of an invalid one), or
        its failure alone if it raised or ran over its time limit (then kept in ``timed_out``)."""
        size = len(doc.text)
        limit = self.time_limit * max(1.0, size / 1_000_000)
        try:
            started = time.process_time() if self.timings is not None else 0.0
            with _timer(limit, armed):
                produced = list(rule.check(doc, self.options.get(rule.family, {})))
            if self.timings is not None:
                spent = time.process_time() - started
                self.timings[rule.code] = self.timings.get(rule.code, 0.0) + spent
        except RuleTimeout:
            failure = self._failure(rule, f"ran over its time limit of {limit:g} s")
            if timed_out is not None:
                timed_out[rule.code] = failure
            return [failure]
        except Exception as exc:  # one broken rule must not stop the others
            return [self._failure(rule, f"raised {type(exc).__name__}: {exc}")]
        if all(_plainly_valid(diag, size) for diag in produced):  # the common case, checked cheaply
            return produced
        found: list[Diagnostic] = []
        for diag in produced:
            problem = _invalid(diag, size)
            if problem:
                found.append(self._failure(rule, problem))
                if not isinstance(diag, Diagnostic) or not _span_ok(diag.start, diag.end, size):
                    continue
                diag = replace(diag, fix=None)
            found.append(diag)
        return found

    def _failure(self, rule: Rule, problem: str) -> Diagnostic:
        plugin = self.registry.plugin_of.get(rule.code, "?")
        return Diagnostic(
            code=RULE_FAILURE_CODE,
            name="rule-failed",
            message=f"rule {rule.code} ({rule.name}, plugin {plugin}) {problem}; its results were dropped",
            start=0,
            end=0,
            severity=Severity.ERROR,
        )

    @staticmethod
    def _locate(doc: Document, nl: NewlineMap, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """Fill in line and column (and map offsets back to CRLF text) on the engine's own
        fresh diagnostics, in place: this runs for every finding, so it must be cheap."""
        position, offset, identity, path = doc.position, nl.offset, nl.identity, doc.path
        for d in diagnostics:
            d.line, d.column = position(d.start)
            d.end_line, d.end_column = position(d.end)
            d.path = path
            if not identity:
                d.start, d.end = offset(d.start), offset(d.end)
                if d.fix is not None:
                    d.fix = replace(d.fix, edits=tuple(nl.edits(d.fix.edits)))
        return diagnostics


def _next_document(
    nl: NewlineMap, lang: str | None, path: str | None, previous: tuple[Document, list[Edit]] | None
) -> Document:
    """The document of a fix pass, linked to the previous pass's (see :attr:`Document.previous`)
    when it was in the same language and its edits make this text (in CRLF text, they may
    have moved a CR)."""
    if (
        previous is None
        or previous[0].lang != lang
        or apply_edits(previous[0].text, previous[1]) != nl.normalized
    ):
        return Document(nl.normalized, lang=lang, path=path)
    return Document(nl.normalized, lang=lang, path=path, previous=previous[0], edits=previous[1])


def _span_ok(start: object, end: object, size: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= size


def _plainly_valid(diag: object, size: int) -> bool:
    """The common case, checked cheaply: a diagnostic in range with no fix or one in-range edit."""
    if type(diag) is not Diagnostic or type(diag.start) is not int or type(diag.end) is not int:
        return False
    if not 0 <= diag.start <= diag.end <= size:
        return False
    fix = diag.fix
    if fix is None:
        return True
    if type(fix) is not Fix or type(fix.edits) is not tuple or len(fix.edits) != 1:
        return False
    edit = fix.edits[0]
    return (
        type(edit) is Edit
        and type(edit.start) is int
        and type(edit.end) is int
        and 0 <= edit.start <= edit.end <= size
        and type(edit.replacement) is str
    )


def _invalid(diag: Diagnostic, size: int) -> str | None:
    if _plainly_valid(diag, size):
        return None
    if not isinstance(diag, Diagnostic):
        return f"returned {type(diag).__name__} instead of a Diagnostic"
    if not _span_ok(diag.start, diag.end, size):
        return f"reported an out-of-range span {diag.start!r}..{diag.end!r}"
    if diag.fix is not None:
        if not isinstance(diag.fix, Fix) or not isinstance(diag.fix.edits, tuple):
            return f"proposed an invalid fix {diag.fix!r}"
        if not diag.fix.edits and diag.fix.applicability is not Applicability.DISPLAY_ONLY:
            return "proposed a fix without edits"
        for edit in diag.fix.edits:
            if not (
                isinstance(edit, Edit)
                and _span_ok(edit.start, edit.end, size)
                and isinstance(edit.replacement, str)
            ):
                return f"proposed an invalid edit {edit!r}"
        edits = sorted(diag.fix.edits) if len(diag.fix.edits) > 1 else ()
        if any(a.end > b.start for a, b in zip(edits, edits[1:], strict=False)):
            return "proposed overlapping edits in one fix"
    return None


def _digest(text: str) -> bytes:
    """A 128-bit digest of ``text``: the fix loop's record of the texts it has seen (cycles)."""
    import hashlib  # here: linting alone never needs it (~3 ms of ``import reslint``)

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _selectors(selectors: Iterable[str] | None) -> tuple[str, ...] | None:
    """Rule selectors as a tuple; a string is one selector or a comma-separated list (``"WS,WD"``),
    not its letters."""
    if selectors is None:
        return None
    if isinstance(selectors, str):
        return split_selectors(selectors)
    return tuple(selectors)


def _require_str(text: object) -> None:
    """A clear error for text that is not a ``str`` (bytes must be decoded first)."""
    if not isinstance(text, str):
        hint = ": decode it first, e.g. data.decode('utf-8')" if isinstance(text, bytes | bytearray) else ""
        raise TypeError(f"text must be str, not {type(text).__name__}{hint}")
