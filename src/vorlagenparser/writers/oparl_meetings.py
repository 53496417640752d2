"""Sessions in OParl: a Vorlage's Beratungsfolge and Beratungsergebnis → Meetings with AgendaItems.

OParl puts the session date on a ``Meeting`` (which a ``Consultation`` links by URL) and the
outcome on the Meeting's ``AgendaItem`` (``result``). One Meeting is one Gremium on one day, so
papers converted separately but discussed in the same session share it. Pure functions only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..model import Beratungsergebnis, BeratungsfolgeEintrag
from .oparl_common import SCHEMA, OParlObject, compact, organization_url, slug

# A printed session date has no time; OParl's Meeting.start is a date-time, so the session is
# dated at local midnight (German councils sit in this time zone; Austria and Switzerland too).
_LOCAL = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True, slots=True)
class Session:
    """One consultation of a paper in a dated session: what the Meeting and its item need."""

    gremium: str
    date: dt.date
    top: str | None
    public: bool | None
    result: str | None


def meeting_url(base: str, gremium: str, date: dt.date) -> str:
    return f"{base}/meeting/{slug(gremium)}-{date.isoformat()}"


def start_of(date: dt.date) -> str:
    return dt.datetime.combine(date, dt.time(), tzinfo=_LOCAL).isoformat()


@dataclass(frozen=True, slots=True)
class Step:
    """One consultation: the Gremium, its role, and its dated session when one is known."""

    gremium: str
    role: str | None
    session: Session | None


def sessions(folge: list[BeratungsfolgeEintrag], ergebnisse: list[Beratungsergebnis]) -> list[Step]:
    """Every Beratungsfolge entry, then every result of a Gremium the Beratungsfolge does not
    list. A result joins the entry of its Gremium (and date, when both have one)."""
    unused = list(ergebnisse)
    out: list[Step] = []
    for item in folge:
        found = _take_result(unused, item.gremium, item.sitzung_am)
        date = item.sitzung_am or (found.sitzung_am if found else None)
        public = item.oeffentlich if item.oeffentlich is not None else _public(found)
        top = (found.top if found else None) or item.top
        out.append(Step(item.gremium, item.zustaendigkeit,
                        _session(item.gremium, date, top, public, found)))
    for result in unused:
        if result.gremium:
            out.append(Step(result.gremium, None, _session(
                result.gremium, result.sitzung_am, result.top, _public(result), result)))
    return out


def _session(gremium: str, date: dt.date | None, top: str | None, public: bool | None,
             result: Beratungsergebnis | None) -> Session | None:
    if date is None:
        return None  # no Meeting without its date: nothing to link or to hold a result
    return Session(gremium, date, top, public, result_text(result) if result else None)


def _take_result(results: list[Beratungsergebnis], gremium: str,
                 date: dt.date | None) -> Beratungsergebnis | None:
    for result in results:
        same_body = result.gremium is not None and slug(result.gremium) == slug(gremium)
        same_day = date is None or result.sitzung_am is None or result.sitzung_am == date
        if same_body and same_day:
            results.remove(result)
            return result
    return None


def _public(result: Beratungsergebnis | None) -> bool | None:
    if result is None:
        return None
    if result.oeffentlich:
        return True
    return False if result.nichtoeffentlich else None


def result_text(result: Beratungsergebnis) -> str | None:
    """OParl's free-text ``result``: "ungeändert beschlossen, einstimmig (12 Ja, 0 Nein)"."""
    outcome = ("ungeändert beschlossen" if result.laut_beschlussvorschlag else
               "geändert beschlossen" if result.abweichender_beschluss else
               "zur Kenntnis genommen" if result.kenntnisnahme else None)
    vote = ("einstimmig" if result.einstimmig else
            "mit Stimmenmehrheit" if result.mit_stimmenmehrheit else None)
    counts = ", ".join(f"{n} {label}" for n, label in (
        (result.ja_stimmen, "Ja"), (result.nein_stimmen, "Nein"),
        (result.enthaltungen, "Enthaltungen")) if n is not None)
    text = ", ".join(part for part in (outcome, vote) if part)
    if counts:
        text = f"{text} ({counts})" if text else counts
    return text or None


def agenda_item(item_id: str, meeting_id: str, consultation_id: str, session: Session,
                paper_name: str | None, stamp: str | None) -> OParlObject:
    """The paper's item on the session's agenda; ``order`` is set when the Meeting is built."""
    return compact({
        "id": item_id, "type": SCHEMA + "AgendaItem", "meeting": meeting_id,
        "number": session.top, "order": 0, "name": paper_name, "public": session.public,
        "consultation": consultation_id, "result": session.result,
        "created": stamp, "modified": stamp,
    })


def meeting(base: str, session: Session, items: list[OParlObject]) -> OParlObject:
    """A Meeting with its agenda in TOP order (items without a TOP last)."""
    ordered = sorted(items, key=lambda item: _top_key(item.get("number")))
    agenda = [item | {"order": n} for n, item in enumerate(ordered, start=1)]
    stamps = sorted(stamp for item in items if (stamp := item.get("modified")))
    return compact({
        "id": meeting_url(base, session.gremium, session.date), "type": SCHEMA + "Meeting",
        "name": f"{session.gremium}, Sitzung am {session.date:%d.%m.%Y}",
        "start": start_of(session.date),
        "organization": [organization_url(base, session.gremium)],
        "agendaItem": agenda,
        "created": stamps[0] if stamps else None, "modified": stamps[-1] if stamps else None,
    })


def _top_key(top: object) -> tuple[int, tuple[int, ...], str]:
    if not isinstance(top, str):
        return (1, (), "")
    numbers = tuple(int(part) for part in top.replace(".", " ").split() if part.isdigit())
    return (0, numbers, top)
