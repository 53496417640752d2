"""Search benchmark: index cost per document and query latency in SQLite (and PostgreSQL).

    .venv/bin/python bench/bench_search.py [--copies 50] [--db postgresql://…]

Builds an archive from the sample truths (each copied ``--copies`` times with its own key),
writes it to a fresh SQLite file (or the given PostgreSQL database, whose tables are replaced),
then times a set of queries. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from vorlagenparser.model import PageInfo, Source, Vorlage  # noqa: E402
from vorlagenparser.writers import Record, SourceFile, database_writer, search_database  # noqa: E402

QUERIES = ["Bebauungsplan", "Gebuehren", "Verfahren", "Straße OR Schule", '"der Stadtrat"',
           "Bebauung*", "(Haushalt OR Satzung) -Stellenplan"]
CONTENT = ("vorlagenart", "vorlagennummer", "datum", "federfuehrung", "betreff",
           "beschlussvorschlag", "begruendung", "finanzielle_auswirkungen", "anlagen")


def _records(copies: int) -> list[Record]:
    truths = sorted((ROOT / "samples").rglob("*.truth.json"))
    out = []
    for copy in range(copies):
        for truth in truths:
            data = json.loads(truth.read_text(encoding="utf-8"))
            key = hashlib.sha256(f"{truth.name}:{copy}".encode()).hexdigest()
            source = Source(filename=truth.name, sha256=key, page_count=1,
                            pages=[PageInfo(number=1, method="text", width=595, height=842)])
            vorlage = Vorlage(source=source, **{k: data[k] for k in CONTENT})
            out.append(Record(f"{truth.stem}-{copy}", vorlage, SourceFile(str(truth), key)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--db", help="postgresql:// URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    records = _records(args.copies)
    with tempfile.TemporaryDirectory() as tmp:
        target = args.db or str(Path(tmp) / "bench.sqlite")
        if args.db:
            import psycopg

            with psycopg.connect(args.db, autocommit=True) as conn:
                conn.execute("DROP TABLE IF EXISTS beratungsfolge, beratungsergebnis, "
                             "checkboxes, anlagen, documents")
        started = time.perf_counter()
        with database_writer(target) as writer:
            for record in records:
                writer.write(record)
        write_s = time.perf_counter() - started
        print(f"{len(records)} documents written in {write_s:.1f} s "
              f"({write_s / len(records) * 1000:.1f} ms per document, index included)")
        for query in QUERIES:
            times, hits = [], 0
            for _ in range(5):
                started = time.perf_counter()
                hits = len(search_database(target, query, limit=20))
                times.append(time.perf_counter() - started)
            print(f"{query!r:40} {statistics.median(times) * 1000:7.1f} ms (median of 5), "
                  f"{hits} hits shown")


if __name__ == "__main__":
    main()
