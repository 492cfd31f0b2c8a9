"""Load and validate the site's data files (data/*.yml).

The JSON Schemas in data/schema/ are the one description of the data's shape;
this module applies them, adds the checks a schema cannot express (unique ids,
references between files, dates in order) and reports every problem at once,
each naming the file, the entry and the field. No MkDocs import: the build hook
and the tests call it directly, and so can a person:

    python hooks/site_data.py [data-dir] [docs-dir]
"""

from __future__ import annotations

import datetime
import html
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs

from congress_calendar import bill_is_live, congress_end, died_with_congress, ordinal
from site_text import fold, last_name
from site_yaml import UnreadableFile, read_data_file
from us_states import STATE_NAMES, TERRITORIES

# data file stem -> the key of its list of records
LIST_KEYS: dict[str, str] = {
    "levers": "levers",
    "proposals": "proposals",
    "wros": "wros",
    "bills": "bills",
    "glossary": "terms",
    "entity_list": "batches",
    "uflpa_stats": "figures",
    "members": "members",
}

# Fields whose values readers see as labels: the schema lists each value as
# {"const": value, "title": label} under "oneOf", so a value and its label are added together.
# Labels attribute -> (data file stem, the field as messages name it, its place in the schema).
LABELLED_FIELDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "proposal_state": ("proposals", "status.state", ("$defs", "state")),
    "wro_state": (
        "wros",
        "status.state",
        ("properties", "wros", "items", "properties", "status", "properties", "state"),
    ),
    "bill_step": (
        "bills",
        "status.step",
        ("properties", "bills", "items", "properties", "status", "properties", "step"),
    ),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one data file."""

    file: str
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.entry:
            where.append(self.entry)
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{': '.join(where)}: {self.message}"


class DataError(Exception):
    """The data files are not usable; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the data files (nothing was built):\n{lines}")


@dataclass(frozen=True)
class StatusChange:
    """One dated status of one proposal (its history and its current status)."""

    proposal: Mapping[str, Any]
    state: str
    label: str  # what readers see for the state
    date: str
    note: str
    sources: tuple[Mapping[str, str], ...]
    current: bool
    redated_from: tuple[str, ...] = ()  # dates it was published under before a correction

    @property
    def anchor(self) -> str:
        return f"change-{self.proposal['id']}-{self.date}"

    @property
    def former_anchors(self) -> tuple[str, ...]:
        """The anchors it had under its earlier dates: published links to them must keep working."""
        return tuple(f"change-{self.proposal['id']}-{date}" for date in self.redated_from)


@dataclass(frozen=True)
class Labels:
    """What readers see for each state and step, read from the schemas (LABELLED_FIELDS)."""

    proposal_state: Mapping[str, str]
    wro_state: Mapping[str, str]
    bill_step: Mapping[str, str]
    # What each proposal state means (its oneOf entry's "description"), for the punch-list's legend.
    proposal_state_meaning: Mapping[str, str]


# A glossary term glued to one of these is part of a longer word ("pre-WRO", "&amp;WRO").
WORD_BEFORE_TERM = re.compile(r"[\w&#-]")


