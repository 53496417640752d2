"""`vorlagenparser review` as a user starts it: address on stderr, a warning when bound
beyond loopback, Ctrl+C ends it cleanly; and the CLI starts without loading Flask."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("flask", reason="the review tool needs Flask (the 'review' extra)")

from vorlagenparser.review import is_loopback

START_S = 20


def start(out: Path, *args: str) -> tuple[subprocess.Popen[str], list[str]]:
    proc = subprocess.Popen([sys.executable, "-m", "vorlagenparser", "review", str(out), "--port", "0",
                             *args], stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    lines = []
    while not lines or not lines[-1].startswith("review: http"):
        line = proc.stderr.readline()
        if not line:
            proc.wait(START_S)
            pytest.fail(f"review ended early: {''.join(lines)}")
        lines.append(line.rstrip("\n"))
    return proc, lines


def stop(proc: subprocess.Popen[str]) -> int:
    proc.send_signal(signal.SIGINT)
    return proc.wait(START_S)


def test_the_server_answers_and_stops_on_ctrl_c(out: Path) -> None:
    proc, lines = start(out)
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", lines[-1])
        assert url, lines
        assert not any("warning" in line for line in lines)
        with urllib.request.urlopen(url[0], timeout=START_S) as response:
            assert response.status == 200 and b"formular_01" in response.read()
    finally:
        code = stop(proc)
    assert code == 0


def test_binding_beyond_loopback_warns(out: Path) -> None:
    proc, lines = start(out, "--host", "0.0.0.0")
    try:
        assert any("warning: listening on 0.0.0.0" in line for line in lines), lines
    finally:
        stop(proc)


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "vorlagenparser", "review", str(tmp_path / "nope")],
                            capture_output=True, text=True, timeout=START_S)
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_the_cli_starts_without_flask() -> None:
    code = "import sys, vorlagenparser.cli; sys.exit('flask' in sys.modules or 'werkzeug' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], timeout=START_S).returncode == 0


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                                ("127.0.0.2", True), ("0.0.0.0", False),
                                                ("192.168.1.5", False), ("example.org", False)])
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
