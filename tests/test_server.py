"""`reslint server`: positions in LSP units, and a pygls client talking to the real server."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from reslint.lsp import Positions, units  # noqa: E402

UTF8, UTF16, UTF32 = (
    types.PositionEncodingKind.Utf8,
    types.PositionEncodingKind.Utf16,
    types.PositionEncodingKind.Utf32,
)
ASTRAL = "😀𠀀"  # an emoji and a CJK extension B ideograph: two UTF-16 units each
TEXT = f"{ASTRAL} a  b \nplain    line\n"


def pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


@pytest.mark.parametrize(("encoding", "column"), [(UTF16, 6), (UTF8, 10), (UTF32, 4)])
def test_positions_count_code_units_of_the_encoding(encoding: str, column: int) -> None:
    positions = Positions(TEXT, encoding)
    assert positions.position(TEXT.index("  ")) == pos(0, column)
    assert positions.offset(pos(0, column)) == TEXT.index("  ")
    assert positions.position(TEXT.index("plain")) == pos(1, 0)


def test_positions_line_breaks_clamping_and_round_trip() -> None:
    text = "a\r\nb\rc\nd😀e"
    positions = Positions(text)
    assert [positions.position(text.index(c)) for c in "bcde"] == [pos(1, 0), pos(2, 0), pos(3, 0), pos(3, 3)]
    assert positions.offset(pos(0, 99)) == 1  # clamped to the line's text, before \r\n
    assert positions.offset(pos(9, 0)) == len(text)
    assert positions.offset(pos(3, 2)) == text.index("e")  # inside the surrogate pair: rounded up
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] != "\r\n":
            assert positions.offset(positions.position(offset)) == offset
    assert units(ASTRAL, UTF16) == 4 and units(ASTRAL, UTF8) == 8 and units(ASTRAL, UTF32) == 2


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits the way an editor does (UTF-16 positions), independently of reslint."""

    def index(p: types.Position) -> int:
        line_start = sum(len(line) for line in text.splitlines(keepends=True)[: p.line])
        line = text[line_start:]
        prefix = line.encode("utf-16-le")[: 2 * p.character].decode("utf-16-le")
        return line_start + len(prefix)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: index(edit.range.start)] + edit.new_text + text[index(edit.range.end) :]
    return text


class Session:
    """A pygls client connected to `reslint server` run as a subprocess."""

    def __init__(self) -> None:
        self.client = LanguageClient("reslint-tests", "1")
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params)

    async def start(self) -> None:
        await self.client.start_io(sys.executable, "-m", "reslint.cli", "server")
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=[UTF16])
        )
        result = await self.client.initialize_async(types.InitializeParams(capabilities=capabilities))
        assert result.capabilities.position_encoding == UTF16
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    def open(self, path: Path, text: str, language: str = "plaintext") -> str:
        uri = path.as_uri()
        item = types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return uri

    def change(self, uri: str, version: int, text: str) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        params = await asyncio.wait_for(self.published.get(), 30)
        assert params.uri == uri, f"diagnostics for {params.uri}, expected {uri}"
        return list(params.diagnostics)

    async def actions(
        self, uri: str, where: types.Range, only: list[str] | None = None
    ) -> list[types.CodeAction]:
        context = types.CodeActionContext(diagnostics=[], only=only)
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=where, context=context
        )
        result = await self.client.text_document_code_action_async(params)
        return [a for a in result or [] if isinstance(a, types.CodeAction)]


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[uri])


async def scenario(tmp_path: Path) -> None:
    (tmp_path / "reslint.toml").write_text('select = ["WS001", "WS002"]\n')
    (tmp_path / "only-trailing").mkdir()
    (tmp_path / "only-trailing" / "reslint.toml").write_text('select = ["WS001"]\n')
    session = Session()
    await session.start()
    try:
        session.open(tmp_path / "code.py", "x  = 1 \n", "python")  # not a text document: ignored
        session.open(tmp_path / "build" / "out.txt", "x  y\n")  # excluded by default
        uri = session.open(tmp_path / "doc.txt", TEXT)
        double, trailing, layout = await session.diagnostics(uri)
        assert (double.code, double.range) == ("WS002", types.Range(start=pos(0, 6), end=pos(0, 8)))
        assert (trailing.code, trailing.range) == ("WS001", types.Range(start=pos(0, 9), end=pos(0, 10)))
        assert (layout.code, layout.range) == ("WS002", types.Range(start=pos(1, 5), end=pos(1, 9)))

        actions = await session.actions(uri, double.range, [types.CodeActionKind.QuickFix])
        assert [a.title for a in actions] == ["reslint fix: Use one space (WS002)"]
        assert actions[0].is_preferred and list(actions[0].diagnostics or ()) == [double]
        fixed = apply_edits(TEXT, edits_of(actions[0], uri))
        assert fixed == f"{ASTRAL} a b \nplain    line\n"
        session.change(uri, 2, fixed)
        assert [d.code for d in await session.diagnostics(uri)] == ["WS001", "WS002"]

        line = types.Range(start=pos(1, 0), end=pos(1, 13))
        unsafe = await session.actions(uri, line, [types.CodeActionKind.QuickFix])
        assert [(a.title, a.is_preferred) for a in unsafe] == [
            ("reslint unsafe fix: Use one space (WS002)", False)
        ]

        assert [a.kind for a in await session.actions(uri, line)] == ["quickfix"]  # no fix-all unasked
        fix_all = await session.actions(uri, line, [types.CodeActionKind.SourceFixAll])
        assert [a.kind for a in fix_all] == ["source.fixAll.reslint"]
        assert apply_edits(fixed, edits_of(fix_all[0], uri)) == f"{ASTRAL} a b\nplain    line\n"

        md = session.open(tmp_path / "only-trailing" / "notes.md", "# Notes  here \n", "markdown")
        assert [d.code for d in await session.diagnostics(md)] == ["WS001"]  # its own config
    finally:
        await session.stop()
    assert session.published.empty()


def test_language_server_end_to_end(tmp_path: Path) -> None:
    asyncio.run(asyncio.wait_for(scenario(tmp_path), 90))


def test_server_without_pygls_explains_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    from reslint import server

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert server.main([]) == 2
    assert "reslint[lsp]" in capsys.readouterr().err
