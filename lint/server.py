"""``sglint server``: a language server (LSP over standard input and output, with pygls).

An editor that speaks LSP (VS Code through a generic client, Neovim's ``vim.lsp``,
Helix, Emacs' eglot …) gets sglint's findings as diagnostics while a draft is written:

- on open and save the file is checked as ``sglint check`` checks it, with the results
  cache (an unchanged file is not checked again); on change, after a pause in typing
  (``DEBOUNCE_SECONDS``), the buffer's text is checked, without the cache (a half-typed
  buffer is not worth keeping);
- each file gets the configuration nearest above it (``lint.project.NearestConfig``), and
  a file that configuration excludes gets no diagnostics; saving a configuration file
  reads every configuration again;
- a diagnostic carries the level, the rule id as its code, the message and why the rule
  exists (in the message, and in ``data`` with the rule's source), and links to the
  rule's page where it has one;
- positions are in the code units the client asked for (UTF-16 unless it offers
  another), counted from the code points sglint works in;
- a finding an editor kept as written (``lint.ledger``) is not shown, nor fixed;
- code actions offer each safe fix that ``sglint check --fix`` would make on the first
  pass (so never inside speech, titles or names: the engine and the document guard
  decide, not this module), and one action that makes every safe fix, chains included.

pygls is an optional dependency (``pip install 'sglint[lsp]'``); only this module imports
it, and only ``sglint server`` imports this module.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from lint import __version__, boundary
from lint.configfiles import discover
from lint.errors import SglintError
from lint.finding import Finding, Severity
from lint.ledger import LEDGER_NAME, Ledger, unreviewed
from lint.ledger import load as load_ledger
from lint.project import NearestConfig
from lint.runner import FileResult, check_file

#: The pause in typing after which a changed buffer is checked.
DEBOUNCE_SECONDS = 0.3

#: File names whose saving means the configuration may have changed.
CONFIG_NAMES = frozenset({".sglint.yaml", ".sglint.yml", "pyproject.toml", ".vale.ini"})

#: The extension a buffer that is not a file (``untitled:``) is read with, by language.
UNTITLED_EXTENSIONS = {"markdown": ".md", "html": ".html"}

LEVELS = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.SUGGESTION: lsp.DiagnosticSeverity.Information,
}

FIX_ALL = "source.fixAll.sglint"


class SglintServer(LanguageServer):
    """The server's state: the projects (one ``NearestConfig`` per configuration
    epoch) and the pending debounced checks."""

    def __init__(self) -> None:
        super().__init__("sglint", __version__)
        self.project = NearestConfig({})
        self.pending: dict[str, asyncio.Task[None]] = {}

    def reload(self) -> None:
        """Forget every configuration read so far (one was saved)."""
        self.project = NearestConfig({})


def document_path(doc: TextDocument) -> str:
    """The path a buffer is checked as: its file, or for an unsaved buffer a name in the
    working folder with the extension of its language."""
    path = to_fs_path(doc.uri) if doc.uri.startswith("file:") else None
    if path:
        return path
    return "untitled" + UNTITLED_EXTENSIONS.get(doc.language_id or "", ".txt")


def check_buffer(project: NearestConfig, path: str, text: str, *, cached: bool) -> FileResult:
    """Check a buffer's text as the file ``path`` (with its nearest configuration); a
    file the configuration excludes gives an empty result. With ``cached``, the results
    cache is read and written as ``sglint check`` does (the buffer is the file on disk)."""
    if not any(project.files([path], force_exclude=True)):
        return FileResult(path)
    data = text.encode("utf-8")
    cache = project.cache_for(path) if cached else None
    if cache is None:
        return check_file(path, project, data=data)
    from lint import resultcache

    sha256 = resultcache.digest(data)
    hit = cache.get(path, sha256)
    if hit is not None:
        return FileResult(path, hit.findings, notices=hit.notices, lines=hit.lines)
    result = check_file(path, project, data=data)
    if result.error is None and not result.problems:
        cache.put(path, sha256, result.findings, result.notices, result.lines)
        cache.save()
    return result


def diagnostic(doc: TextDocument, finding: Finding) -> lsp.Diagnostic:
    """A finding as an LSP diagnostic, its range in the client's code units."""
    points = lsp.Range(
        start=lsp.Position(line=finding.line - 1, character=finding.column - 1),
        end=lsp.Position(line=finding.end_line - 1, character=finding.end_column - 1),
    )
    message = finding.message
    if finding.why:
        message = f"{message}\nWhy: {finding.why}"
    data: dict[str, Any] = {"why": finding.why, "source": finding.source}
    if finding.fix is not None:
        data["fix"] = finding.fix
    return lsp.Diagnostic(
        range=doc.position_codec.range_to_client_units(doc.lines, points),
        severity=LEVELS[finding.severity],
        code=finding.rule,
        code_description=lsp.CodeDescription(href=finding.link) if finding.link else None,
        source="sglint",
        message=message,
        data=data,
    )


