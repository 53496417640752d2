"""``vorlagenparser review``: check and correct a batch's results in the browser.

A small local web app over a batch output folder. Flask is imported only when a server is
made (:func:`make_server`), so the rest of the package starts without it.
"""

from __future__ import annotations

from .server import is_loopback, make_server

__all__ = ["is_loopback", "make_server"]
