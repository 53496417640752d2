"""Shared helpers for the archival-output tests: the ALTO 4 schema, offline."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "alto"


@pytest.fixture(scope="session")
def alto_schema() -> object:
    """The ALTO 4.4 XSD as shipped in tests/data (its xlink import resolved to our copy)."""
    etree = pytest.importorskip("lxml.etree")

    class _Local(etree.Resolver):  # type: ignore[misc,name-defined]
        def resolve(self, url: str, pubid: str, context: object) -> object:
            if url.endswith("xlink.xsd"):
                return self.resolve_filename(str(DATA / "xlink.xsd"), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Local())
    return etree.XMLSchema(etree.parse(str(DATA / "alto-4-4.xsd"), parser))