def publish(server: SglintServer, uri: str, *, cached: bool) -> None:
    """Check a buffer and send its diagnostics; a configuration or input error is shown
    to the user as one message, and the buffer keeps no diagnostics."""
    doc = server.workspace.get_text_document(uri)
    path = document_path(doc)
    try:
        result = check_buffer(server.project, path, doc.source, cached=cached)
        if result.findings:  # not those an editor kept as written
            ledger = _ledger(server, path)
            result.findings = unreviewed(ledger, result.findings, result.lines)
    except SglintError as exc:
        result = FileResult(path, error=exc)
    problems = [str(result.error)] if result.error else []
    problems += [f"{p.path}: {p.rule}: {p.message}" for p in result.problems]
    for problem in problems:
        server.window_show_message(
            lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"sglint: {problem}")
        )
    diagnostics = [diagnostic(doc, f) for f in result.findings]
    server.text_document_publish_diagnostics(
        lsp.PublishDiagnosticsParams(uri=uri, version=doc.version, diagnostics=diagnostics)
    )


def code_actions(server: SglintServer, uri: str, wanted: lsp.Range) -> list[lsp.CodeAction]:
    """The safe fixes in ``wanted`` (one quick fix each) and, when there are any in the
    buffer, one action that makes them all. The fixes are ``--fix``'s: the first pass's
    edits (guarded, and refused where they would bring a new finding), and for "all"
    the text every pass gives."""
    from lint.document import Document
    from lint.fixdoc import fix_document

    doc = server.workspace.get_text_document(uri)
    path = document_path(doc)
    project = server.project
    if not any(project.files([path], force_exclude=True)):
        return []
    try:
        read = project.read(path, doc.source.encode("utf-8"))
        ledger = _ledger(server, path)
        keep = ledger.kept if ledger.entries else None
        fixed = fix_document(read, project.rules_for(path), reading=project, keep=keep)
    except SglintError:
        return []  # reported with the diagnostics
    if not fixed.passes_edits:
        return []

    def text_range(source: Document, start: int, end: int) -> lsp.Range:
        (line, col), (end_line, end_col) = source.position(start), source.position(end)
        points = lsp.Range(
            start=lsp.Position(line=line - 1, character=col - 1),
            end=lsp.Position(line=end_line - 1, character=end_col - 1),
        )
        return doc.position_codec.range_to_client_units(doc.lines, points)

    actions = []
    for edit in fixed.passes_edits[0]:
        where = text_range(read, edit.start, edit.end)
        if not _overlaps(where, wanted):
            continue
        f = edit.finding
        actions.append(
            lsp.CodeAction(
                title=f"Replace “{f.match}” with “{edit.text}” ({f.rule})",
                kind=lsp.CodeActionKind.QuickFix,
                edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(where, edit.text)]}),
                is_preferred=True,
            )
        )
    everything = text_range(read, 0, len(read.source))
    actions.append(
        lsp.CodeAction(
            title=f"Fix all safe sglint problems ({len(fixed.fixed)})",
            kind=FIX_ALL,
            edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(everything, fixed.doc.source)]}),
        )
    )
    return actions


def _ledger(server: SglintServer, path: str) -> Ledger:
    """The ledger of reviewed findings for a file, read afresh (an editor may have just
    kept a finding with ``sglint check --review``)."""
    return load_ledger(server.project.config_for(path).root / LEDGER_NAME)


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def build(debounce: float = DEBOUNCE_SECONDS) -> SglintServer:
    """The server with its handlers."""
    server = SglintServer()

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: SglintServer, params: lsp.InitializedParams) -> None:
        folders = [to_fs_path(f.uri) for f in ls.workspace.folders.values()]
        start = Path(next(filter(None, folders), None) or ls.workspace.root_path or os.getcwd())
        found = discover(start)
        boundary.set_project(str(found) if found else None, start)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SglintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        publish(ls, params.text_document.uri, cached=True)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: SglintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if (waiting := ls.pending.pop(uri, None)) is not None:
            waiting.cancel()

        async def later() -> None:
            await asyncio.sleep(debounce)
            ls.pending.pop(uri, None)
            publish(ls, uri, cached=False)

        ls.pending[uri] = asyncio.ensure_future(later())

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: SglintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if os.path.basename(to_fs_path(uri) or "") in CONFIG_NAMES:
            ls.reload()
            for open_uri in list(ls.workspace.text_documents):
                publish(ls, open_uri, cached=True)
            return
        publish(ls, uri, cached=True)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SglintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if (waiting := ls.pending.pop(uri, None)) is not None:
            waiting.cancel()
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: SglintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return code_actions(ls, params.text_document.uri, params.range)

    return server


def serve() -> int:
    """Run the language server on standard input and output until the client exits."""
    build().start_io()
    return 0
