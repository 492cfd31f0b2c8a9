"""Rebuild data/members.yml from the congress-legislators project: `make refresh-members` (needs a network).

The project (https://github.com/unitedstates/congress-legislators, public domain under CC0) keeps
`legislators-current.yaml`, every sitting senator, representative, delegate and resident
commissioner with their terms. This command asks GitHub for the newest commit that changed that
file, reads the file as of that commit, and writes data/members.yml from each member's current
(last) term. The file's `checked` date is that commit's date: the list is as current as the
project's last change to it, never newer.

    python hooks/members_refresh.py                      # from GitHub (needs a network)
    python hooks/members_refresh.py --file legislators-current.yaml --commit SHA --date YYYY-MM-DD

Not part of the build or of `make test` (the build works offline): the conversion is tested
offline against a small fixture, and the weekly currency workflow runs the command and proposes
any change as a pull request. No MkDocs import.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from us_states import STATE_NAMES, TERRITORIES

REPOSITORY = "unitedstates/congress-legislators"
SOURCE_FILE = "legislators-current.yaml"
# The newest commit that changed the file (GitHub's REST API, no token needed for one request).
NEWEST_COMMIT_URL = f"https://api.github.com/repos/{REPOSITORY}/commits?path={SOURCE_FILE}&per_page=1"
RAW_URL = f"https://raw.githubusercontent.com/{REPOSITORY}/{{commit}}/{SOURCE_FILE}"
BLOB_URL = f"https://github.com/{REPOSITORY}/blob/{{commit}}/{SOURCE_FILE}"
USER_AGENT = "punch-list-members-refresh/1 (rebuilds a list of members of Congress)"
TIMEOUT_SECONDS = 60.0
MAX_SOURCE_BYTES = 8 * 1024 * 1024  # the file is about 1 MB

HEADER = """\
# yaml-language-server: $schema=schema/members.schema.json
# The members of Congress, one entry per sitting senator, representative, delegate and resident
# commissioner. Written by `make refresh-members` from the congress-legislators project
# (public domain, CC0): edit by hand only to correct an error, and say so in the commit.
# `checked` is the date of the project's newest change to its list, not the day this was run.
"""

_PHONE = re.compile(r"^[0-9]{3}-[0-9]{3}-[0-9]{4}$")
_HTTPS = re.compile(r"^https://[^\s<>\"'`]+$")


class RefreshError(Exception):
    """The source could not be read or is not what was expected."""


@dataclass(frozen=True)
class Snapshot:
    """The source file as of one commit."""

    text: str
    commit: str  # 40 hex digits
    date: str  # the commit's date, YYYY-MM-DD (UTC)


def _role(term: Mapping[str, Any]) -> str:
    if term["type"] == "sen":
        return "senator"
    if term["state"] == "PR":
        return "resident-commissioner"
    return "delegate" if term["state"] in TERRITORIES else "representative"


def _name(person: Mapping[str, Any]) -> str:
    name = person["name"]
    return str(name.get("official_full") or f"{name['first']} {name['last']}")


def member_record(person: Mapping[str, Any], warn: Callable[[str], None]) -> dict[str, Any]:
    """One member as data/members.yml holds them, from the person's last (current) term.
    A phone number or address that is not in the expected form is left out, with a warning."""
    term = person["terms"][-1]
    bioguide = person["id"]["bioguide"]
    record: dict[str, Any] = {"bioguide": bioguide, "name": _name(person), "role": _role(term), "state": term["state"]}
    if term["type"] == "rep":
        record["district"] = int(term["district"])
    record["party"] = term["party"]
    if term.get("phone"):
        if _PHONE.match(term["phone"]):
            record["phone"] = term["phone"]
        else:
            warn(f"{bioguide} ({record['name']}): phone {term['phone']!r} left out (expected 202-224-3121)")
    for field, key in (("website", "url"), ("contact_form", "contact_form")):
        address = term.get(key)
        if not address:
            continue
        if _HTTPS.match(address):
            record[field] = address
        else:
            warn(f"{bioguide} ({record['name']}): {key} {address!r} left out (not an https:// address)")
    record["term_end"] = term["end"]
    if term.get("how") == "appointment":
        record["appointed"] = True
    return record


def _sort_key(record: Mapping[str, Any]) -> tuple[str, int, int, str]:
    # By state; its senators first, then its House seats by district.
    senate = record["role"] == "senator"
    return (record["state"], 0 if senate else 1, record.get("district", 0), record["name"])


def members_yaml(people: Sequence[Mapping[str, Any]], snapshot: Snapshot, warn: Callable[[str], None]) -> str:
    """data/members.yml for the people of legislators-current.yaml as of `snapshot`."""
    records = []
    for person in people:
        state = person["terms"][-1]["state"]
        if state not in STATE_NAMES:
            raise RefreshError(f"{person['id']['bioguide']}: unknown state or territory {state!r}")
        records.append(member_record(person, warn))
    records.sort(key=_sort_key)
    source = {
        "title": f"congress-legislators project, {SOURCE_FILE} as of commit {snapshot.commit[:7]}",
        "url": BLOB_URL.format(commit=snapshot.commit),
        "date": snapshot.date,
    }
    lines = [HEADER.rstrip("\n"), f"checked: {snapshot.date}", "source:"]
    lines += [f"  {key}: {_scalar(value)}" for key, value in source.items()]
    lines.append("members:")
    for record in records:
        first = True
        for key, value in record.items():
            lines.append(f"{'  - ' if first else '    '}{key}: {_scalar(value)}")
            first = False
    return "\n".join(lines) + "\n"


_PLAIN = re.compile(r"[A-Za-z][\w .,'/:?=&%~+-]*")  # text YAML reads back as the same text, unquoted
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def _scalar(value: Any) -> str:
    """A YAML scalar: numbers, true, dates, phone numbers and plain words as they are; other text
    as a JSON string (which YAML reads as a double-quoted string)."""
    if value is True or isinstance(value, int):
        return json.dumps(value)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{3}-[0-9]{3}-[0-9]{4}", value):
        return str(value)
    plain = _PLAIN.fullmatch(value) and ": " not in value and " #" not in value and not value.endswith(":")
    if plain and value.lower() not in _YAML_WORDS:
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def read_people(text: str) -> list[Mapping[str, Any]]:
    """The list of people in legislators-current.yaml, checked for the fields the conversion needs."""
    try:
        people = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as err:
        raise RefreshError(f"{SOURCE_FILE} is not readable YAML: {err}") from None
    if not isinstance(people, list) or not people:
        raise RefreshError(f"{SOURCE_FILE}: expected a list of people")
    for index, person in enumerate(people):
        try:
            term = person["terms"][-1]
            person["id"]["bioguide"], term["type"], term["state"], term["party"], term["end"]
            if term["type"] == "rep":
                int(term["district"])
        except (KeyError, IndexError, TypeError, ValueError):
            raise RefreshError(
                f"{SOURCE_FILE}: person #{index + 1} lacks a bioguide id or a last term with type, state, "
                "party, end (and district, for the House)"
            ) from None
    return people


# ---- From GitHub -------------------------------------------------------------------------


def _get(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        body: bytes = response.read(MAX_SOURCE_BYTES + 1)
    if len(body) > MAX_SOURCE_BYTES:
        raise RefreshError(f"{url}: larger than {MAX_SOURCE_BYTES} bytes")
    return body


def newest_snapshot(get: Callable[[str], bytes] = _get) -> Snapshot:
    """The source file as of the newest commit that changed it, and that commit's date."""
    try:
        commits = json.loads(get(NEWEST_COMMIT_URL))
        commit = commits[0]["sha"]
        committed = commits[0]["commit"]["committer"]["date"]  # e.g. 2026-06-15T19:26:56Z
    except (ValueError, KeyError, IndexError, TypeError):
        raise RefreshError(f"{NEWEST_COMMIT_URL}: expected a list of commits with sha and date") from None
    if not re.fullmatch(r"[0-9a-f]{40}", str(commit)):
        raise RefreshError(f"{NEWEST_COMMIT_URL}: {commit!r} is not a commit id")
    date = datetime.datetime.fromisoformat(str(committed).replace("Z", "+00:00")).astimezone(datetime.UTC).date()
    return Snapshot(get(RAW_URL.format(commit=commit)).decode("utf-8"), commit, date.isoformat())


