"""The review web app through Flask's test client: pages, saving, and its security rules
(session token on every write, no file outside the folder, all document text escaped)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("flask", reason="the review tool needs Flask (the 'review' extra)")

from flask import Flask
from flask.testing import FlaskClient

from vorlagenparser.review.app import create_app
from vorlagenparser.review.store import ReviewStore

from .conftest import DB_NAME, Flag

HOST = "127.0.0.1"
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def app(out: Path) -> Flask:
    return create_app(ReviewStore(out), [HOST, "localhost"])


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def token_of(client: FlaskClient, name: str) -> str:
    html = client.get(f"/doc/{name}").get_data(as_text=True)
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match, "no token in the form"
    return match[1]


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


def test_list_and_document_pages(client: FlaskClient, flag: Flag) -> None:
    flag("allris_01", values=["betreff"], warnings=["beratungsergebnis[0]: fewer marks than boxes"])
    listing = client.get("/")
    assert listing.status_code == 200
    html = listing.get_data(as_text=True)
    assert html.index("allris_01") < html.index("formular_01")  # flagged first
    assert "fewer marks than boxes" in html
    page = client.get("/doc/allris_01")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'class="field longtext flagged' in text and 'data-path="betreff"' in text
    assert text.count("<figure class=\"page\"") == 2  # allris_01 has two pages
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    image = client.get("/doc/allris_01/page/2.png")
    assert image.status_code == 200 and image.data.startswith(b"\x89PNG")
    assert client.get("/doc/allris_01/page/3.png").status_code == 404


def test_a_reviewed_warning_is_marked_and_keeps_the_document_flagged(client: FlaskClient,
                                                                     flag: Flag) -> None:
    flag("formular_01", values=["datum"], warnings=["datum: low confidence 0.41", "anlagen: gone"])
    token = token_of(client, "formular_01")
    client.post("/doc/formular_01/save", data={"token": token, "action": "accepted", "path": "datum"})
    html = client.get("/doc/formular_01").get_data(as_text=True)
    assert '<li class="reviewed">datum: low confidence 0.41 (value reviewed)</li>' in html
    assert '<li class="">anlagen: gone</li>' in html
    assert "0 flagged, 2 warnings" in html


def test_saving_redirects_back_to_the_value(client: FlaskClient, out: Path, flag: Flag) -> None:
    flag("formular_01", values=["datum"])
    token = token_of(client, "formular_01")
    response = client.post("/doc/formular_01/save", data={
        "token": token, "action": "corrected", "path": "datum", "value": "2.10.2023"})
    assert response.status_code == 303
    assert "focus=datum" in response.headers["Location"]
    assert json.loads((out / "formular_01.json").read_text())["datum"] == "2023-10-02"
    assert "saved: datum: corrected" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_an_invalid_value_is_shown_and_not_saved(client: FlaskClient, out: Path) -> None:
    token = token_of(client, "formular_01")
    before = snapshot(out)
    response = client.post("/doc/formular_01/save", data={
        "token": token, "action": "corrected", "path": "beratungsergebnis[0].ja_stimmen",
        "value": "zwölf"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "is not a count" in html and 'value="zwölf"' in html  # what was typed stays
    assert snapshot(out) == before


@pytest.mark.parametrize("token", [None, "", "forged", "wrong-but-long-" * 4])
def test_a_write_without_the_session_token_is_refused(client: FlaskClient, out: Path,
                                                      token: str | None) -> None:
    token_of(client, "formular_01")  # the session has a token; the form does not send it
    before = snapshot(out)
    data = {"action": "corrected", "path": "betreff", "value": "Gefälscht"}
    if token is not None:
        data["token"] = token
    assert client.post("/doc/formular_01/save", data=data).status_code == 403
    assert snapshot(out) == before


def test_a_token_from_another_session_is_refused(app: Flask, out: Path) -> None:
    mine, theirs = app.test_client(), app.test_client()
    stolen = token_of(theirs, "formular_01")
    token_of(mine, "formular_01")
    before = snapshot(out)
    response = mine.post("/doc/formular_01/save", data={
        "token": stolen, "action": "corrected", "path": "betreff", "value": "Gefälscht"})
    assert response.status_code == 403
    fresh = app.test_client()  # no session cookie at all
    assert fresh.post("/doc/formular_01/save", data={
        "token": stolen, "action": "corrected", "path": "betreff", "value": "x"}).status_code == 403
    assert snapshot(out) == before


def test_only_this_hosts_name_is_answered(client: FlaskClient) -> None:
    assert client.get("/", headers={"Host": "evil.example:8765"}).status_code == 400
    assert client.get("/", headers={"Host": f"{HOST}:8765"}).status_code == 200


@pytest.mark.parametrize("url", [
    "/doc/../vorlagen.sqlite", "/doc/..%2Fvorlagen", "/doc/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/doc/..%2F..%2F..%2Fetc%2Fpasswd/page/1.png", "/doc/corrections/page/1.png",
    "/doc/run-20250101T000000Z", "/static/../store.py", "/static/..%2fstore.py",
    "/static/%2e%2e/store.py", "/vorlagen.sqlite", "/formular_01.json", "/etc/passwd",
    "/doc/.vorlagenparser/page/1.png", "/doc/formular_01/page/..%2F..%2Fvorlagen.png",
])
def test_no_file_outside_the_folder_is_served(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (404, 405), url
    assert b"SQLite format" not in response.data and b"root:" not in response.data
    assert b"def " not in response.data  # no source code of the app either


def test_document_text_is_escaped(client: FlaskClient, out: Path, flag: Flag) -> None:
    flag("formular_01", values=["betreff"], warnings=[f"betreff: {SCRIPT}"])
    token = token_of(client, "formular_01")
    client.post("/doc/formular_01/save", data={
        "token": token, "action": "corrected", "path": "betreff", "value": SCRIPT})
    client.post("/doc/formular_01/save", data={
        "token": token, "action": "corrected", "path": "anlagen[0]", "value": SCRIPT})
    for url in ("/", "/doc/formular_01"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;alert(" in html, url
        assert len(re.findall(r"<script\b", html)) == 1  # only the app's own, with src=
    assert json.loads((out / "formular_01.json").read_text())["betreff"] == SCRIPT
    assert (out / DB_NAME).exists()
