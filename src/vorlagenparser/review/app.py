"""The review tool's web app (Flask, Jinja2 templates): routes only; the work is in the store.

Security, for a tool that runs on an archivist's machine: every write needs the token of the
browser session (a form field checked against the signed session cookie, which is
``SameSite=Strict``), so another web page cannot post corrections; requests must name this
host (``TRUSTED_HOSTS``), which defeats DNS rebinding; templates escape all document text and a
Content-Security-Policy allows no inline script; documents and page images are looked up by
name in the folder's listing, so no request can reach a file outside the output folder.
"""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path
from typing import Any

from flask import (
    Flask,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from werkzeug.wrappers import Response

from ..corrections import ACTIONS
from ..errors import CorrectionError, InputFileError, OutputError
from ..model import Vorlage
from .overlay import groups, shapes, warnings
from .render import PageImageError, page_image
from .store import ReviewStore

_HERE = Path(__file__).parent
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
_MAX_FORM_BYTES = 1 << 20  # a Begründung is long, but not a megabyte


def create_app(store: ReviewStore, trusted_hosts: list[str] | None = None) -> Flask:
    """The app over ``store``; ``trusted_hosts`` are the names requests may use for this
    server (None: any, for a server bound to all interfaces)."""
    app = Flask(__name__, template_folder=str(_HERE / "templates"),
                static_folder=str(_HERE / "static"))
    app.config.update(SECRET_KEY=secrets.token_bytes(32), SESSION_COOKIE_HTTPONLY=True,
                      SESSION_COOKIE_SAMESITE="Strict", TRUSTED_HOSTS=trusted_hosts,
                      MAX_CONTENT_LENGTH=_MAX_FORM_BYTES)
    app.extensions["review_store"] = store

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.context_processor
    def _token() -> dict[str, str]:
        return {"token": session.setdefault("token", secrets.token_urlsafe(32))}

    app.add_url_rule("/", "index", _index)
    app.add_url_rule("/favicon.ico", "favicon", lambda: ("", 204))
    app.add_url_rule("/doc/<name>", "document", _document)
    app.add_url_rule("/doc/<name>/page/<int:number>.png", "page", _page)
    app.add_url_rule("/doc/<name>/save", "save", _save, methods=["POST"])
    return app


def _store() -> ReviewStore:
    store: ReviewStore = current_app.extensions["review_store"]
    return store


def _index() -> str:
    store = _store()
    return render_template("list.html", documents=store.summaries(), folder=store.folder,
                           db=store.db, db_note=store.db_note)


def _document(name: str, *, error: str | None = None, typed: dict[str, str] | None = None,
              status: int = 200) -> Any:
    vorlage = _load(name)
    source = _store().source(vorlage)
    pages = [(page, shapes(vorlage, page.number)) for page in vorlage.source.pages]
    focus = (typed or {}).get("path") or request.args.get("focus", "")
    html = render_template("document.html", name=name, vorlage=vorlage, pages=pages,
                           groups=groups(vorlage), warnings=warnings(vorlage), source=source,
                           error=error,
                           typed=typed or {}, focus=focus)
    return html, status


def _page(name: str, number: int) -> Response:
    try:
        path = page_image(_store(), _load(name), number)
    except PageImageError:
        abort(404)
    response = send_file(path, mimetype="image/png", max_age=3600)
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


def _save(name: str) -> Any:
    _check_token()
    action, path = request.form.get("action", ""), request.form.get("path", "")
    if action not in ACTIONS:
        abort(400, "unknown action")
    _load(name)  # 404 for a name the folder does not hold
    text = request.form.get("value")
    try:
        _store().save(name, action, path, text)
    except (CorrectionError, OutputError) as exc:
        return _document(name, error=f"{path}: {exc.message}",
                         typed={"path": path, "value": text or ""}, status=422)
    flash(f"{path}: {action}")
    return redirect(url_for("document", name=name, focus=path, _anchor=f"v-{path}"), code=303)


def _check_token() -> None:
    sent, expected = request.form.get("token", ""), session.get("token", "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        abort(403, "missing or wrong session token: reload the page and try again")


def _load(name: str) -> Vorlage:
    try:
        return _store().load(name)
    except KeyError:
        abort(404)
    except InputFileError as exc:
        abort(404, exc.message)
