"""The figures the pages' prose quotes from the data (`{{ name }}`): each is the data's own value,
written as prose writes it, and an unknown name stops the build naming the page."""

from __future__ import annotations

import pytest

from conftest import FIXTURE_DATA, SCHEMA_DIR
from site_data import SiteData, load_site_data
from site_figures import ProseFigures, UnknownFigure
from site_render import MarkerError, render_page_markdown


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)


@pytest.fixture(scope="module")
def figures(data: SiteData) -> ProseFigures:
    return ProseFigures(data)


def test_counts_come_from_the_records(data: SiteData, figures: ProseFigures) -> None:
    assert figures.text("proposals.count") == str(len(data.proposals)) == "2"
    assert figures.text("proposals.customs.count") == "1"
    assert figures.text("wros.count") == str(len(data.wros))
    # the fixture's Entity List: 20 in June 2022, then 2 in June 2024
    assert figures.text("entity-list.total") == "22"
    assert figures.text("entity-list.batch-2024-06.count") == "2"


def test_the_entity_list_total_on_a_day_counts_the_batches_in_effect_by_then(figures: ProseFigures) -> None:
    assert figures.text("entity-list.total-on.2022-06-20") == "0"
    assert figures.text("entity-list.total-on.2022-06-21") == "20"
    assert figures.text("entity-list.total-on.2024-06-11") == "20"
    assert figures.text("entity-list.total-on.2024-06-12") == "22"
    with pytest.raises(UnknownFigure):
        figures.text("entity-list.total-on.2024-02-30")  # no such day


def test_uflpa_figures_keep_their_qualifier_and_period(figures: ProseFigures) -> None:
    assert figures.text("uflpa.fy2024-detained.shipments") == "4,597"
    assert figures.text("uflpa.to-2025-01-reviewed.shipments") == "more than 12,600"
    assert figures.text("uflpa.to-2025-01-reviewed.value") == "more than $3.67 billion"
    assert figures.text("uflpa.to-2025-01-reviewed.through") == "Jan 14, 2025"
    with pytest.raises(UnknownFigure):
        figures.text("uflpa.fy2024-detained.value")  # that figure has no value


def test_checked_dates_read_as_people_say_them(figures: ProseFigures) -> None:
    assert figures.text("proposals.checked") == "Nov 27, 2026"
    assert figures.text("uflpa.checked") == "Nov 27, 2026"


def test_small_counts_can_be_written_in_words(figures: ProseFigures) -> None:
    page = "{{ proposals.count | Words }} steps; {{ proposals.count|words }} of them; {{ entity-list.total | words }} entities."
    assert figures.fill(page, "docs/x.md") == "Two steps; two of them; 22 entities."
    with pytest.raises(UnknownFigure, match="names no figure"):
        figures.fill("{{ proposals.checked | words }}", "docs/x.md")  # a date has no words


def test_a_page_gets_its_figures_and_an_unknown_name_stops_the_build(data: SiteData, figures: ProseFigures) -> None:
    markdown = render_page_markdown(
        "# T\n\nThe list had {{ entity-list.total }} entities.\n", data, "wros.md", figures=figures
    )
    assert "The list had 22 entities." in markdown
    with pytest.raises(MarkerError, match=r"docs/wros\.md: '\{\{ entity-list\.totl \}\}' names no figure in the data"):
        render_page_markdown("{{ entity-list.totl }}", data, "wros.md", figures=figures)


@pytest.mark.parametrize(
    "asked", ["{{ Entity-List.total }}", "{{ entity list total }}", "{{}}", "{{ proposals.count | upper }}"]
)
def test_anything_in_double_braces_must_name_a_figure(figures: ProseFigures, asked: str) -> None:
    with pytest.raises(UnknownFigure, match="names no figure"):
        figures.fill(f"Text {asked} more text.", "docs/x.md")
    assert figures.fill("A { brace } stays as it is.", "docs/x.md") == "A { brace } stays as it is."