@dataclass(frozen=True)
class SiteData:
    """Everything the site renders, validated. Records are the YAML mappings."""

    levers: tuple[Mapping[str, Any], ...]
    proposals: tuple[Mapping[str, Any], ...]
    wros: tuple[Mapping[str, Any], ...]
    bills: tuple[Mapping[str, Any], ...]
    glossary: tuple[Mapping[str, Any], ...]
    checked: str  # the date the proposals' statuses were last checked
    wros_checked: str
    bills_checked: str
    labels: Labels
    # The UFLPA Entity List, one batch per Federal Register notice, oldest first (data/entity_list.yml)
    entity_batches: tuple[Mapping[str, Any], ...]
    entity_list_checked: str
    entity_list_later_changes: Mapping[str, Any]  # the search for changes after the newest batch
    # CBP's UFLPA enforcement figures (data/uflpa_stats.yml)
    uflpa_figures: tuple[Mapping[str, Any], ...]
    uflpa_stats_checked: str
    uflpa_stats_note: str | None
    # The members of Congress (data/members.yml), by state, senators first, then by district
    members: tuple[Mapping[str, Any], ...]
    members_checked: str  # the date of the source's newest change to its list
    members_source: Mapping[str, str]

    def entities(self) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
        """(batch, entity) for every recorded entity, in the order of the list's batches."""
        return [(batch, entity) for batch in self.entity_batches for entity in batch.get("entities", [])]

    @cached_property
    def glossary_pattern(self) -> re.Pattern[str] | None:
        """Matches any glossary term, not followed by a word character, in HTML-escaped text
        (built once per build). Whether a word character comes before is for the caller to check
        (WORD_BEFORE_TERM): a lookbehind here makes the scan about three times slower."""
        if not self.glossary:
            return None
        terms = sorted((html.escape(t["term"]) for t in self.glossary), key=len, reverse=True)
        return re.compile(r"(" + "|".join(map(re.escape, terms)) + r")(?![\w-])")

    @cached_property
    def glossary_meanings(self) -> dict[str, str]:
        """Escaped term -> escaped meaning, for tooltips."""
        return {html.escape(t["term"]): html.escape(fold(t["meaning"])) for t in self.glossary}

    def lever(self, lever_id: str) -> Mapping[str, Any]:
        return next(lever for lever in self.levers if lever["id"] == lever_id)

    def lever_for_page(self, src_uri: str) -> Mapping[str, Any] | None:
        return next((lever for lever in self.levers if lever["page"] == src_uri), None)

    def proposals_for(self, lever_id: str) -> list[Mapping[str, Any]]:
        return [p for p in self.proposals if p["lever"] == lever_id]

    def proposal(self, proposal_id: str) -> Mapping[str, Any] | None:
        return self._proposals_by_id.get(proposal_id)

    @cached_property
    def _proposals_by_id(self) -> dict[str, Mapping[str, Any]]:
        return {p["id"]: p for p in self.proposals}

    @cached_property
    def _proposals_by_bill(self) -> dict[str, list[Mapping[str, Any]]]:
        index: dict[str, list[Mapping[str, Any]]] = {}
        for proposal in self.proposals:
            for bill_id in proposal["vehicle"].get("bills", []):
                index.setdefault(bill_id, []).append(proposal)
        return index

    def bill(self, bill_id: str) -> Mapping[str, Any]:
        return self._bills_by_id[bill_id]

    # Indexes, built on first use: lookups stay constant-time however large the data grows.
    @cached_property
    def _bills_by_id(self) -> dict[str, Mapping[str, Any]]:
        return {bill["id"]: bill for bill in self.bills}

    def proposals_citing_bill(self, bill_id: str) -> list[Mapping[str, Any]]:
        return self._proposals_by_bill.get(bill_id, [])

    def checked_dates(self) -> dict[str, str]:
        """Each data file with a `checked` date, and that date (ISO)."""
        return {
            "data/proposals.yml": self.checked,
            "data/wros.yml": self.wros_checked,
            "data/bills.yml": self.bills_checked,
            "data/entity_list.yml": self.entity_list_checked,
            "data/uflpa_stats.yml": self.uflpa_stats_checked,
        }

    def status_changes(self) -> list[StatusChange]:
        """Every dated status of every proposal, newest first."""
        changes = []
        for proposal in self.proposals:
            for earlier in proposal.get("history", []):
                changes.append(_change(proposal, earlier, earlier["date"], self.labels, current=False))
            status = proposal["status"]
            changes.append(_change(proposal, status, status["as_of"], self.labels, current=True))
        # newest first; on the same day, keep the punch-list's order
        order = {p["id"]: i for i, p in enumerate(self.proposals)}
        changes.sort(key=lambda c: order[c.proposal["id"]])
        changes.sort(key=lambda c: c.date, reverse=True)
        return changes


def _change(
    proposal: Mapping[str, Any], entry: Mapping[str, Any], date: str, labels: Labels, *, current: bool
) -> StatusChange:
    return StatusChange(
        proposal=proposal,
        state=entry["state"],
        label=labels.proposal_state[entry["state"]],
        date=date,
        note=entry["note"],
        sources=tuple(entry["sources"]),
        current=current,
        redated_from=tuple(entry.get("redated_from", ())),
    )


def next_step_on(proposal: Mapping[str, Any], today: datetime.date) -> Mapping[str, Any]:
    """The proposal's next step that applies on `today`: the last step written ahead (`later`)
    whose `from` day has come, else the step itself. On Jan 3, 2027 the 119th Congress's bills
    are dead (congress_calendar), so a step from that day already applies."""
    step: Mapping[str, Any] = proposal["next"]
    for later in proposal["next"].get("later", []):
        if later["from"] <= today.isoformat():
            step = later
    return step


# ---- Reading ------------------------------------------------------------------


def _read_yaml(path: Path, label: str) -> tuple[Any, list[Problem]]:
    """A data file's document, or the one problem that stops it from being read."""
    try:
        return read_data_file(path), []
    except UnreadableFile as err:
        return None, [Problem(label, None, None, str(err))]


def load_schemas(schema_dir: Path) -> dict[str, Any]:
    """Each data file's schema with every $ref replaced by what it points to.

    The schema files keep their references (editors follow them); validating against the
    resolved form is several times faster on large data. Keys beside a $ref refine it."""
    files = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in schema_dir.glob("*.schema.json")}

    def resolve(node: Any, base: str) -> Any:
        if isinstance(node, list):
            return [resolve(item, base) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" not in node:
            return {key: resolve(value, base) for key, value in node.items()}
        target_file, _, pointer = node["$ref"].partition("#")
        target_file = target_file or base
        target = files[target_file]
        for part in filter(None, pointer.split("/")):
            target = target[part]
        refined = {key: resolve(value, base) for key, value in node.items() if key != "$ref"}
        return {**resolve(target, target_file), **refined}

    return {stem: resolve(files[f"{stem}.schema.json"], f"{stem}.schema.json") for stem in LIST_KEYS}


# ---- Schema problems, in words ---------------------------------------------


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 70 else text[:67] + "..."


def _allowed_values(schema: Mapping[str, Any] | bool) -> list[Any] | None:
    """The values a labelled field allows (its oneOf consts), or None for any other field."""
    options = schema.get("oneOf") if isinstance(schema, Mapping) else None
    if isinstance(options, list) and options and all(isinstance(o, Mapping) and "const" in o for o in options):
        return [option["const"] for option in options]
    return None


def _expected(schema: Mapping[str, Any] | bool, fallback: str) -> str:
    allowed = _allowed_values(schema)
    if allowed is not None:
        return f"one of {', '.join(map(str, allowed))}"
    if isinstance(schema, Mapping) and schema.get("description"):
        return str(schema["description"])
    return fallback


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
    "number": "a number",
}


