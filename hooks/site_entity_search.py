""" "Is this company listed?": the search box on the Entity List page and the names it searches.

The box (`<!-- data:entity-search -->`, entity_search.html) is plain markup, hidden until
docs/assets/site.js shows it: the script fetches the names file only when the reader uses the
box, so a first visit does not grow, and matches as the reader types. How a name is compared
(case, punctuation and company suffixes such as Co., Ltd. or Group ignored) is decided in one
place, the script; this module only writes what it searches: every recorded entity's name and
aliases, where its entry is, and when it was added. Without JavaScript the box stays hidden and
the year pages list every recorded entity.

No MkDocs import: the hook adds the names file to the build and the renderer the box.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from site_text import ENTITY_NAMES_FILE, ENTITY_YEAR_PAGE, fold, format_date, relative_url
from site_views import SiteViews, Target

DHS_LIST = "https://www.dhs.gov/uflpa-entity-list"  # the official list, which a miss points to


@dataclass(frozen=True, slots=True)
class EntitySearchView:
    names: Target  # the names file the script fetches
    recorded: int  # entities named on the year pages, each searchable by name and aliases
    dhs_list: str
    id: str = "entity-search"  # the box's anchor; its field, hint and results are "<id>-query" and so on

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.id, *(f"{self.id}-{part}" for part in ("query", "hint", "results")))


def entity_search_view(views: SiteViews) -> EntitySearchView:
    return EntitySearchView(Target(ENTITY_NAMES_FILE), len(views.data.entities()), DHS_LIST)


def entity_names_json(views: SiteViews) -> str:
    """Every recorded entity, in the list's order: its name, its aliases, its entry's address
    relative to the names file (the script resolves it there), when its batch took effect, and
    whether that batch is only reported or the entity was removed since."""
    entries = []
    for batch, entity in views.data.entities():
        entry = views.site.target(ENTITY_YEAR_PAGE.format(year=batch["effective"][:4]), entity["id"])
        removed = entity.get("removed")
        entries.append(
            {
                "name": fold(entity["name"]),
                "aliases": [fold(alias) for alias in entity.get("aliases", [])],
                "url": f"{relative_url(entry.url, ENTITY_NAMES_FILE)}#{entry.anchor}",
                "added": format_date(batch["effective"]),
                # A batch known from reports only (the data's `status`, where it has one).
                "reported": batch.get("status") == "reported",
                "removed": format_date(removed["date"]) if removed else "",
            }
        )
    # One entity per line: small, and a diff of two builds shows which entries changed.
    lines = ",\n".join(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) for entry in entries)
    return f'{{"recorded":{len(entries)},"entities":[\n{lines}\n]}}\n'
