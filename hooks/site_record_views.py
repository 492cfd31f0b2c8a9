"""The records pages as the site shows them: the UFLPA Entity List, CBP's UFLPA figures,
the charts drawn at build time, and the bills' overview table.

Like site_views.py (whose pieces it uses): small, typed, frozen records whose text is what
readers see, and no HTML; each function takes the build's `SiteViews`. No MkDocs import.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from congress_calendar import congress_years, died_with_congress, ordinal
from site_text import BILL_CONGRESS_PAGE, ENTITY_LIST_PAGE, ENTITY_YEAR_PAGE, fold, format_date, plural
from site_views import Day, SiteViews, Source, Target, day, sources

SECTION_NAMES = {"i": "(i)", "ii": "(ii)", "iv": "(iv)", "v": "(v)"}
# DHS's own copy of the list: what a reader should check, and where every name is.
DHS_LIST_URL = "https://www.dhs.gov/uflpa-entity-list"
# What an entity's row says when its list section, or the notice that added it (its batch), was
# worked out rather than read for it in a source (its `inferred` mapping); explained once a page.
INFERRED_MARKERS = {
    ("section",): "inferred",
    ("batch",): "· notice inferred",
    ("batch", "section"): "inferred · notice inferred",
}
UFLPA_MEASURES = {
    "reviewed": "Stopped for review",
    "detained": "Detained",
    "denied": "Denied entry",
    "released": "Released",
    "pending": "Pending",
}
QUALIFIERS = {"exact": "", "about": "about ", "more-than": "more than "}


@dataclass(frozen=True, slots=True)
class Notice:
    """A Federal Register notice: "2023-12481, 88 FR 38080, Jun 12, 2023"."""

    text: str
    url: str


@dataclass(frozen=True, slots=True)
class EntityView:
    id: str
    name: str
    aliases: str  # "; "-joined, or ""
    sections: str  # "(ii), (v)"
    inferred: str  # "inferred", "· notice inferred", ...: shown after the sections (INFERRED_MARKERS), or ""
    sector: str
    location: str
    removed: str  # "Removed Mar 1, 2025 (notice ...)" or ""
    sources: tuple[Source, ...]
    source_numbers: str  # "1, 3": where its sources stand in its batch's `entity_sources`


@dataclass(frozen=True, slots=True)
class EntityBatchView:
    id: str
    target: Target  # its section on its year's page
    reported: bool  # known from reports only, not yet confirmed (its `status`)
    effective: Day
    notice: Notice
    count: int
    running_total: int  # every batch's count so far, reported ones included
    confirmed_total: int  # the confirmed batches' counts so far
    total_reported: int | None
    sections: str  # "" when the data does not say
    note: str
    entities: tuple[EntityView, ...]
    entity_sources: tuple[Source, ...]  # every source of its entities, once each, numbered from 1
    entities_missing: str  # why the rest are not named here (a clause after "N of the M are not named here:"), or ""
    sources: tuple[Source, ...]

    @property
    def not_named(self) -> int:
        return self.count - len(self.entities)


@dataclass(frozen=True, slots=True)
class EntityYearView:
    """One year's page of the Entity List: its batches, newest first, with their entities."""

    overview: Target  # the Entity List's main page
    official_list: str  # DHS's own list
    batches: tuple[EntityBatchView, ...]
    has_inferred: bool  # some entity's section or batch is marked inferred: the page says what that means


@dataclass(frozen=True, slots=True)
class EntityListView:
    checked: Day
    confirmed: tuple[EntityBatchView, ...]  # the confirmed batches, oldest first
    reported: tuple[EntityBatchView, ...]  # the batches known from reports only, oldest first
    batches: tuple[EntityBatchView, ...]  # all of them, newest first
    newest: Day  # the newest confirmed batch's date
    later_checked: Day
    later_finding: str
    later_sources: tuple[Source, ...]
    years: tuple[tuple[int, Target], ...]  # each year with a batch, oldest first, and its page

    @property
    def total(self) -> int:
        """The confirmed running total."""
        return self.confirmed[-1].confirmed_total

    @property
    def recorded(self) -> int:
        """The confirmed batches' entities named here one by one."""
        return sum(len(b.entities) for b in self.confirmed)


