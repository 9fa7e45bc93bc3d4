"""The Language Server behind ``reslint server`` (needs the ``lsp`` extra: pygls).

Publishes diagnostics for plain-text and Markdown documents when they are opened or
changed, and offers each fix as a quick fix (safe and unsafe ones labelled) plus a
``source.fixAll.reslint`` action for all safe fixes. Settings come from the config file
that governs the document, as for ``reslint check``. Positions are converted from
code-point offsets to the position encoding negotiated with the client (UTF-16 unless
the client offers another).
"""

from __future__ import annotations

import asyncio
import re
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from reslint import __version__
from reslint.config import Config, find_config_file, read_config_file
from reslint.diagnostics import Applicability, Diagnostic, Severity
from reslint.errors import FixError, ReslintError
from reslint.files import TEXT_SUFFIXES, is_excluded
from reslint.linter import Linter

LANGUAGES = frozenset({"plaintext", "text", "markdown"})
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what LSP counts as a line break
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.reslint"
DEBOUNCE = 0.15  # seconds of quiet typing before a changed document is linted again
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def units(text: str, encoding: str) -> int:
    """Length of ``text`` in code units of the LSP position ``encoding``."""
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class Positions:
    """Code-point offsets of one text ↔ LSP positions in ``encoding``."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> types.Position:
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line=line, character=units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The offset of ``position``: clamped to its line's text; inside a surrogate pair,
        the end of the character."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        stop = self.starts[position.line + 1] if position.line + 1 < len(self.starts) else len(self.text)
        match = LINE_BREAK.search(self.text, start, stop)
        stop = match.start() if match else stop
        count = 0
        for i in range(start, stop):
            if count >= position.character:
                return i
            count += units(self.text[i], self.encoding)
        return stop


class ReslintServer(LanguageServer):
    """pygls server holding one linter per config file (reloaded when the file changes)."""

    def __init__(self) -> None:
        super().__init__("reslint", __version__)
        self._linters: dict[tuple[Path | None, int], Linter] = {}
        self._reported: set[str] = set()
        self._pending: dict[str, asyncio.TimerHandle] = {}
        self._results: dict[str, tuple[Linter, str, list[Diagnostic]]] = {}

    def linter_for(self, path: Path) -> Linter | None:
        """The linter of the config governing ``path``; ``None`` (error shown once) if invalid."""
        found = find_config_file(path.parent)
        key = (found, _mtime(found))
        if key not in self._linters:
            self._linters = {k: v for k, v in self._linters.items() if k[0] != found}
            try:
                self._linters[key] = Linter(read_config_file(found) if found else Config())
            except ReslintError as exc:
                message = f"reslint: {exc}"
                if message not in self._reported:
                    self._reported.add(message)
                    self.window_show_message(
                        types.ShowMessageParams(type=types.MessageType.Error, message=message)
                    )
                return None
        return self._linters[key]

    def document_linter(self, doc: TextDocument) -> tuple[Linter, str] | None:
        """The linter for ``doc`` and its path, unless reslint does not check such a document."""
        path = Path(doc.path) if doc.path else Path.cwd() / "untitled.txt"
        if doc.language_id not in LANGUAGES and path.suffix.lower() not in TEXT_SUFFIXES:
            return None
        linter = self.linter_for(path)
        if linter is None:
            return None
        if _excluded(path, linter.config):
            return None
        return linter, str(path)

    def lint(self, doc: TextDocument) -> list[Diagnostic] | None:
        """The diagnostics of ``doc`` (kept until its text or settings change), or ``None``
        if reslint does not check it."""
        found = self.document_linter(doc)
        if found is None:
            return None
        linter, path = found
        cached = self._results.get(doc.uri)
        if cached is not None and cached[0] is linter and cached[1] == doc.source:
            return cached[2]
        diagnostics = linter.lint(doc.source, path=path)
        self._results[doc.uri] = (linter, doc.source, diagnostics)
        return diagnostics

    def forget(self, uri: str) -> None:
        self._results.pop(uri, None)

    def positions(self, doc: TextDocument) -> Positions:
        return Positions(doc.source, self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def schedule(self, uri: str) -> None:
        """Publish ``uri``'s diagnostics once the user pauses typing."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE, self.publish, uri)

    def publish(self, uri: str) -> None:
        self._pending.pop(uri, None)
        if unquote(uri) not in self.workspace.text_documents:
            return  # closed meanwhile
        doc = self.workspace.get_text_document(uri)
        found = self.lint(doc)
        if found is None:
            return
        positions = self.positions(doc)
        diagnostics = [to_lsp(d, positions) for d in found]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=doc.version)
        )

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        doc = self.workspace.get_text_document(params.text_document.uri)
        positions = self.positions(doc)
        lo, hi = positions.offset(params.range.start), positions.offset(params.range.end)
        only = params.context.only
        actions = []
        if _wanted(types.CodeActionKind.QuickFix, only):
            for d in self.lint(doc) or ():
                if d.fixable and d.start <= hi and d.end >= lo:
                    actions.append(quick_fix(d, doc.uri, positions))
        if only and _wanted(FIX_ALL, only):  # asked for explicitly: it runs the whole fix loop
            fix_all = self.fix_all(doc, positions)
            if fix_all is not None:
                actions.append(fix_all)
        return actions

    def fix_all(self, doc: TextDocument, positions: Positions) -> types.CodeAction | None:
        found = self.document_linter(doc)
        if found is None:
            return None
        try:
            result = found[0].fix(doc.source, path=found[1])
        except FixError:
            return None
        if not result.changed:
            return None
        edit = types.TextEdit(range=positions.range(0, len(doc.source)), new_text=result.text)
        return types.CodeAction(
            title=f"reslint: apply all safe fixes ({len(result.applied)})",
            kind=FIX_ALL,
            edit=types.WorkspaceEdit(changes={doc.uri: [edit]}),
        )


def _mtime(path: Path | None) -> int:
    try:
        return path.stat().st_mtime_ns if path else 0
    except OSError:
        return 0


def _excluded(path: Path, config: Config) -> bool:
    """Whether the config's excludes cover ``path`` (judged relative to the config's folder,
    so that folders above it, such as a ``build`` in the home path, do not count)."""
    root, path = config.root, path.resolve()
    if root is None or not path.is_relative_to(root):
        return False
    return is_excluded(path.relative_to(root), config.excludes, None)


def to_lsp(d: Diagnostic, positions: Positions) -> types.Diagnostic:
    return types.Diagnostic(
        range=positions.range(d.start, d.end),
        message=f"{d.message} ({d.name})",
        severity=SEVERITIES[d.severity],
        code=d.code,
        source="reslint",
    )


def quick_fix(d: Diagnostic, uri: str, positions: Positions) -> types.CodeAction:
    """The fix of ``d`` as a code action, its title telling whether it is safe."""
    assert d.fix is not None
    safe = d.fix.applicability is Applicability.SAFE
    label = "fix" if safe else "unsafe fix"
    edits = [
        types.TextEdit(range=positions.range(e.start, e.end), new_text=e.replacement) for e in d.fix.edits
    ]
    return types.CodeAction(
        title=f"reslint {label}: {d.fix.message or d.message} ({d.code})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[to_lsp(d, positions)],
        is_preferred=safe,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


def _wanted(kind: str, only: Sequence[str] | None) -> bool:
    return not only or any(kind == k or kind.startswith(f"{k}.") for k in only)


def create_server() -> ReslintServer:
    server = ReslintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ReslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ReslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ReslintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ReslintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: ReslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    return server


def serve() -> None:
    """Serve over standard input and output until the client exits."""
    create_server().start_io()
