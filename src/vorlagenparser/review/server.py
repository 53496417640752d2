"""Make the review tool's HTTP server (Werkzeug's threaded WSGI server, as Flask uses).

Bound to the loopback interface by default; a server bound anywhere else serves every
document to whoever reaches the port, which the CLI warns about.
"""

from __future__ import annotations

import ipaddress
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MissingPackageError, VorlagenparserError
from .store import ReviewStore

if TYPE_CHECKING:
    from werkzeug.serving import BaseWSGIServer

_LOOPBACK_NAMES = ("localhost", "127.0.0.1")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(folder: Path, host: str = "127.0.0.1", port: int = 8765,
                db: str | None = None) -> BaseWSGIServer:
    """A server for the review app over ``folder``, bound and ready for ``serve_forever()``;
    port 0 picks a free port (``server.server_port``)."""
    try:
        from werkzeug.serving import make_server as werkzeug_server

        from .app import create_app
    except ImportError as exc:
        raise MissingPackageError("the review tool needs Flask "
                                  "(pip install 'vorlagenparser[review]')") from exc
    app = create_app(ReviewStore(folder, db), _trusted_hosts(host))
    # One line per request on the terminal would bury the address and the warnings.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    try:
        return werkzeug_server(host, port, app, threaded=True)
    except OSError as exc:
        raise VorlagenparserError(f"cannot listen on {host}:{port}: {exc.strerror or exc} "
                                  "(choose another --port)") from exc


def _trusted_hosts(host: str) -> list[str] | None:
    """The names a request may give in its Host header. A loopback server answers only to
    its own names, so a web page cannot reach it through a DNS name that points here (DNS
    rebinding); a server bound to every interface cannot know its names."""
    if is_loopback(host):
        return [*_LOOPBACK_NAMES, host] if ":" not in host else None
    if host in ("0.0.0.0", "::", ""):
        return None
    return [host] if ":" not in host else None
