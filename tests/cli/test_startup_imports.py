"""Start-up stays cheap: heavy libraries load only where they are used (issue 10).

Each check runs in a fresh interpreter, since this test process has loaded everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import FULL_TEXT_PAGE, ROOT

# A one-page digital sample with a thin text layer: the OCR decision looks at it at 50 dpi.
THIN_TEXT_PAGE = ROOT / "samples" / "antrag" / "antrag_01.pdf"
HEAVY = ("pydantic", "rich", "numpy", "cv2", "pdfplumber", "multiprocessing", "pypdfium2",
         "tesserocr", "PIL")


def _loaded_after(code: str) -> set[str]:
    """The HEAVY modules loaded once ``code`` has run in a new interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    return set(json.loads(run.stdout.strip().splitlines()[-1]))


def test_importing_the_package_loads_no_heavy_library() -> None:
    assert _loaded_after("import vorlagenparser") == set()


def test_help_loads_no_heavy_library() -> None:
    code = ("from vorlagenparser.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    assert _loaded_after(code) == set()


def test_extract_to_a_file_leaves_rich_and_the_readers_libraries_out_of_the_parent(
        tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    args = ["extract", str(FULL_TEXT_PAGE), "-o", str(out)]
    code = f"from vorlagenparser.cli import main\nmain({args!r})"
    # pydantic validates the options; multiprocessing supervises the child that reads the file.
    assert _loaded_after(code) == {"pydantic", "multiprocessing"}
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["page_count"] == 1


def test_extract_forks_its_child_before_the_layout_stage_and_the_output_models_load(
        tmp_path: Path) -> None:
    # The parent loads them while the child reads: on two cores the two halves overlap.
    out = tmp_path / "out.json"
    args = ["extract", str(FULL_TEXT_PAGE), "-o", str(out)]
    code = ("import json, sys\n"
            "from vorlagenparser.batch.executors import ProcessExecutor\n"
            "start, loaded = ProcessExecutor._start, []\n"
            "def spy(self):\n"
            "    loaded.extend(m for m in ('vorlagenparser.model', 'vorlagenparser.layout.assemble',\n"
            "                              'vorlagenparser.reading') if m in sys.modules)\n"
            "    return start(self)\n"
            "ProcessExecutor._start = spy\n"
            "from vorlagenparser.cli import main\n"
            f"main({args!r})\n"
            "print(json.dumps([loaded, 'vorlagenparser.layout.assemble' in sys.modules]))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    assert json.loads(run.stdout.strip().splitlines()[-1]) == [[], True]
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["page_count"] == 1


def test_a_command_loads_no_other_command() -> None:
    code = ("from vorlagenparser.cli import main\n"
            "try:\n    main(['extract', '--help'])\nexcept SystemExit:\n    pass\n"
            "import json, sys\n"
            "print(json.dumps([m for m in sys.modules if m.startswith('vorlagenparser.cli.')]))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    loaded = set(json.loads(run.stdout.strip().splitlines()[-1]))
    assert loaded == {"vorlagenparser.cli.console", "vorlagenparser.cli.extract",
                      "vorlagenparser.cli.limit_options"}


def test_digital_pages_need_neither_numpy_nor_opencv_nor_pdfplumber() -> None:
    for page in (FULL_TEXT_PAGE, THIN_TEXT_PAGE):
        code = f"from vorlagenparser.pipeline import extract\nextract({str(page)!r})"
        assert _loaded_after(code) & {"numpy", "cv2", "pdfplumber"} == set(), page


def test_the_layout_of_columns_needs_no_numpy() -> None:
    assert "numpy" not in _loaded_after("import vorlagenparser.layout.text")


def test_the_command_line_does_not_look_for_pydantic_plugins(tmp_path: Path) -> None:
    # Looking reads every installed package's metadata; the library, imported by others, still
    # looks as pydantic does.
    out = tmp_path / "out.json"
    looked = "from pydantic.plugin import _loader\nprint(_loader._plugins is not None)"
    # run() ends the process; an exit handler still runs, and looks.
    command = ("import atexit, sys\nfrom vorlagenparser.cli import run\n"
               "def look():\n" + "".join(f"    {line}\n" for line in looked.splitlines()) +
               "atexit.register(look)\n"
               f"sys.argv = ['vorlagenparser', 'extract', {str(FULL_TEXT_PAGE)!r}, '-o', {str(out)!r}]\n"
               "run()")
    library = f"import vorlagenparser.pipeline\n{looked}"
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    for code, expected in ((command, "False"), (library, "True")):
        shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               check=True, cwd=ROOT, env=env)
        assert shown.stdout.split()[-1] == expected
