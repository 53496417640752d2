"""The console script ends its process without Python's teardown, and loses nothing by it.

Each case runs in a fresh interpreter, with stdout buffered as it is by default (the
environment may ask for unbuffered output): ending the process is what is tested.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.helpers import FULL_TEXT_PAGE, ROOT


def _run(body: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(body)], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def test_the_process_ends_in_run_with_the_exit_handlers_run_and_the_output_flushed() -> None:
    done = _run("""
        import atexit, sys
        from vorlagenparser.cli import run
        atexit.register(lambda: print("handler ran"))
        sys.stdout.write("buffered ")  # a bare os._exit would lose it
        sys.argv = ["vorlagenparser", "--version"]
        run()
        print("back from run")
    """)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("buffered vorlagenparser, version")
    assert lines[1:] == ["handler ran"]


def test_the_command_s_exit_code_is_the_process_s() -> None:
    done = _run("""
        import sys
        from vorlagenparser.cli import run
        sys.argv = ["vorlagenparser", "extract", "no-such-file.pdf"]
        run()
        print("back from run")
    """)
    assert done.returncode not in (0, 1), done.stderr  # the input error's code, not a default
    assert "no-such-file.pdf" in done.stderr
    assert "back from run" not in done.stdout


def test_extract_s_json_is_all_written_before_the_end() -> None:
    done = _run(f"""
        import sys
        from vorlagenparser.cli import run
        sys.argv = ["vorlagenparser", "extract", {str(FULL_TEXT_PAGE)!r}]
        run()
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("{") and done.stdout.endswith("}\n")


def test_python_ends_the_process_while_another_thread_runs() -> None:
    # Python joins a running thread before the exit handlers; ending at once would kill it.
    done = _run("""
        import sys, threading, time
        from vorlagenparser.cli import run
        threading.Thread(target=lambda: (time.sleep(0.3), print("thread done"))).start()
        sys.argv = ["vorlagenparser", "--version"]
        print("back from run", run())
    """)
    assert done.returncode == 0, done.stderr
    assert "back from run 0" in done.stdout
    assert "thread done" in done.stdout


def test_python_ends_the_process_when_stdout_cannot_be_flushed() -> None:
    # As with a closed pipe: what waits in stdout's buffer cannot be written, and Python
    # reports that at its own end as it always does.
    done = _run("""
        import os, sys
        from vorlagenparser.cli import end_process
        read_end, write_end = os.pipe()
        os.close(read_end)  # nobody reads: writing to the pipe fails
        sys.stdout = open(write_end, "w")
        sys.stdout.write("waiting in the buffer")
        end_process(0)
        print("back from end_process", file=sys.stderr)
    """)
    assert "back from end_process" in done.stderr
    assert "BrokenPipeError" in done.stderr  # Python's own report
