"""The parts of a document around its sections: kind and title, untitled text, signature, date."""

from __future__ import annotations

from ..parsing.dates import find_dates
from . import header
from .context import Context, Found
from .fields import LabelHit
from .lines import Line
from .normalize import key
from .raw import TEXT_SECTIONS, RawVorlage
from .sections import Heading, paragraphs
from .signature import PlaceDate, is_signed_line, signer


def title(ctx: Context, raw: RawVorlage, labels: list[LabelHit], headings: dict[str, Heading]) -> None:
    label_phrases = ctx.used_labels | {(h.line.index, 0) for h in headings.values()}
    title = header.find_vorlagenart(ctx, label_phrases)
    if "vorlagenart" in raw.fields:
        pass  # printed with a label ("Vorlageart: Beschlussvorlage")
    elif title is not None:
        raw.fields["vorlagenart"] = title.art
    else:
        art = header.art_from_number_label(ctx, [h for h in labels if h.name == "vorlagennummer"])
        if art is not None:
            raw.fields["vorlagenart"] = art
    if "betreff" not in raw.fields:
        betreff = None
        if title is not None and title.rest:
            betreff = header.title_betreff(ctx, title)
        if betreff is None and ctx.profile.betreff_from_bold_block:
            after = max([h.line.index for h in labels if h.line.page == 1 and h.name != "betreff"
                         and h.line.index not in ctx.consumed]
                        + ([title.line.index] if title else []), default=-1)
            betreff = header.bold_betreff(ctx, after)
        if betreff is not None:
            raw.fields["betreff"] = betreff
    if "betreff" in raw.fields and not {"beschlussvorschlag", "begruendung"} <= raw.fields.keys():
        _untitled_text(ctx, raw)


def _untitled_text(ctx: Context, raw: RawVorlage) -> None:
    """Text between the Betreff and the next heading, under no heading of its own: before the
    Beratungsergebnis or Begründung it is the proposal; before the proposal, its reasons."""
    betreff = raw.fields["betreff"]
    start = max((ln.index for ln in ctx.lines if ln.page == betreff.page
                 and ln.bbox.top <= betreff.bbox.bottom - 1), default=None)
    if start is None:
        return
    body: list[Line] = []
    target = None
    for line in ctx.lines[start + 1:]:
        kind = ctx.boundaries.get(line.index, "")
        if kind or line.index in ctx.consumed:
            if kind in ("section:beratungsergebnis", "section:begruendung") or line.index in ctx.consumed:
                target = "beschlussvorschlag"
            elif kind == "section:beschlussvorschlag":
                target = "begruendung"
            break
        body.append(line)
    if target is None or target in raw.fields or not body:
        return
    art = raw.fields.get("vorlagenart")
    if target == "beschlussvorschlag" and art is not None and \
            key(str(art.value)) in {key(a) for a in ctx.profile.no_proposal}:
        return  # an Anfrage asks; its numbered questions are no proposal
    if target == "beschlussvorschlag" and any(key(body[0].text).startswith(key(s))
                                              for s in ctx.profile.salutations):
        return  # a letter's opening, not a proposal
    long_text = not ctx.profile.beschlussvorschlag_after_betreff and len(body) >= 40
    if target == "beschlussvorschlag" and long_text:
        return  # forty lines without a heading are no proposal
    text = paragraphs(ctx, body)
    if text:
        raw.fields[target] = ctx.found([p for ln in body for p in ln.phrases], text)


def signature(ctx: Context, raw: RawVorlage, places: list[PlaceDate], headings: dict[str, Heading]) -> None:
    # The text sections come before the signature; Anlagen and the Beratungsergebnis often after.
    last_section = max((h.line.index for n, h in headings.items() if n in TEXT_SECTIONS), default=-1)
    # A closing place-and-date follows the text; one at the top of a letter dates the letter.
    half = len(ctx.lines) // 2
    closing = [p for p in places if p.line.index > max(last_section, half) and p.phrase_index == 0]
    # Without a closing place-and-date, the one in the letterhead dates the signature.
    pd = closing[-1] if closing else (places[0] if places else None)
    if pd is not None:
        raw.unterzeichnung["ort"] = Found(pd.ort, pd.datum.page, pd.datum.bbox, pd.datum.confidence)
        raw.unterzeichnung["datum"] = pd.datum
    name = signer(ctx, pd.line) if closing and pd is not None else None
    if name is None:
        # A role or "gez." line below the letterhead; some templates sign before the last section.
        first_section = min((h.line.index for n, h in headings.items() if n in TEXT_SECTIONS), default=-1)
        # Without sections (minutes, letters) only the closing third of the text is signed.
        name = _signer_after_role(ctx, first_section if first_section >= 0 else 2 * len(ctx.lines) // 3)
    if name is not None:
        raw.unterzeichnung["name"] = name
    if "datum" not in raw.fields or raw.fields["datum"].value is None:
        if places:
            raw.fields["datum"] = places[0].datum
        else:
            _loose_date(ctx, raw)
    if ("datum" not in raw.fields or raw.fields["datum"].value is None) and "betreff" in raw.fields:
        # "5. Sitzung des Gemeinderates am 4. April 2022": a title that dates the document.
        betreff = raw.fields["betreff"]
        dates = find_dates(ctx.typed(str(betreff.value), betreff.page))
        if dates and dates[0][0].value is not None:
            raw.fields["datum"] = Found(dates[0][0].value, betreff.page, betreff.bbox, betreff.confidence)


def _signer_after_role(ctx: Context, after: int) -> Found | None:
    """A signature block without place and date: a role line ("Der Oberbürgermeister"), then a name."""
    roles = [ln for ln in ctx.lines if ln.index > after and ctx.boundaries.get(ln.index) == "signature"]
    for role in roles:
        name = signer(ctx, role, max_lines=3, include_self=is_signed_line(ctx, role))
        if name is not None:
            return name
    for role in roles:  # the name printed above its role ("Katharina Öztürk / Fraktionsvorsitz")
        above = ctx.lines[role.index - 1] if role.index > 0 else None
        if above is not None and above.page == role.page and above.index > after:
            name = signer(ctx, above, max_lines=0, include_self=True)
            if name is not None:
                return name
    return None


def _loose_date(ctx: Context, raw: RawVorlage) -> None:
    """Letters print their date alone, top right ("20. April 2019")."""
    page = ctx.page(1)
    for line in ctx.lines:
        if line.page != 1 or line.bbox.top > page.height * 0.45:
            break
        for phrase in line.phrases:
            dates = find_dates(ctx.typed(phrase.text, phrase.page))
            if dates and dates[0][0].value and len(phrase.text) - (dates[0][2] - dates[0][1]) < 6:
                raw.fields["datum"] = ctx.found([phrase], dates[0][0].value)
                return
