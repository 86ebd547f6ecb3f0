"""`sglint server`, driven as an editor drives it: a scripted LSP client speaking JSON-RPC
over the server's standard input and output (initialize, open, change, code action,
save, shutdown, exit)."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

pytest.importorskip("pygls")

TIMEOUT = 60  # the first check compiles every rule; the machine may be busy

# The emoji before the wrong term is one code point but two UTF-16 code units: the
# diagnostic's character must count two.
DRAFT = "Police said the 😀 girl was found. Police investigate care gangs.\n"
WRONG = "care gangs"


class Client:
    """A minimal LSP client: Content-Length framed JSON-RPC, read on a thread."""

    def __init__(self, cwd: Path, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "lint", "server"],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True).start()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict[str, Any] | None = None) -> None:
        self.send({"method": method, "params": params or {}})

    def request(self, method: str, params: dict[str, Any] | None = None) -> Any:
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == ident and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def wait(self, want: Any) -> dict[str, Any]:
        """The next message ``want`` accepts (others are dropped)."""
        while True:
            try:
                message = self.messages.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError("the server sent nothing in time") from None
            if want(message):
                return message

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict[str, Any]]:
        def wanted(m: dict[str, Any]) -> bool:
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            params = m["params"]
            return bool(params["uri"] == uri and (version is None or params["version"] == version))

        return list(self.wait(wanted)["params"]["diagnostics"])


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    env = {**os.environ, "SGLINT_CACHE_DIR": str(tmp_path / "cache")}
    c = Client(tmp_path, env)
    result = c.request(
        "initialize",
        {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}},
    )
    assert result["serverInfo"]["name"] == "sglint"
    assert result["capabilities"]["codeActionProvider"]
    c.notify("initialized")
    yield c
    if c.proc.poll() is None:
        c.proc.kill()
    c.proc.wait(timeout=TIMEOUT)


def _open(client: Client, path: Path, text: str, language: str = "markdown") -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}},
    )
    return uri


def _by_rule(diagnostics: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {d["code"]: d for d in diagnostics}


def test_diagnostics_code_actions_and_a_clean_exit(client: Client, tmp_path: Path) -> None:
    uri = _open(client, tmp_path / "draft.md", DRAFT)
    found = _by_rule(client.diagnostics(uri, 1))
    wrong = found["Safeguarding.Mistranslations"]
    column = DRAFT.index(WRONG)  # code points
    assert wrong["range"] == {
        "start": {"line": 0, "character": column + 1},  # + 1: the emoji is two UTF-16 units
        "end": {"line": 0, "character": column + 1 + len(WRONG)},
    }
    assert wrong["severity"] == 1  # Error
    assert wrong["source"] == "sglint"
    assert "grooming gangs" in wrong["message"]
    assert "\nWhy: " in wrong["message"]
    assert wrong["data"]["why"] and wrong["data"]["source"]

    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": wrong["range"],
            "context": {"diagnostics": [wrong]},
        },
    )
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert len(quick) == 1
    assert "Safeguarding.Mistranslations" in quick[0]["title"]
    assert quick[0]["edit"]["changes"][uri] == [
        {"range": wrong["range"], "newText": "grooming gangs"}
    ]
    every = [a for a in actions if a["kind"] == "source.fixAll.sglint"]
    assert len(every) == 1
    (whole,) = every[0]["edit"]["changes"][uri]
    assert whole["newText"] == DRAFT.replace(WRONG, "grooming gangs")

    # An edit in the buffer (not yet saved): checked after a pause, without the cache.
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [
                {"range": wrong["range"], "text": "grooming gangs"},
            ],
        },
    )
    after = _by_rule(client.diagnostics(uri, 2))
    assert "Safeguarding.Mistranslations" not in after
    assert client.request("shutdown") is None
    client.notify("exit")
    assert client.proc.wait(timeout=TIMEOUT) == 0


def test_no_quick_fix_inside_speech(client: Client, tmp_path: Path) -> None:
    """The wrong term inside quoted speech is reported, but no edit is offered: a
    misquote is worse than a wrong term."""
    text = 'DCI Jane Smith said: "We broke up the care gangs." Police investigate care gangs.\n'
    uri = _open(client, tmp_path / "speech.md", text)
    diagnostics = client.diagnostics(uri, 1)
    everywhere = {
        "start": {"line": 0, "character": 0},
        "end": {"line": 1, "character": 0},
    }
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": everywhere, "context": {"diagnostics": []}},
    )
    edits = [e for a in actions if a["kind"] == "quickfix" for e in a["edit"]["changes"][uri]]
    outside = text.rindex(WRONG)
    assert [e["range"]["start"]["character"] for e in edits] == [outside]
    reported = {d["range"]["start"]["character"] for d in diagnostics}
    assert outside in reported


def test_nearest_config_and_saving_it(client: Client, tmp_path: Path) -> None:
    """A file uses the configuration nearest above it; saving a configuration file
    checks the open files again under it."""
    team = tmp_path / "team"
    team.mkdir()
    uri = _open(client, team / "draft.md", DRAFT)
    assert "Safeguarding.Mistranslations" in _by_rule(client.diagnostics(uri))
    config = team / ".sglint.yaml"
    config.write_text("rules:\n  Safeguarding.Mistranslations: off\n", encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    assert "Safeguarding.Mistranslations" not in _by_rule(client.diagnostics(uri))


def test_a_bad_configuration_is_one_message(client: Client, tmp_path: Path) -> None:
    (tmp_path / ".sglint.yaml").write_text("rules:\n  Safeguarding.Nope: off\n", "utf-8")
    uri = _open(client, tmp_path / "draft.md", DRAFT)
    shown = client.wait(lambda m: m.get("method") == "window/showMessage")
    assert shown["params"]["type"] == 1
    assert ".sglint.yaml:2" in shown["params"]["message"]
    assert client.diagnostics(uri) == []


def test_without_pygls_one_clear_line(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    from lint.cli import main

    monkeypatch.setitem(sys.modules, "lint.server", None)  # as if pygls were missing
    assert main(["server"]) == 2
    assert "pip install 'sglint[lsp]'" in capsys.readouterr().err


def test_a_normal_run_does_not_load_pygls() -> None:
    code = "import sys; from lint.cli import main; main(['rules']); print('pygls' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().endswith("False")


def test_a_finding_kept_as_written_is_neither_shown_nor_fixed(
    client: Client, tmp_path: Path
) -> None:
    from lint.ledger import LEDGER_NAME

    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    assert (
        subprocess.run(
            [sys.executable, "-m", "lint", "baseline", "draft.md"],
            cwd=tmp_path,
            capture_output=True,
            check=False,
            env={**os.environ, "SGLINT_NO_CACHE": "1"},
        ).returncode
        == 0
    )
    assert (tmp_path / LEDGER_NAME).exists()
    uri = _open(client, tmp_path / "draft.md", DRAFT)
    assert "Safeguarding.Mistranslations" not in _by_rule(client.diagnostics(uri, 1))
    everywhere = {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}}
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": everywhere, "context": {"diagnostics": []}},
    )
    assert actions == []
