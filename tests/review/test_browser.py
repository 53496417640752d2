"""The review flow in a real browser: headless Chromium (Debian's chromium and
chromium-driver) driven by Selenium opens the list, a flagged document, moves between
flagged values by keyboard, corrects a value, toggles a box and accepts a value; then the
JSON, corrections.jsonl and the SQLite row are checked. Skips only when no browser starts.

Set REVIEW_SCREENSHOT=docs/review.png to refresh the README's screenshot from this test.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("flask", reason="the review tool needs Flask (the 'review' extra)")
pytest.importorskip("selenium", reason="selenium is not installed")

from PIL import Image
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from vorlagenparser.review import make_server

from .conftest import DB_NAME, Flag

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,860", "--force-device-scale-factor=1"]
WAIT_S = 10


def _find(*names: str) -> str | None:
    return next((found for name in names if (found := shutil.which(name))), None)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    chromium = _find("chromium", "chromium-browser", "google-chrome")
    driver_path = _find("chromedriver")
    if chromium is None or driver_path is None:
        pytest.skip("no browser: install the Debian packages chromium and chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except WebDriverException as exc:
        pytest.skip(f"Chromium did not start: {exc.msg}")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def base_url(out: Path) -> Iterator[str]:
    server = make_server(out, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextmanager
def next_page(driver: WebDriver) -> Iterator[None]:
    """Wait until what the block does has loaded a new page and its script has run."""
    old = driver.find_element(By.TAG_NAME, "html")
    yield
    # Mid-navigation, Chrome may answer the staleness probe with an inspector error ("Node with
    # given id does not belong to the document") instead of a stale reference: ask again.
    WebDriverWait(driver, WAIT_S, ignored_exceptions=(WebDriverException,)).until(
        ec.staleness_of(old))
    WebDriverWait(driver, WAIT_S).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "body[data-ready]")))


def current(driver: WebDriver) -> WebElement:
    return driver.find_element(By.CSS_SELECTOR, "form.field.current")


def press(driver: WebDriver, *keys: str) -> None:
    body = driver.find_element(By.TAG_NAME, "body")
    for key in keys:
        body.send_keys(key)


def test_review_in_the_browser(browser: WebDriver, base_url: str, out: Path, flag: Flag,
                               tmp_path: Path) -> None:
    before = flag("formular_01", values=["datum", "betreff"], boxes=[0])
    sha, box_was = before.source.sha256, before.checkboxes[0].checked

    # The list: the flagged document first, with its count of flagged values.
    browser.get(base_url + "/")
    first = browser.find_element(By.CSS_SELECTOR, "tbody tr")
    assert "formular_01" in first.text and "flagged" in first.get_attribute("class")
    assert first.find_element(By.CSS_SELECTOR, ".flags").text == "3"
    with next_page(browser):
        first.find_element(By.LINK_TEXT, "formular_01").click()

    # The document: the first flagged value is selected, on the page too; j/k move on.
    flagged = browser.find_elements(By.CSS_SELECTOR, "form.field.flagged")
    order = [f.get_attribute("data-path") for f in flagged]
    assert order == ["datum", "betreff", "checkboxes[0]"]
    assert current(browser).get_attribute("data-path") == "datum"
    assert browser.find_elements(By.CSS_SELECTOR, 'g.shape.flagged.current[data-path="datum"]')
    press(browser, "j")
    assert current(browser).get_attribute("data-path") == "betreff"
    press(browser, "j", "j")
    assert current(browser).get_attribute("data-path") == "datum"  # wraps around
    press(browser, "k")
    assert current(browser).get_attribute("data-path") == "checkboxes[0]"
    press(browser, "j")

    # An impossible date is refused with a message; nothing is written.
    json_before = (out / "formular_01.json").read_bytes()
    with next_page(browser):
        _type_into_current(browser, "31.02.2024")
    assert "not a date" in browser.find_element(By.CSS_SELECTOR, ".error").text
    assert (out / "formular_01.json").read_bytes() == json_before

    # Correct the date: e edits, Enter saves; the page comes back on the same value.
    with next_page(browser):
        _type_into_current(browser, "01.02.2024")
    assert browser.find_element(By.CSS_SELECTOR, ".saved").text == "saved: datum: corrected"
    assert current(browser).get_attribute("data-path") == "datum"
    assert "manual" in current(browser).get_attribute("class")

    _save_screenshot(browser, tmp_path / "review.png")

    # Toggle the box: click it on the page, then t.
    browser.find_element(By.CSS_SELECTOR, 'g.shape[data-path="checkboxes[0]"] rect.bbox').click()
    assert current(browser).get_attribute("data-path") == "checkboxes[0]"
    with next_page(browser):
        press(browser, "t")
    assert browser.find_element(By.CSS_SELECTOR, ".saved").text == "saved: checkboxes[0]: toggled"

    # Accept the Betreff as read: j finds the last flagged value, a accepts it.
    press(browser, "j")
    assert current(browser).get_attribute("data-path") == "betreff"
    with next_page(browser):
        press(browser, "a")
    assert browser.find_element(By.CSS_SELECTOR, ".saved").text == "saved: betreff: accepted"
    assert not browser.find_elements(By.CSS_SELECTOR, "form.field.flagged")

    saved = json.loads((out / "formular_01.json").read_text())
    assert saved["datum"] == "2024-02-01" and saved["checkboxes"][0]["checked"] is (not box_was)
    assert saved["betreff"] == before.betreff and saved["needs_review"] is False
    assert {k: saved["provenance"][k]["method"] for k in ("datum", "betreff")} == {
        "datum": "manual", "betreff": "manual"}
    log = [json.loads(line) for line in (out / "corrections.jsonl").read_text().splitlines()]
    assert [(e["sha256"], e["path"], e["action"]) for e in log] == [
        (sha, "datum", "corrected"), (sha, "checkboxes[0]", "toggled"), (sha, "betreff", "accepted")]
    assert log[0]["old"] == (before.datum.isoformat() if before.datum else None)
    assert log[0]["new"] == "2024-02-01"
    with sqlite3.connect(out / DB_NAME) as conn:
        datum, needs_review = conn.execute(
            "SELECT datum, needs_review FROM documents WHERE sha256 = ?", (sha,)).fetchone()
        (checked,) = conn.execute(
            "SELECT checked FROM checkboxes WHERE sha256 = ? AND position = 0", (sha,)).fetchone()
    assert (datum, needs_review, bool(checked)) == ("2024-02-01", 0, not box_was)


def _type_into_current(driver: WebDriver, text: str) -> None:
    press(driver, "e")
    field = driver.switch_to.active_element
    assert field.get_attribute("name") == "value"
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(text, Keys.ENTER)


def _save_screenshot(driver: WebDriver, path: Path) -> None:
    """The screenshot as a small palette PNG; also to $REVIEW_SCREENSHOT when set."""
    image = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    small = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    assert path.stat().st_size > 10_000  # a page was drawn, not a blank window
    if target := os.environ.get("REVIEW_SCREENSHOT"):
        small.save(target, optimize=True)