def _validator(schema: dict[str, Any]) -> jsonschema_rs.Draft202012Validator:
    # jsonschema-rs: the same checks as the Python jsonschema package, some thirty times faster
    # on large data. Offline: the references are resolved beforehand and nothing is fetched.
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True, offline=True)


def _subschema(schema: Any, schema_path: Iterable[str | int]) -> Any:
    for part in schema_path:
        schema = schema[part]
    return schema


_Kind = jsonschema_rs.ValidationErrorKind  # one subclass per JSON Schema keyword, with its details typed


def _describe(error: jsonschema_rs.ValidationError, root_schema: Mapping[str, Any]) -> tuple[list[str | int], str]:
    """The path of the offending field and a sentence saying what was expected."""
    path = list(error.instance_path)
    kind, value = error.kind, error.instance
    schema = _subschema(root_schema, list(error.schema_path)[:-1])  # where the failed keyword sits
    if isinstance(kind, _Kind.Required):
        sub = schema.get("properties", {}).get(kind.property, {}) if isinstance(schema, Mapping) else {}
        return [*path, kind.property], f"is missing; expected {_expected(sub, 'a value')}"
    if isinstance(kind, _Kind.AdditionalProperties):
        known = sorted(schema.get("properties", {}))
        return (
            path,
            f"has unknown field(s) {', '.join(map(repr, sorted(kind.unexpected)))}; expected only {', '.join(known)}",
        )
    if isinstance(kind, _Kind.Type):
        wanted = " or ".join(kind.types)
        return path, f"expected {_expected(schema, _TYPE_WORDS.get(wanted, wanted))}, got {_shown(value)}"
    if isinstance(kind, _Kind.Enum):
        return path, f"expected one of {', '.join(map(str, kind.options))}; got {_shown(value)}"
    if isinstance(kind, (_Kind.OneOfNotValid, _Kind.OneOfMultipleValid)) and _allowed_values(schema) is not None:
        return path, f"expected {_expected(schema, '')}; got {_shown(value)}"
    if isinstance(kind, _Kind.MaxLength) and isinstance(value, str):  # maxLength applies to texts only
        return path, f"is {len(value)} characters long; at most {kind.limit} allowed"
    if isinstance(kind, _Kind.MinItems) and isinstance(value, list):  # minItems applies to lists only
        return path, f"expected {_expected(schema, f'at least {kind.limit} item(s)')}, got {len(value)} item(s)"
    if isinstance(kind, (_Kind.Minimum, _Kind.Maximum)):
        return path, f"expected {_expected(schema, 'a number in range')}, got {_shown(value)}"
    if isinstance(kind, _Kind.Not):  # a forbidden part (a tracking parameter) may sit at the end: show it all
        return path, f"expected {_expected(schema, error.message)}; got '{value}'"
    if isinstance(kind, _Kind.Format) and kind.format == "date":
        return path, f"expected a real calendar date written YYYY-MM-DD; got {_shown(value)}"
    return path, f"expected {_expected(schema, error.message)}; got {_shown(value)}"


def _schema_problems(label: str, list_key: str, document: Any, schema: dict[str, Any]) -> list[Problem]:
    problems = []
    errors = _validator(schema).iter_errors(document)
    for error in sorted(errors, key=lambda e: [str(p) for p in e.instance_path]):
        path, message = _describe(error, schema)
        entry = None
        if len(path) >= 2 and path[0] == list_key and isinstance(path[1], int):
            record = document[list_key][path[1]]
            entry = _entry_label(record, path[1])
            path = path[2:]
            # a batch's entities are records with ids of their own: name the entity too
            if len(path) >= 2 and path[0] == "entities" and isinstance(path[1], int) and isinstance(record, Mapping):
                entry += f", entity {_entry_label(record[path[0]][path[1]], path[1]).removeprefix('entry ')}"
                path = path[2:]
        problems.append(Problem(label, entry, _field_name(path), message))
    return problems


def _entry_label(record: Any, index: int) -> str:
    record_id = (
        record.get("id") or record.get("term") or record.get("bioguide") if isinstance(record, Mapping) else None
    )
    if isinstance(record_id, str) and record_id.strip():
        return f"entry '{record_id}' (#{index + 1})"
    return f"entry #{index + 1} (no id)"


def _field_name(path: Iterable[str | int]) -> str | None:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or None


# ---- Labels, from the schemas -------------------------------------------------


