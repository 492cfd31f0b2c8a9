""" "Is this company listed?": the names file the Entity List page's search box fetches, and the box.

How names are compared (case, punctuation, company suffixes) is decided in docs/assets/site.js
alone and tested in the browser (tests/browser/test_entity_search.py); here, what it searches:
every recorded entity with its aliases and the address of its entry."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURE_DATA, SCHEMA_DIR
from site_data import load_site_data
from site_entity_search import DHS_LIST, entity_names_json
from site_views import SiteMap, SiteViews
from test_records import html_of
from test_site_render import PAGES, SITE, parse


@pytest.fixture
def data():
    return load_site_data(FIXTURE_DATA, schema_dir=SCHEMA_DIR)


def names(data) -> dict:
    return json.loads(entity_names_json(SiteViews(data, SiteMap(PAGES, SITE))))


def test_the_names_file_holds_every_recorded_entity_with_its_aliases_and_entry(data) -> None:
    written = names(data)
    entities = data.entities()
    assert written["recorded"] == len(entities) == len(written["entities"]) == 2
    for (batch, entity), entry in zip(entities, written["entities"], strict=True):
        assert entry["name"] == entity["name"]
        assert entry["aliases"] == entity.get("aliases", [])
        # relative to the names file (entity-list/names.json): the entity's row on its batch's year page
        assert entry["url"] == f"{batch['effective'][:4]}/#{entity['id']}"
        assert entry["added"] == "Jun 12, 2024"
    shoes, seafood = written["entities"]
    assert shoes["aliases"] == ["Example Shoe Industry Co."]
    assert (shoes["removed"], seafood["removed"]) == ("", "Jan 15, 2025")
    assert not shoes["reported"]


def test_the_box_is_labelled_hidden_until_the_script_shows_it_and_points_a_miss_to_dhs(data) -> None:
    fragment = html_of(data, "<!-- data:entity-search -->")
    tags = parse(fragment).tags
    box = next(attrs for tag, attrs in tags if tag == "div" and "entity-search" in (attrs.get("class") or ""))
    assert "hidden" in box and box["role"] == "search"
    assert box["data-names"] == "../entity-list/names.json"  # from the Entity List page
    label = next(attrs for tag, attrs in tags if tag == "label")
    field = next(attrs for tag, attrs in tags if tag == "input")
    assert label["for"] == field["id"] and field["type"] == "search"
    assert ("div", {"class": "entity-search__status", "role": "status"}) in tags
    assert any(tag == "a" and attrs.get("href") == DHS_LIST for tag, attrs in tags)
    text = " ".join("".join(parse(fragment).text).split())
    assert "This site names 2 entities" in text