@dataclass(frozen=True, slots=True)
class UflpaFigureView:
    id: str
    period: str  # "FY2023" or "to Mar 3, 2023"
    measure: str
    shipments: str  # "4,016", "about 3,237", "" when not given
    value: str  # "$961 million", "" when not given
    reported: Day
    note: str
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class UflpaFiguresView:
    checked: Day
    note: str
    figures: tuple[UflpaFigureView, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart, in the SVG's own units."""

    x: float
    y: float
    width: float
    height: float
    series: int  # 0, 1: its colour class
    value: int
    label: str  # what a screen reader and the tooltip say: "2020: 9 WROs"


@dataclass(frozen=True, slots=True)
class AxisLabel:
    x: float
    y: float
    text: str
    second_line: str = ""  # under the first ("2022" under "Jun")


@dataclass(frozen=True, slots=True)
class ChartView:
    """A bar chart drawn at build time, with its numbers as a table (`columns`, `rows`)."""

    id: str
    title: str
    summary: str  # one sentence: what the chart shows
    width: int
    height: int
    baseline: float  # y of the x axis
    bars: tuple[Bar, ...]
    x_labels: tuple[AxisLabel, ...]
    y_labels: tuple[AxisLabel, ...]  # gridlines at these heights
    legend: tuple[str, ...]  # one per series; empty for one series
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class ChartsView:
    charts: tuple[ChartView, ...]


@dataclass(frozen=True, slots=True)
class BillRow:
    """A bill in the bills page's overview table."""

    number: str
    target: Target  # its record, on its Congress's page
    title: str
    congress: str  # "117th"
    stage: str  # "Law", "Passed one chamber", "Introduced", "Died with the 116th Congress"
    stage_class: str  # law, passed, introduced, died (for the badge)


@dataclass(frozen=True, slots=True)
class CongressBills:
    congress: str  # "117th"
    years: str  # "2021–2023"
    target: Target  # its page, which holds its bills' records
    rows: tuple[BillRow, ...]


@dataclass(frozen=True, slots=True)
class BillOverviewView:
    checked: Day
    built: Day
    congresses: tuple[CongressBills, ...]  # newest Congress first


def notice(record: Mapping[str, Any]) -> Notice:
    parts = [
        record.get("document_number", "number not found"),
        record.get("citation", ""),
        f"published {format_date(record['published'])}",
    ]
    return Notice(", ".join(p for p in parts if p), record["url"])


def _entity_batches(views: SiteViews) -> list[EntityBatchView]:
    """Every batch, oldest first, with its running total and its entities (made once per build:
    the main page and each year's page show them)."""
    if "entity_batches" not in views.made_once:
        views.made_once["entity_batches"] = _make_entity_batches(views)
    batches: list[EntityBatchView] = views.made_once["entity_batches"]
    return batches


def _entity_view(entity: Mapping[str, Any], entity_sources: dict[Source, int]) -> EntityView:
    """An entity; its sources are numbered in `entity_sources`, its batch's list, as they come."""
    own = sources(entity["sources"])
    for source in own:
        entity_sources.setdefault(source, len(entity_sources) + 1)
    removed = entity.get("removed")
    return EntityView(
        id=entity["id"],
        name=fold(entity["name"]),
        aliases=fold("; ".join(entity.get("aliases", []))),
        sections=", ".join(SECTION_NAMES[s] for s in entity["sections"]),
        inferred=INFERRED_MARKERS.get(tuple(sorted(entity.get("inferred", {}))), ""),
        sector=fold(entity["sector"]),
        location=fold(entity["location"]),
        removed=(
            f"Removed {format_date(removed['date'])} ({notice(removed['notice']).text}). "
            f"{fold(removed.get('note', ''))}".strip()
            if removed
            else ""
        ),
        sources=own,
        source_numbers=", ".join(str(n) for n in sorted({entity_sources[source] for source in own})),
    )


def _make_entity_batches(views: SiteViews) -> list[EntityBatchView]:
    batches, running, confirmed = [], 0, 0
    for batch in views.data.entity_batches:
        reported = batch["status"] == "reported"
        running += batch["count"]
        confirmed += 0 if reported else batch["count"]
        # The entities of a batch mostly share their sources: each is listed once under the
        # batch's table and each entity gives its numbers, which keeps the page light.
        entity_sources: dict[Source, int] = {}
        entities = tuple(_entity_view(entity, entity_sources) for entity in batch.get("entities", []))
        batches.append(
            EntityBatchView(
                id=batch["id"],
                target=views.site.target(ENTITY_YEAR_PAGE.format(year=batch["effective"][:4]), batch["id"]),
                reported=reported,
                effective=day(batch["effective"]),
                notice=notice(batch["notice"]),
                count=batch["count"],
                running_total=running,
                confirmed_total=confirmed,
                total_reported=batch.get("total_reported"),
                sections=", ".join(SECTION_NAMES[s] for s in batch.get("sections", [])),
                note=fold(batch.get("note", "")),
                entities=entities,
                entity_sources=tuple(entity_sources),
                entities_missing=fold(batch.get("entities_missing", "")),
                sources=sources(batch["sources"]),
            )
        )
    return batches


def entity_list_view(views: SiteViews) -> EntityListView:
    """The Entity List's main page: every batch in one table, each linking to its year's page."""
    data = views.data
    batches = _entity_batches(views)
    later = data.entity_list_later_changes
    confirmed = tuple(b for b in batches if not b.reported)
    return EntityListView(
        checked=day(data.entity_list_checked),
        confirmed=confirmed,
        reported=tuple(b for b in batches if b.reported),
        batches=tuple(reversed(batches)),  # newest first
        newest=confirmed[-1].effective,
        later_checked=day(later["date"]),
        later_finding=fold(later["finding"]),
        later_sources=sources(later["sources"]),
        years=tuple(
            (year, views.site.target(ENTITY_YEAR_PAGE.format(year=year)))
            for year in sorted({int(b.effective.iso[:4]) for b in batches})
        ),
    )


def entity_year_view(views: SiteViews, year: int) -> EntityYearView:
    batches = [b for b in _entity_batches(views) if b.effective.iso.startswith(f"{year}-")]
    return EntityYearView(
        views.site.target(ENTITY_LIST_PAGE),
        DHS_LIST_URL,
        tuple(reversed(batches)),
        has_inferred=any(e.inferred for b in batches for e in b.entities),
    )


def shipments_text(figure: Mapping[str, Any]) -> str:
    """A UFLPA figure's shipments as prose gives them, with its qualifier: "more than 12,600"."""
    if "shipments" not in figure:
        return ""
    return f"{QUALIFIERS[figure.get('qualifier', 'exact')]}{figure['shipments']:,}"


def dollars_text(figure: Mapping[str, Any]) -> str:
    """A UFLPA figure's value as prose gives it, with its qualifier: "$3.69 billion"."""
    if "value_usd" not in figure:
        return ""
    value = figure["value_usd"]
    # $3.69 billion, $961 million, $55.6 million: as precise as the sources give them
    amount = (
        f"${value / 1e9:.2f} billion".replace(".00 ", " ")
        if value >= 1e9
        else f"${value / 1e6:,.1f} million".replace(".0 ", " ")
    )
    return f"{QUALIFIERS[figure.get('qualifier', 'exact')]}{amount}"


def _period(figure: Mapping[str, Any]) -> str:
    period = figure["period"]
    if period["kind"] == "fiscal-year":
        return f"FY{period['fiscal_year']}"
    if period["kind"] == "months":
        return f"{format_date(period['from'])} to {format_date(period['through'])}"
    return f"to {format_date(period['through'])}"


def uflpa_figures_view(views: SiteViews) -> UflpaFiguresView:
    data = views.data
    return UflpaFiguresView(
        checked=day(data.uflpa_stats_checked),
        note=fold(data.uflpa_stats_note or ""),
        figures=tuple(
            UflpaFigureView(
                id=f["id"],
                period=_period(f),
                measure=UFLPA_MEASURES.get(f["measure"], f["measure"]),
                shipments=shipments_text(f),
                value=dollars_text(f),
                reported=day(f["reported"]),
                note=fold(f.get("note", "")),
                sources=sources(f["sources"]),
            )
            for f in data.uflpa_figures
        ),
    )


# Chart geometry, in SVG units (the SVG scales to its box; text stays legible down to 390 px).
_CHART_WIDTH, _CHART_HEIGHT = 480, 240
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_TOP, _PLOT_BOTTOM = 44, 8, 10, 34


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if top / step <= 5:
            return step
    return 10 ** len(str(top))


def bar_chart(
    id: str,
    title: str,
    summary: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    unit: Sequence[str],
) -> ChartView:
    """Bars grouped by category, one bar per series; `unit[i]` names series i's unit in the bars' labels."""
    top = max([1] + [v for _, values in series for v in values])
    step = _nice_step(top)
    top = -(-top // step) * step
    plot_width = _CHART_WIDTH - _PLOT_LEFT - _PLOT_RIGHT
    plot_height = _CHART_HEIGHT - _PLOT_TOP - _PLOT_BOTTOM
    baseline = _CHART_HEIGHT - _PLOT_BOTTOM
    slot = plot_width / max(1, len(categories))
    bar_width = slot * 0.7 / len(series)
    bars = []
    for c, category in enumerate(categories):
        for s, (_, values) in enumerate(series):
            height = values[c] / top * plot_height
            bars.append(
                Bar(
                    x=round(_PLOT_LEFT + c * slot + slot * 0.15 + s * bar_width, 1),
                    y=round(baseline - height, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    series=s,
                    value=values[c],
                    label=f"{category}: {values[c]:,} {unit[s]}",
                )
            )
    return ChartView(
        id=id,
        title=title,
        summary=summary,
        width=_CHART_WIDTH,
        height=_CHART_HEIGHT,
        baseline=baseline,
        bars=tuple(bars),
        x_labels=tuple(
            AxisLabel(round(_PLOT_LEFT + (c + 0.5) * slot, 1), baseline + 14, *category.partition(" ")[::2])
            for c, category in enumerate(categories)
        ),
        y_labels=tuple(
            AxisLabel(_PLOT_LEFT - 6, round(baseline - v / top * plot_height, 1), f"{v:,}")
            for v in range(0, top + 1, step)
        ),
        legend=tuple(name for name, _ in series) if len(series) > 1 else (),
        columns=tuple(columns),
        rows=tuple(tuple(row) for row in rows),
    )


def wro_chart(views: SiteViews) -> ChartView:
    by_year: dict[int, list[int]] = {}
    for wro in views.data.wros:
        counts = by_year.setdefault(int(wro["date"][:4]), [0, 0])
        counts[0 if wro["type"] == "WRO" else 1] += 1
    years = list(range(min(by_year), max(by_year) + 1))
    wros = [by_year.get(y, [0, 0])[0] for y in years]
    findings = [by_year.get(y, [0, 0])[1] for y in years]
    return bar_chart(
        "chart-wros",
        "WROs and Findings on this page, by year announced",
        f"{plural(sum(wros), 'WRO')} and {plural(sum(findings), 'Finding')}, {years[0]} to {years[-1]}, as recorded on this page.",
        [str(y) for y in years],
        [("WROs", wros), ("Findings", findings)],
        ("Year", "WROs", "Findings"),
        [(str(y), str(w), str(f)) for y, w, f in zip(years, wros, findings, strict=True)],
        ("WROs", "Findings"),
    )


def entity_list_chart(views: SiteViews) -> ChartView:
    """The running total after each batch; a batch known from reports only is a bar of its own
    colour beside the confirmed total of its day."""
    batches = _entity_batches(views)
    confirmed = [b for b in batches if not b.reported]
    reported = [b for b in batches if b.reported]
    short = [f"{b.effective.text[:3]} {b.effective.iso[:4]}" for b in batches]  # "Jun 2022", on two lines
    series = [("Confirmed", [b.confirmed_total for b in batches])]
    summary = (
        f"From {confirmed[0].count} entities on {confirmed[0].effective.text} to {confirmed[-1].confirmed_total} "
        f"on {confirmed[-1].effective.text}, in {len(confirmed)} notices."
    )
    if reported:
        series.append(("Reported, not confirmed", [b.running_total if b.reported else 0 for b in batches]))
        summary += (
            f" {'A later notice' if len(reported) == 1 else f'{len(reported)} later notices'}, known from reports only,"
            " would bring it to "
            f"{reported[-1].running_total} on {reported[-1].effective.text}."
        )
    return bar_chart(
        "chart-entity-list",
        "UFLPA Entity List: entities listed, running total after each notice",
        summary,
        short,
        series,
        ("Took effect", "Added", "Running total"),
        [
            (f"{b.effective.text} (reported)" if b.reported else b.effective.text, str(b.count), str(b.running_total))
            for b in batches
        ],
        tuple("entities" if name == "Confirmed" else "entities, reported" for name, _ in series),
    )


def uflpa_chart(views: SiteViews) -> ChartView | None:
    """Shipments detained per fiscal year, where a figure is sourced; None when none is."""
    detained = sorted(
        (
            f
            for f in views.data.uflpa_figures
            if f["measure"] == "detained" and f["period"]["kind"] == "fiscal-year" and "shipments" in f
        ),
        key=lambda f: f["period"]["fiscal_year"],
    )
    if not detained:
        return None
    years = [f"FY{f['period']['fiscal_year']}" for f in detained]
    return bar_chart(
        "chart-uflpa",
        "Shipments detained under the UFLPA, by fiscal year",
        "As CBP reported them on the dates in the table; a year still under way when reported is marked “in part”.",
        years,
        [("Detained", [f["shipments"] for f in detained])],
        ("Fiscal year", "Shipments detained", "Reported"),
        [
            (y + (" (in part)" if "in part" in f.get("note", "") else ""), f"{f['shipments']:,}", f["reported"])
            for y, f in zip(years, detained, strict=True)
        ],
        ("shipments",),
    )


def wro_charts(views: SiteViews) -> ChartsView:
    return ChartsView((wro_chart(views),))


def entity_list_charts(views: SiteViews) -> ChartsView:
    uflpa = uflpa_chart(views)
    return ChartsView((entity_list_chart(views),) + ((uflpa,) if uflpa else ()))


BILL_STAGES = {
    "introduced": "Introduced",
    "passed-house": "Passed one chamber",
    "passed-senate": "Passed one chamber",
    "passed-both": "Passed both chambers",
    "enacted": "Law",
}


def bill_overview(views: SiteViews) -> BillOverviewView:
    """Every bill in one table, newest Congress first: its stage, or that it died with its Congress;
    each links to its record on its Congress's page."""
    data = views.data
    by_congress: dict[int, list[BillRow]] = {}
    for bill in data.bills:
        died = died_with_congress(bill, views.today)
        step = bill["status"]["step"]
        by_congress.setdefault(bill["congress"], []).append(
            BillRow(
                number=fold(bill["number"]),
                target=views.bill_target(bill),
                title=fold(bill["title"]),
                congress=ordinal(bill["congress"]),
                stage=died[:1].upper() + died[1:] if died else BILL_STAGES[step],
                stage_class="died" if died else {"enacted": "law", "introduced": "introduced"}.get(step, "passed"),
            )
        )
    return BillOverviewView(
        checked=day(data.bills_checked),
        built=day(views.today.isoformat()),
        congresses=tuple(
            CongressBills(
                ordinal(c),
                "–".join(map(str, congress_years(c))),
                views.site.target(BILL_CONGRESS_PAGE.format(congress=c)),
                tuple(by_congress[c]),
            )
            for c in sorted(by_congress, reverse=True)
        ),
    )