def read_labels(schemas: Mapping[str, Any]) -> tuple[Labels | None, list[Problem]]:
    """Each labelled field's value -> label, from its schema's oneOf list of {const, title}.
    A value without a title would reach readers with no label: it stops the build instead."""
    found: dict[str, dict[str, str]] = {}
    meanings: dict[str, str] = {}
    problems = []
    for name, (stem, field, place) in LABELLED_FIELDS.items():
        label = f"data/schema/{stem}.schema.json"
        node: Any = schemas[stem]
        for part in place:
            node = node.get(part) if isinstance(node, Mapping) else None
        options = node.get("oneOf") if isinstance(node, Mapping) else None
        if not isinstance(options, list) or not options:
            problems.append(
                Problem(label, None, field, f"expected a 'oneOf' list of {_LABEL_SHAPE} at /{'/'.join(place)}")
            )
            continue
        found[name] = {}
        for option in options:
            value = option.get("const") if isinstance(option, Mapping) else None
            title = option.get("title") if isinstance(option, Mapping) else None
            if not isinstance(value, str):
                problems.append(
                    Problem(
                        label, None, field, f"expected each 'oneOf' entry to be {_LABEL_SHAPE}; got {_shown(option)}"
                    )
                )
            elif not isinstance(title, str) or not title.strip():
                problems.append(
                    Problem(
                        label,
                        None,
                        field,
                        f"the {field.rsplit('.', 1)[-1]} '{value}' (used in data/{stem}.yml) has no label; "
                        f'expected {{"const": "{value}", "title": "<the label readers see>"}}',
                    )
                )
            else:
                found[name][value] = fold(title)
                if name == "proposal_state":
                    meaning = option.get("description")
                    if not isinstance(meaning, str) or not meaning.strip():
                        problems.append(
                            Problem(
                                label,
                                None,
                                field,
                                f"the state '{value}' has no 'description' (what it means, for the punch-list's legend)",
                            )
                        )
                    else:
                        meanings[value] = fold(meaning)
    if problems:
        return None, problems
    return Labels(**found, proposal_state_meaning=meanings), []


_LABEL_SHAPE = '{"const": <value>, "title": <the label readers see>}'


# ---- Checks a schema cannot express ----------------------------------------


def _cross_problems(files: Mapping[str, Any], docs_dir: Path | None, today: datetime.date) -> Iterator[Problem]:
    """Every check a schema cannot express: one per data file, then the references between files."""
    yield from _levers_problems(files["levers"], docs_dir)
    yield from _proposals_problems(files["proposals"], today)
    yield from _wros_problems(files["wros"])
    yield from _bills_problems(files["bills"])
    yield from _searched_problems(files)
    yield from _glossary_problems(files["glossary"])
    yield from _entity_list_problems(files["entity_list"])
    yield from _uflpa_stats_problems(files["uflpa_stats"])
    yield from _members_problems(files["members"], today)
    yield from _reference_problems(files)
    yield from _next_step_problems(files)
    yield from _sponsor_problems(files)