def refresh(target: Path, snapshot: Snapshot, warn: Callable[[str], None]) -> bool:
    """Write `target` from `snapshot`; True when its content changed."""
    text = members_yaml(read_people(snapshot.text), snapshot, warn)
    old = target.read_text(encoding="utf-8") if target.exists() else None
    if old == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description="Rebuild data/members.yml from the congress-legislators project.")
    parser.add_argument("--out", type=Path, default=root / "data" / "members.yml")
    parser.add_argument("--file", type=Path, help=f"a local copy of {SOURCE_FILE} (offline; give --commit and --date)")
    parser.add_argument("--commit", help="the commit the local copy is from (40 hex digits)")
    parser.add_argument("--date", help="that commit's date, YYYY-MM-DD")
    args = parser.parse_args(argv)
    try:
        if args.file:
            if not (args.commit and re.fullmatch(r"[0-9a-f]{40}", args.commit) and args.date):
                parser.error("--file needs --commit (40 hex digits) and --date")
            datetime.date.fromisoformat(args.date)
            snapshot = Snapshot(args.file.read_text(encoding="utf-8"), args.commit, args.date)
        else:
            snapshot = newest_snapshot()
        changed = refresh(args.out, snapshot, _warn)
    except (RefreshError, OSError, ValueError) as err:
        print(f"members not refreshed: {err}", file=sys.stderr)
        return 2
    print(
        f"{args.out.name} {'rewritten' if changed else 'unchanged'} from {REPOSITORY} at {snapshot.commit[:7]} ({snapshot.date})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