def _duplicate_problems(stem: str, records: Iterable[Mapping[str, Any]], key: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, record in enumerate(records):
        value = record[key]
        if value in seen:
            yield Problem(
                f"data/{stem}.yml",
                _entry_label(record, index),
                key,
                f"'{value}' is already used by entry #{seen[value] + 1}; each {key} must be unique",
            )
        seen.setdefault(value, index)


def _levers_problems(document: Mapping[str, Any], docs_dir: Path | None) -> Iterator[Problem]:
    yield from _duplicate_problems("levers", document["levers"], "id")
    if docs_dir is None:
        return
    for index, lever in enumerate(document["levers"]):
        if not (docs_dir / lever["page"]).is_file():
            yield Problem(
                "data/levers.yml",
                _entry_label(lever, index),
                "page",
                f"expected a page in docs/, but '{lever['page']}' does not exist",
            )


def _proposals_problems(document: Mapping[str, Any], today: datetime.date) -> Iterator[Problem]:
    yield from _duplicate_problems("proposals", document["proposals"], "id")
    label, checked = "data/proposals.yml", document["checked"]
    for index, proposal in enumerate(document["proposals"]):
        where = _entry_label(proposal, index)
        as_of = proposal["status"]["as_of"]
        if as_of > checked:
            yield Problem(label, where, "status.as_of", f"is later than the file's 'checked' date {checked}")
        if as_of > today.isoformat():
            yield Problem(label, where, "status.as_of", f"is in the future ({as_of})")
        seen_dates: set[str] = set()
        for n, earlier in enumerate(proposal.get("history", [])):
            # each dated status is one entry on the changes page and in the feed, with its own anchor
            if earlier["date"] >= as_of:
                yield Problem(
                    label,
                    where,
                    f"history[{n}].date",
                    f"expected a date before the current status ({as_of}); got '{earlier['date']}'",
                )
            elif earlier["date"] in seen_dates:
                yield Problem(
                    label,
                    where,
                    f"history[{n}].date",
                    f"'{earlier['date']}' is already used by another history entry; each date may appear once",
                )
            seen_dates.add(earlier["date"])
        # a corrected date keeps the old one's link: no other entry of the proposal may take it
        entries = [("status", proposal["status"]["as_of"], proposal["status"])]
        entries += [(f"history[{n}]", e["date"], e) for n, e in enumerate(proposal.get("history", []))]
        dates = {date for _, date, _ in entries}
        for field, _, entry in entries:
            for former in entry.get("redated_from", []):
                if former in dates:
                    yield Problem(
                        label,
                        where,
                        f"{field}.redated_from",
                        f"'{former}' is the date of one of this proposal's statuses; expected only dates no entry has now",
                    )
                dates.add(former)


def _wros_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    yield from _duplicate_problems("wros", document["wros"], "id")
    for index, wro in enumerate(document["wros"]):
        where = _entry_label(wro, index)
        if wro.get("order_date", wro["date"]) > wro["date"]:
            yield Problem(
                "data/wros.yml", where, "order_date", f"expected a date no later than the announcement ({wro['date']})"
            )
        if wro["status"]["as_of"] < wro["date"]:
            yield Problem(
                "data/wros.yml",
                where,
                "status.as_of",
                f"expected a date no earlier than the announcement ({wro['date']})",
            )


def _bills_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    yield from _duplicate_problems("bills", document["bills"], "id")
    for index, bill in enumerate(document["bills"]):
        where = _entry_label(bill, index)
        if bill["status"]["date"] < bill["introduced"]:
            yield Problem(
                "data/bills.yml",
                where,
                "status.date",
                f"expected a date no earlier than 'introduced' ({bill['introduced']})",
            )
        enacted = bill["status"]["step"] == "enacted"
        if enacted and "public_law" not in bill:
            yield Problem(
                "data/bills.yml",
                where,
                "public_law",
                "is missing; an enacted bill needs its public law number and signing date",
            )
        if not enacted and "public_law" in bill:
            yield Problem(
                "data/bills.yml", where, "public_law", "is only for enacted bills; expected status.step 'enacted'"
            )


# Records that carry the date they were last searched (`status.searched`): data file stem ->
# the status field holding the date of the record's latest development, as messages name it.
SEARCHED_RECORDS: dict[str, str] = {"proposals": "as_of", "wros": "as_of", "bills": "date"}


def _searched_problems(files: Mapping[str, Any]) -> Iterator[Problem]:
    """A record's search date falls between its latest development and the file's `checked` date
    (the day of the file's last sweep): a search cannot come before what it found, nor after the sweep."""
    for stem, latest_field in SEARCHED_RECORDS.items():
        document, label = files[stem], f"data/{stem}.yml"
        checked = document["checked"]
        for index, record in enumerate(document[LIST_KEYS[stem]]):
            status = record["status"]
            searched, latest = status["searched"], status[latest_field]
            if searched < latest:
                yield Problem(
                    label,
                    _entry_label(record, index),
                    "status.searched",
                    f"expected a date no earlier than the latest development (status.{latest_field} {latest}); got '{searched}'",
                )
            if searched > checked:
                yield Problem(
                    label,
                    _entry_label(record, index),
                    "status.searched",
                    f"is later than the file's 'checked' date {checked}; set 'checked' to the day the sweep ended",
                )


def _glossary_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    yield from _duplicate_problems("glossary", document["terms"], "term")


def _reference_problems(files: Mapping[str, Any]) -> Iterator[Problem]:
    """Ids one file uses that another file must define: a proposal's lever and its bills."""
    lever_ids = {lever["id"] for lever in files["levers"]["levers"]}
    bill_ids = {bill["id"] for bill in files["bills"]["bills"]}
    for index, proposal in enumerate(files["proposals"]["proposals"]):
        label, where = "data/proposals.yml", _entry_label(proposal, index)
        if proposal["lever"] not in lever_ids:
            yield Problem(
                label,
                where,
                "lever",
                f"expected the id of a lever in data/levers.yml ({', '.join(sorted(lever_ids))}); got '{proposal['lever']}'",
            )
        for n, bill_id in enumerate(proposal["vehicle"].get("bills", [])):
            if bill_id not in bill_ids:
                yield Problem(
                    label, where, f"vehicle.bills[{n}]", f"expected the id of a bill in data/bills.yml; got '{bill_id}'"
                )


def _next_step_problems(files: Mapping[str, Any]) -> Iterator[Problem]:
    """Each proposal's next step, and each step written ahead in its `later` list, names bills
    that exist and could still pass on the day it applies (the data's `checked` date; a later
    step's `from` day), and is due for review before a named bill's Congress ends; a step that
    names a bill which dies with its Congress is followed by one that applies from that day at
    the latest. Only those dates are compared, never today's: the calendar alone never fails
    the build."""
    checked = datetime.date.fromisoformat(files["proposals"]["checked"])
    bills = {bill["id"]: bill for bill in files["bills"]["bills"]}
    for index, proposal in enumerate(files["proposals"]["proposals"]):
        where = _entry_label(proposal, index)
        steps = [("next", proposal["next"], checked)]
        previous = checked
        for n, later in enumerate(proposal["next"].get("later", [])):
            field, starts = f"next.later[{n}]", datetime.date.fromisoformat(later["from"])
            if starts <= previous:
                before = "the data's 'checked' date" if n == 0 else "the step before it"
                yield Problem(
                    "data/proposals.yml",
                    where,
                    f"{field}.from",
                    f"expected a date after {before} ({previous}); got '{starts}'",
                )
            previous = max(previous, starts)
            steps.append((field, later, starts))
        for position, (field, step, applies) in enumerate(steps):
            yield from _step_problems(where, field, step, applies, bills)
            yield from _turnover_problems(where, field, step, applies, steps[position + 1 :], bills)
            yield from _ask_problems(where, field, step, applies, bills)


def _step_problems(
    where: str, field: str, step: Mapping[str, Any], applies: datetime.date, bills: Mapping[str, Any]
) -> Iterator[Problem]:
    """One step's review date and bills, judged on the day it applies."""
    label = "data/proposals.yml"
    ahead = field != "next"  # a step written ahead: judged on its own first day
    when = f"the step applies ({applies})" if ahead else f"the data was checked ({applies})"
    review_by = datetime.date.fromisoformat(step["review_by"])
    if review_by <= applies:
        after = f"the day the step applies ({applies})" if ahead else f"the data's 'checked' date ({applies})"
        yield Problem(label, where, f"{field}.review_by", f"expected a date after {after}; got '{review_by}'")
    congresses_due: set[int] = set()  # one review_by complaint per Congress, not per bill
    for n, bill_id in enumerate(step["vehicles"].get("bills", [])):
        bill_field = f"{field}.vehicles.bills[{n}]"
        bill = bills.get(bill_id)
        if bill is None:
            yield Problem(label, where, bill_field, f"expected the id of a bill in data/bills.yml; got '{bill_id}'")
        elif not bill_is_live(bill, applies):
            yield Problem(
                label,
                where,
                bill_field,
                f"bill '{bill_id}' {died_with_congress(bill, applies)} (ended {congress_end(bill['congress']).date()}) "
                f"before {when}; name a bill that can still pass",
            )
        elif (
            bill["status"]["step"] != "enacted"
            and review_by >= congress_end(bill["congress"]).date()
            and bill["congress"] not in congresses_due
        ):
            congresses_due.add(bill["congress"])
            yield Problem(
                label,
                where,
                f"{field}.review_by",
                f"expected a date before the {ordinal(bill['congress'])} Congress ends "
                f"({congress_end(bill['congress']).date()}), when bill '{bill_id}' dies unless enacted; got '{review_by}'",
            )


def _turnover_problems(
    where: str,
    field: str,
    step: Mapping[str, Any],
    applies: datetime.date,
    following: Sequence[tuple[str, Mapping[str, Any], datetime.date]],
    bills: Mapping[str, Any],
) -> Iterator[Problem]:
    """A step that names a bill which dies with its Congress needs a step written ahead that
    replaces it by the day that Congress ends, so no page goes on asking for a dead bill. (A
    bill already dead on the day the step applies is reported by _step_problems.)"""
    seen: set[int] = set()
    for n, bill_id in enumerate(step["vehicles"].get("bills", [])):
        bill = bills.get(bill_id)
        if bill is None or not bill_is_live(bill, applies) or bill["status"]["step"] == "enacted":
            continue
        if bill["congress"] in seen:
            continue
        seen.add(bill["congress"])
        ends = congress_end(bill["congress"]).date()
        if not any(starts <= ends for _field, _step, starts in following):
            yield Problem(
                "data/proposals.yml",
                where,
                f"{field}.vehicles.bills[{n}]",
                f"bill '{bill_id}' dies unless enacted when the {ordinal(bill['congress'])} Congress ends ({ends}); "
                f"expected a step in 'next.later' that applies from {ends} or earlier and says what to ask for then",
            )


# A step's `acts` -> the chambers whose members may be asked: an agency's step is pressed
# through oversight by members of either chamber.
_ASKABLE = {"congress": {"senate", "house", "both"}, "senate": {"senate"}, "house": {"house"}, "agency": {"both"}}


def _ask_problems(
    where: str, field: str, step: Mapping[str, Any], applies: datetime.date, bills: Mapping[str, Any]
) -> Iterator[Problem]:
    """A step's asks go to the chamber that can act (or to both, as oversight of an agency);
    an ask about a bill names it, for its sponsor to be thanked, with what the sponsor is asked."""
    label = "data/proposals.yml"
    askable = set().union(*(_ASKABLE[actor] for actor in step["acts"]))
    for n, ask in enumerate(step["asks"]):
        ask_field = f"{field}.asks[{n}]"
        if ask["to"] not in askable:
            yield Problem(
                label,
                where,
                f"{ask_field}.to",
                f"expected {' or '.join(sorted(askable))} for a step that acts names as {', '.join(step['acts'])}; "
                f"got '{ask['to']}'",
            )
        if "from" in ask and ask["from"] <= applies.isoformat():
            yield Problem(label, where, f"{ask_field}.from", f"expected a date after {applies}; got '{ask['from']}'")
        if ("bill" in ask) != ("sponsor_ask" in ask):
            missing = "sponsor_ask" if "bill" in ask else "bill"
            yield Problem(
                label,
                where,
                f"{ask_field}.{missing}",
                "is missing; an ask about a bill names the bill and says what its sponsor is asked instead",
            )
        if "bill" not in ask:
            continue
        bill = bills.get(ask["bill"])
        if bill is None:
            yield Problem(
                label, where, f"{ask_field}.bill", f"expected the id of a bill in data/bills.yml; got '{ask['bill']}'"
            )
            continue
        chamber = "senate" if bill["number"].startswith("S.") else "house"
        if ask["to"] != chamber:
            yield Problem(
                label,
                where,
                f"{ask_field}.to",
                f"expected '{chamber}': the sponsor of {bill['number']} sits there; got '{ask['to']}'",
            )
        if "sponsor_id" not in bill:
            yield Problem(
                label,
                where,
                f"{ask_field}.bill",
                f"bill '{ask['bill']}' has no sponsor_id in data/bills.yml; add its sponsor's bioguide id",
            )


def _sponsor_problems(files: Mapping[str, Any]) -> Iterator[Problem]:
    """A bill's sponsor_id, when its member still sits, is that member: the same chamber and name."""
    members = {m["bioguide"]: m for m in files["members"]["members"]}
    for index, bill in enumerate(files["bills"]["bills"]):
        member = members.get(bill.get("sponsor_id", ""))
        if member is None:
            continue
        senator = member["role"] == "senator"
        if last_name(member["name"]) not in bill["sponsor"] or bill["sponsor"].startswith("Sen.") != senator:
            yield Problem(
                "data/bills.yml",
                _entry_label(bill, index),
                "sponsor_id",
                f"is {'Sen.' if senator else 'Rep.'} {member['name']} ({member['bioguide']}) in data/members.yml, "
                f"not the sponsor '{bill['sponsor']}'",
            )


def _entity_list_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    """data/entity_list.yml: batches in date order, the reported ones (known from reports only)
    after the confirmed ones, numbered notices linked to the Federal Register, counts that agree
    with the entities recorded (a partly recorded batch says why), entity ids unique across
    batches, and removals after listing."""
    label = "data/entity_list.yml"
    seen_entities: dict[str, str] = {}
    previous = ""
    reported_before = ""  # the first batch known from reports only: every later one must be too
    for index, batch in enumerate(document["batches"]):
        where = _entry_label(batch, index)
        if batch["status"] == "reported":
            reported_before = reported_before or batch["id"]
        elif reported_before:
            yield Problem(
                label,
                where,
                "status",
                f"is confirmed but comes after '{reported_before}', which is only reported; expected reported "
                "batches last (a later notice reprints the whole list, so it confirms the earlier ones or not)",
            )
        if batch["effective"] < previous:
            yield Problem(
                label,
                where,
                "effective",
                f"expected a date no earlier than the batch before ({previous}); batches go oldest first",
            )
        previous = max(previous, batch["effective"])
        if "document_number" in batch["notice"] and not re.match(
            r"https://(www\.)?(federalregister\.gov|govinfo\.gov)/", batch["notice"]["url"]
        ):
            yield Problem(
                label,
                where,
                "notice.url",
                "a notice with a document_number must link its official text on federalregister.gov or govinfo.gov",
            )
        entities = batch.get("entities")
        if entities is None:
            continue
        if len(entities) > batch["count"]:
            yield Problem(
                label,
                where,
                "count",
                f"says {batch['count']} but {len(entities)} entities are recorded; a batch cannot hold more than its count",
            )
        elif len(entities) < batch["count"] and "entities_missing" not in batch:
            yield Problem(
                label,
                where,
                "entities_missing",
                f"{len(entities)} of the {batch['count']} entities are recorded; "
                "expected entities_missing to say why the others are not",
            )
        elif len(entities) == batch["count"] and "entities_missing" in batch:
            yield Problem(
                label,
                where,
                "entities_missing",
                f"all {batch['count']} entities are recorded; expected no entities_missing",
            )
        for n, entity in enumerate(entities):
            entity_where = f"{where}, entity {_entry_label(entity, n).removeprefix('entry ')}"
            if entity["id"] in seen_entities:
                yield Problem(
                    label,
                    entity_where,
                    "id",
                    f"'{entity['id']}' is already used in {seen_entities[entity['id']]}; each entity id must be unique",
                )
            seen_entities.setdefault(entity["id"], f"batch '{batch['id']}'")
            if "sections" in batch and not set(entity["sections"]) <= set(batch["sections"]):
                yield Problem(
                    label,
                    entity_where,
                    "sections",
                    f"expected only the batch's sections ({', '.join(batch['sections'])})",
                )
            removed = entity.get("removed")
            if removed and removed["date"] <= batch["effective"]:
                yield Problem(
                    label,
                    entity_where,
                    "removed.date",
                    f"expected a date after the listing took effect ({batch['effective']})",
                )
    batch_ids = {batch["id"] for batch in document["batches"]}
    for entity_id, batch_where in seen_entities.items():
        if entity_id in batch_ids:
            yield Problem(
                label,
                None,
                "id",
                f"'{entity_id}' is both a batch id and an entity id in {batch_where}; anchors must be unique",
            )
    if all(batch["status"] == "reported" for batch in document["batches"]):
        yield Problem(label, None, "batches", "expected at least one confirmed batch: the confirmed total counts them")
    if document["later_changes_checked"]["date"] < previous:
        yield Problem(
            label, None, "later_changes_checked.date", f"expected a date no earlier than the newest batch ({previous})"
        )


def _uflpa_stats_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    """data/uflpa_stats.yml: a fiscal-year figure names its year; a cumulative one says through when;
    a months figure gives its first and last day."""
    label = "data/uflpa_stats.yml"
    for index, figure in enumerate(document["figures"]):
        where, period = _entry_label(figure, index), figure["period"]
        if period["kind"] == "fiscal-year" and "fiscal_year" not in period:
            yield Problem(label, where, "period.fiscal_year", "is missing; a fiscal-year figure needs its fiscal year")
        if period["kind"] == "cumulative" and "fiscal_year" in period:
            yield Problem(
                label,
                where,
                "period.fiscal_year",
                "is only for fiscal-year figures; a cumulative figure gives 'through'",
            )
        if period["kind"] == "months" and not ("from" in period and "through" in period):
            yield Problem(
                label, where, "period", "expected 'from' and 'through': a months figure gives its first and last day"
            )
        if period["kind"] != "months" and "from" in period:
            yield Problem(label, where, "period.from", "is only for months figures (kind: months)")
        if period["kind"] == "months" and "fiscal_year" in period:
            yield Problem(
                label,
                where,
                "period.fiscal_year",
                "is only for fiscal-year figures; a months figure gives 'from' and 'through'",
            )
        if period.get("from", "") > period.get("through", "9999"):
            yield Problem(
                label, where, "period.from", f"expected a date no later than 'through' ({period.get('through')})"
            )
        if period.get("through", figure["reported"]) > figure["reported"]:
            yield Problem(
                label, where, "period.through", f"expected a date no later than 'reported' ({figure['reported']})"
            )


def _members_problems(document: Mapping[str, Any], today: datetime.date) -> Iterator[Problem]:
    """data/members.yml: each member once, in a seat that exists: two senators per state and none
    for DC or a territory; one member per House district, an at-large seat alone in its state;
    a delegate (a resident commissioner for Puerto Rico) where there are no senators. Its
    `checked` date is its source's date and not in the future."""
    label, checked = "data/members.yml", document["checked"]
    if checked > today.isoformat():
        yield Problem(label, None, "checked", f"is in the future ({checked})")
    if document["source"].get("date") != checked:
        yield Problem(label, None, "source.date", f"expected the source's date to be the 'checked' date ({checked})")
    seen: dict[str, int] = {}
    senators: dict[str, int] = {}
    seats: dict[tuple[str, int], str] = {}
    for index, member in enumerate(document["members"]):
        where, state, role = _entry_label(member, index), member["state"], member["role"]
        if member["bioguide"] in seen:
            yield Problem(
                label, where, "bioguide", f"is already used by entry #{seen[member['bioguide']] + 1}; each member once"
            )
        seen.setdefault(member["bioguide"], index)
        if state not in STATE_NAMES:
            yield Problem(label, where, "state", f"expected the postal code of a state or territory; got '{state}'")
            continue
        territory = state in TERRITORIES
        if role == "senator":
            if "district" in member:
                yield Problem(label, where, "district", "is only for members of the House; a senator has none")
            if territory:
                yield Problem(label, where, "role", f"{STATE_NAMES[state]} has no senators; expected delegate")
            senators[state] = senators.get(state, 0) + 1
            if senators[state] == 3:
                yield Problem(label, where, "state", f"is a third senator for {state}; a state has two")
            continue
        expected_role = ("resident-commissioner" if state == "PR" else "delegate") if territory else "representative"
        if role != expected_role:
            yield Problem(label, where, "role", f"expected {expected_role} for a member of the House from {state}")
        if "district" not in member:
            yield Problem(label, where, "district", "is missing; expected the district number, 0 for an at-large seat")
            continue
        if territory and member["district"] != 0:
            yield Problem(label, where, "district", f"expected 0: {STATE_NAMES[state]} elects one member at large")
        seat = (state, member["district"])
        if seat in seats:
            yield Problem(label, where, "district", f"{state} district {seat[1]} is already held by {seats[seat]}")
        seats.setdefault(seat, member["bioguide"])
    at_large = {state for state, district in seats if district == 0}
    for state, district in sorted(seats):
        if state in at_large and district != 0:
            yield Problem(
                label,
                None,
                "district",
                f"{state} has an at-large seat and a district {district}; expected one or the other",
            )


# ---- Entry point ------------------------------------------------------------


def load_site_data(
    data_dir: Path,
    *,
    docs_dir: Path | None = None,
    schema_dir: Path | None = None,
    today: datetime.date | None = None,
) -> SiteData:
    """Read every data file, validate it, and return it; raise DataError listing every problem.

    `schema_dir` defaults to data_dir/schema; `docs_dir`, when given, is checked for the lever pages."""
    schemas = load_schemas(schema_dir or data_dir / "schema")
    labels, problems = read_labels(schemas)
    if labels is None:
        raise DataError(problems)

    files: dict[str, Any] = {}
    for stem, list_key in LIST_KEYS.items():
        label = f"data/{stem}.yml"
        document, read_problems = _read_yaml(data_dir / f"{stem}.yml", label)
        problems += read_problems
        if not read_problems:
            problems += _schema_problems(label, list_key, document, schemas[stem])
            files[stem] = document
    if problems:
        raise DataError(problems)

    problems = list(_cross_problems(files, docs_dir, today or datetime.date.today()))
    if problems:
        raise DataError(problems)

    bills = tuple(files["bills"]["bills"])
    return SiteData(
        levers=tuple(files["levers"]["levers"]),
        proposals=tuple(files["proposals"]["proposals"]),
        wros=tuple(sorted(files["wros"]["wros"], key=lambda w: (w["date"], w["id"]))),
        bills=bills,
        glossary=tuple(files["glossary"]["terms"]),
        checked=files["proposals"]["checked"],
        wros_checked=files["wros"]["checked"],
        bills_checked=files["bills"]["checked"],
        labels=labels,
        entity_batches=tuple(files["entity_list"]["batches"]),
        entity_list_checked=files["entity_list"]["checked"],
        entity_list_later_changes=files["entity_list"]["later_changes_checked"],
        uflpa_figures=tuple(files["uflpa_stats"]["figures"]),
        uflpa_stats_checked=files["uflpa_stats"]["checked"],
        uflpa_stats_note=files["uflpa_stats"].get("note"),
        members=tuple(files["members"]["members"]),
        members_checked=files["members"]["checked"],
        members_source=files["members"]["source"],
    )


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    data_dir = Path(argv[0]) if argv else root / "data"
    docs_dir = Path(argv[1]) if len(argv) > 1 else root / "docs"
    try:
        data = load_site_data(data_dir, docs_dir=docs_dir)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    print(
        f"data OK: {len(data.proposals)} proposals, {len(data.wros)} WROs and Findings, "
        f"{len(data.bills)} bills, {len(data.glossary)} glossary terms, "
        f"{len(data.entity_batches)} Entity List batches ({len(data.entities())} entities recorded), "
        f"{len(data.uflpa_figures)} UFLPA figures, {len(data.members)} members of Congress"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
