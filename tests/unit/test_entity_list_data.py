"""The UFLPA Entity List and UFLPA figures: facts checked against the Federal Register notices
and DHS releases cited in data/entity_list.yml, and bad input named by file, entry and field.

The expected numbers below are written from the notices, not from the data: each notice's
summary states how many entries it adds, and DHS's releases give the running totals."""

from __future__ import annotations

from pathlib import Path

import site_record_views
from conftest import FIXTURE_DAY, ROOT, SCHEMA_DIR, data_problems, edit_data
from site_data import load_site_data

DATA = load_site_data(ROOT / "data")
BATCHES = {batch["id"]: batch for batch in DATA.entity_batches}

# Entries each notice adds, from the notice (or, where marked, DHS's release or the reports).
COUNTS_FROM_NOTICES = {
    "2022-16754": 20,  # the first list, republished: "20 entities placed on the original UFLPA Entity List" (NLR)
    "2023-12481": 10,  # "two entities and eight subsidiaries"
    "2023-16361": 3,  # one entity to list (ii); one entity and one subsidiary to list (v)
    "2023-21131": 3,  # DHS release of Sep 26, 2023: three additional companies
    "2023-26984": 3,  # "adds three entities"
    "2024-10544": 26,  # "adds twenty-six entities to the section 2(d)(2)(B)(v) list"
    "2024-12631": 3,  # "adds three entities"
    "2024-17509": 5,  # DHS release of Aug 8, 2024: five entities
    "2024-25423": 3,  # DHS release of Oct 31, 2024: Esquel Group and two subsidiaries, effective Nov 1
    "2025-00901": 37,  # 3 to list (ii) and 35 to list (v), one of them on both: 37 entities
    "2026-15628": 43,  # REPORTED only (third-party reports of DHS's release of Jul 31, 2026): 43 companies
}


def test_each_batch_count_agrees_with_its_notice() -> None:
    by_document = {b["notice"].get("document_number"): b for b in DATA.entity_batches}
    for document, count in COUNTS_FROM_NOTICES.items():
        assert by_document[document]["count"] == count, document


# Each notice's first page in the Federal Register, from the page headers of its printed text
# (Justia, vLex and usregs.ai copies cited in data/entity_list.yml).
CITATIONS_FROM_NOTICES = {
    "2023-12481": "88 FR 38080",
    "2023-16361": "88 FR 50902",
    "2023-21131": "88 FR 66496",
    "2023-26984": "88 FR 85899",
    "2024-10544": "89 FR 43417",
    "2024-12631": "89 FR 49894",
    "2024-17509": "89 FR 65374",
    "2025-00901": "90 FR 3899",
}


def test_each_citation_agrees_with_its_notice() -> None:
    by_document = {b["notice"].get("document_number"): b["notice"] for b in DATA.entity_batches}
    for document, citation in CITATIONS_FROM_NOTICES.items():
        assert by_document[document].get("citation") == citation, document
    # the August 4, 2022 notice that republished the original list (document number from federalregister.gov)
    assert BATCHES["batch-2022-06"]["notice"]["document_number"] == "2022-16754"


def test_batches_announced_in_dhs_releases() -> None:
    # DHS releases: 2 entities on Oct 3, 2024 (total 75); 29 on Nov 25, 2024 (total 107).
    assert BATCHES["batch-2024-10"]["count"] == 2 and BATCHES["batch-2024-10"]["effective"] == "2024-10-03"
    assert BATCHES["batch-2024-11-25"]["count"] == 29 and BATCHES["batch-2024-11-25"]["effective"] == "2024-11-25"


def running_total(through: str) -> int:
    return sum(b["count"] for b in DATA.entity_batches if b["effective"] <= through) - sum(
        1 for _, e in DATA.entities() if "removed" in e and e["removed"]["date"] <= through
    )


def running_total_confirmed(through: str) -> int:
    return sum(b["count"] for b in DATA.entity_batches if b["effective"] <= through and b["status"] == "confirmed")


def test_cumulative_totals_match_dhs() -> None:
    assert running_total("2024-05-17") == 65  # DHS, May 16, 2024
    assert running_total("2024-08-09") == 73  # DHS, Aug 8, 2024
    assert running_total("2024-10-03") == 75  # DHS, Oct 2, 2024
    assert running_total("2024-11-01") == 78  # DHS, Oct 31, 2024
    assert running_total("2024-11-25") == 107  # DHS, Nov 22, 2024
    assert running_total("2025-01-15") == 144  # DHS, Jan 14, 2025


def test_reported_totals_agree_with_the_counts() -> None:
    for batch in DATA.entity_batches:
        if "total_reported" in batch:
            assert running_total(batch["effective"]) == batch["total_reported"], batch["id"]


def test_every_recorded_entity_links_its_notice() -> None:
    assert DATA.entities(), "no entities recorded"
    for batch, entity in DATA.entities():
        notice = batch["notice"]
        if "document_number" in notice:
            assert notice["url"].startswith(("https://www.federalregister.gov/", "https://www.govinfo.gov/")), entity[
                "id"
            ]
            assert notice["document_number"] in notice["url"], entity["id"]
        else:  # the two notices whose number was not found link DHS's release, and say so
            assert batch["id"] in {"batch-2024-10", "batch-2024-11-25"}, entity["id"]
            assert "document number was not found" in batch["note"], batch["id"]


# How many of each batch's new entries each notice's summary (or, where marked, DHS's release or a
# law firm reading the notice) puts on each list; an entity on two lists counts on both. "exact":
# the notice gives the split, so a fully recorded batch must match it; "at most": the split was
# not read, so no list may hold more than the batch's count.
SECTIONS_FROM_NOTICES: dict[str, tuple[str, dict[str, int]]] = {
    "batch-2022-06": ("at most", {"i": 20, "ii": 20, "iv": 20, "v": 20}),  # split by list not read
    "batch-2023-06": ("exact", {"ii": 10}),  # two entities and eight subsidiaries, all on list (ii)
    "batch-2023-08": ("exact", {"ii": 1, "v": 2}),  # one entity on (ii); one entity and one subsidiary on (v)
    "batch-2023-09": ("exact", {"ii": 3}),
    "batch-2023-12": ("exact", {"ii": 3}),
    "batch-2024-05": ("exact", {"v": 26}),  # "adds twenty-six entities to the section 2(d)(2)(B)(v) list"
    "batch-2024-06": ("exact", {"ii": 3}),
    "batch-2024-08": ("at most", {"ii": 5, "v": 5}),  # five entities; the split by list not read
    "batch-2024-10": ("exact", {"ii": 1, "v": 1}),  # DHS release: Baowu Bayi on (ii), Changzhou Guanghui on (v)
    "batch-2024-11-01": ("exact", {"v": 3}),  # all three as sourcing from Xinjiang (ITT on the notice)
    "batch-2024-11-25": ("exact", {"ii": 5, "v": 24}),  # Barnes Richardson: five to (ii); 24 new entries on (v)
    # 3 to (ii) and 1 to both; 35 to (v), two of them listed before (Aksu Huafu, Ashele Copper):
    # new entries 3 + 1 on (ii), 33 + 1 on (v)
    "batch-2025-01": ("exact", {"ii": 4, "v": 34}),
    "batch-2026-08": ("at most", {"i": 43, "ii": 43, "v": 43}),  # reported; no split read
}


def test_recorded_sections_agree_with_the_notices() -> None:
    for batch in DATA.entity_batches:
        if "entities" not in batch:
            continue
        assert batch["id"] in SECTIONS_FROM_NOTICES, f"{batch['id']}: add the notice's section counts to this test"
        kind, expected = SECTIONS_FROM_NOTICES[batch["id"]]
        counted: dict[str, int] = {}
        for entity in batch["entities"]:
            for section in entity["sections"]:
                counted[section] = counted.get(section, 0) + 1
        if kind == "exact" and "entities_missing" not in batch:
            assert counted == expected, batch["id"]
        else:  # partly recorded, or the split not read: no list may hold more than the notice put there
            assert all(n <= expected.get(section, 0) for section, n in counted.items()), batch["id"]


# How many of each batch's entities are named here one by one (checked against the notices,
# releases and law firms' lists cited in the data on 2026-12-05), and why the rest are not.
# The count of each batch is the notice's (COUNTS_FROM_NOTICES), not the number recorded.
NAMED_HERE = {
    "batch-2022-06": 16,  # not named: XPCC and Yili Zhuowan (no reliable source), No. 4 VSETC (name in part), East Hope (no section)
    "batch-2023-06": 10,
    "batch-2023-08": 3,
    "batch-2023-09": 3,
    "batch-2023-12": 3,
    "batch-2024-05": 22,  # not named: three not in any source read, one seen only in part
    "batch-2024-06": 3,
    "batch-2024-08": 5,
    "batch-2024-10": 2,
    "batch-2024-11-01": 3,
    "batch-2024-11-25": 24,  # not named: five seen only in part
    "batch-2025-01": 37,
    "batch-2026-08": 4,  # reported: the reports name four with their list sections
}


def test_each_batch_names_what_the_sources_give_and_says_why_not_the_rest() -> None:
    assert {b["id"]: len(b.get("entities", [])) for b in DATA.entity_batches} == NAMED_HERE
    for batch in DATA.entity_batches:
        named = NAMED_HERE[batch["id"]]
        assert named <= batch["count"], batch["id"]
        # a partly named batch says why, as a clause after "N of the M are not named here:"
        assert ("entities_missing" in batch) == (named < batch["count"]), batch["id"]
        if "entities_missing" in batch:
            reason = batch["entities_missing"]
            assert reason[0].islower() and not reason.endswith("."), batch["id"]
    confirmed = [b for b in DATA.entity_batches if b["status"] == "confirmed"]
    assert sum(NAMED_HERE[b["id"]] for b in confirmed) == 131  # of the 144 listed to Jan 15, 2025


def test_the_2026_addition_is_recorded_as_reported_with_its_sources() -> None:
    batch = BATCHES["batch-2026-08"]
    # As the reports give it: notice 2026-15628, effective Aug 3, 2026 (DHS release of Jul 31, 2026),
    # 43 companies, 187 in all.
    assert batch["status"] == "reported"
    assert (batch["notice"]["document_number"], batch["effective"], batch["count"]) == ("2026-15628", "2026-08-03", 43)
    assert batch["total_reported"] == 187 == running_total("2026-08-03")
    assert running_total_confirmed("2026-12-05") == 144  # the confirmed total leaves it out
    assert any("dhs.gov/news/2026/07/31/" in s["url"] for s in batch["sources"])
    # its sources are the reports (not yet the notice), and each of its entities cites one of them
    report_urls = {s["url"] for s in batch["sources"]}
    assert all({s["url"] for s in e["sources"]} <= report_urls for e in batch["entities"])
    assert [b["id"] for b in DATA.entity_batches if b["status"] == "reported"] == ["batch-2026-08"]


def test_an_inferred_section_or_batch_says_how() -> None:
    inferred = [(b, e) for b, e in DATA.entities() if "inferred" in e]
    assert inferred  # the entities from the appendix of notice 2025-00901 placed by their block
    for batch, entity in inferred:
        assert set(entity["inferred"]) <= {"section", "batch"} and entity["inferred"], entity["id"]
        assert batch["status"] == "confirmed", entity["id"]  # a reported batch is marked as a whole
    # every name placed by its block in the appendix cites that notice
    for _, entity in inferred:
        if "appendix to notice 2025-00901" in entity["inferred"].get("section", ""):
            assert any("2025-00901" in s["url"] for s in entity["sources"]), entity["id"]


def test_recorded_entities_from_the_releases() -> None:
    recorded = {e["id"]: (b["id"], e) for b, e in DATA.entities()}
    assert recorded["xinjiang-shenhuo-coal-electricity"][0] == "batch-2024-06"
    assert recorded["shandong-meijia-group"][1]["aliases"] == ["Rizhao Meijia Group"]
    assert recorded["cofco-sugar-holding"][0] == "batch-2023-12"
    assert recorded["camel-group"][1]["sections"] == ["ii"]  # DHS: works with the Xinjiang government
    assert recorded["chenguang-biotechnology-group-yanqi"][1]["location"] == "Xinjiang, China"
    ninestar = [e for b, e in DATA.entities() if b["id"] == "batch-2023-06" and e["location"].startswith("Zhuhai")]
    assert len(ninestar) == 9  # Ninestar and its eight Zhuhai subsidiaries


def test_recorded_entities_from_the_later_notices() -> None:
    by_batch: dict[str, dict[str, list[str]]] = {}
    for batch, entity in DATA.entities():
        by_batch.setdefault(batch["id"], {})[entity["name"]] = entity["sections"]
    # DHS's release of Oct 2, 2024 and GHY on the notice: one steel maker on (ii), one aspartame maker on (v)
    assert by_batch["batch-2024-10"] == {
        "Baowu Group Xinjiang Bayi Iron and Steel Co., Ltd.": ["ii"],
        "Changzhou Guanghui Food Ingredients Co., Ltd.": ["v"],
    }
    # Barnes Richardson on the November 25, 2024 notice: these five, and only these, went on list (ii)
    list_ii = {name for name, sections in by_batch["batch-2024-11-25"].items() if "ii" in sections}
    assert list_ii == {
        "Xinjiang Nonferrous Metals Industry Group Co., Ltd.",
        "Western Gold Co., Ltd.",
        "Western Gold Hami Gold Mine Co., Ltd.",
        "Western Gold Karamay Hatu Gold Mine Co., Ltd.",
        "Xinjiang Zhonghe Co., Ltd.",
    }
    # The May 2024 notice put all 26 on list (v); Miller & Chevalier's January 2025 table, JA Solar's unit on (v)
    assert set(map(tuple, by_batch["batch-2024-05"].values())) == {("v",)}
    assert by_batch["batch-2025-01"]["Donghai JA Solar Technology Co., Ltd."] == ["v"]
    # Crowell & Moring's table of the original list: both on list (i)
    assert by_batch["batch-2022-06"]["Baoding LYSZD Trade and Business Co., Ltd."] == ["i"]


def test_ids_are_unique_across_batches_and_entities() -> None:
    ids = [b["id"] for b in DATA.entity_batches] + [e["id"] for _, e in DATA.entities()]
    assert len(ids) == len(set(ids))


def test_later_changes_say_what_was_searched_and_when() -> None:
    later = DATA.entity_list_later_changes
    assert later["date"] >= "2026-11-27" and later["result"] in ("none-found", "none-confirmed", "recorded")
    assert later["date"] >= max(b["effective"] for b in DATA.entity_batches)


def test_uflpa_january_2025_split_adds_up_to_the_reviewed_total() -> None:
    figures = {f["id"]: f for f in DATA.uflpa_figures}
    split = sum(figures[f"to-2025-01-{m}"]["shipments"] for m in ("denied", "released", "pending"))
    reviewed = figures["to-2025-01-reviewed"]
    assert reviewed["qualifier"] == "more-than" and split > reviewed["shipments"]  # 12,666 is "more than 12,600"


def test_uflpa_august_2025_totals_from_the_strategy_update() -> None:
    figures = {f["id"]: f for f in DATA.uflpa_figures}
    # The 2025 strategy update (AAEI's summary): 16,755 stopped, worth $3.69 billion; 10,274 denied;
    # 5,783 released. DHS's release rounded them: "more than 16,700", "almost $3.7 billion".
    reviewed = figures["to-2025-08-reviewed"]
    assert (reviewed["shipments"], reviewed["value_usd"]) == (16755, 3_690_000_000)
    assert figures["to-2025-08-denied"]["shipments"] == 10274
    assert figures["to-2025-08-released"]["shipments"] == 5783
    assert reviewed["shipments"] > 16700 and reviewed["value_usd"] < 3_700_000_000


def test_uflpa_running_totals_grow() -> None:
    reviewed = sorted(
        (f["period"]["through"], f["shipments"])
        for f in DATA.uflpa_figures
        if f["period"]["kind"] == "cumulative" and f["measure"] == "reviewed" and "shipments" in f
    )
    assert len(reviewed) >= 3
    assert [count for _, count in reviewed] == sorted(count for _, count in reviewed)


def test_uflpa_fiscal_year_detentions() -> None:
    figures = {f["id"]: f for f in DATA.uflpa_figures}
    # CBP statistics as quoted by Thompson Coburn, Aug 19, 2025
    assert [figures[f"fy{year}-detained"]["shipments"] for year in (2023, 2024, 2025)] == [4016, 4597, 6613]
    assert all(f["sources"] and f["reported"] for f in DATA.uflpa_figures)


def test_uflpa_january_to_september_denials_rose_by_count_and_fell_by_value() -> None:
    # International Trade Today, Oct 31, 2025 (CBP's dashboard): the same nine months of three years
    figures = {f["id"]: f for f in DATA.uflpa_figures}
    months = [figures[f"jan-sep-{year}-denied"] for year in (2023, 2024, 2025)]
    assert [f["shipments"] for f in months] == [1854, 1977, 5806]
    assert [f["value_usd"] for f in months] == [360_000_000, 240_000_000, 55_600_000]
    assert all(f["period"]["kind"] == "months" for f in months)
    assert [(f["period"]["from"][5:], f["period"]["through"][5:]) for f in months] == [("01-01", "09-30")] * 3


def test_a_months_figure_reads_as_its_first_and_last_day(data_dir: Path) -> None:
    figure = {"period": {"kind": "months", "from": "2025-01-01", "through": "2025-09-30"}, "value_usd": 55_600_000}
    assert site_record_views._period(figure) == "Jan 1, 2025 to Sep 30, 2025"
    assert site_record_views.dollars_text(figure) == "$55.6 million"
    assert site_record_views.dollars_text({"value_usd": 240_000_000}) == "$240 million"


# ---- Bad input ---------------------------------------------------------------


def test_schema_error_in_an_entity_names_batch_entity_and_field(data_dir: Path) -> None:
    edit_data(data_dir, "entity_list", lambda d: d["batches"][1]["entities"][0].update({"sections": ["iii"]}))
    [problem] = data_problems(data_dir)
    assert problem.startswith(
        "data/entity_list.yml: entry 'batch-2024-06' (#2), entity 'example-shoes' (#1): field 'sections[0]'"
    )
    assert "expected one of i, ii, iv, v; got 'iii'" in problem


def test_a_batch_cannot_hold_more_entities_than_its_count(data_dir: Path) -> None:
    edit_data(data_dir, "entity_list", lambda d: d["batches"][1].update({"count": 1}))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/entity_list.yml: entry 'batch-2024-06' (#2): field 'count': says 1 but 2 entities are recorded; "
        "a batch cannot hold more than its count"
    )


def test_a_partly_recorded_batch_says_why_the_rest_is_missing(data_dir: Path) -> None:
    edit_data(data_dir, "entity_list", lambda d: d["batches"][1].update({"count": 3}))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/entity_list.yml: entry 'batch-2024-06' (#2): field 'entities_missing': 2 of the 3 entities are "
        "recorded; expected entities_missing to say why the others are not"
    )
    edit_data(data_dir, "entity_list", lambda d: d["batches"][1].update({"entities_missing": "One name unread."}))
    load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=FIXTURE_DAY)  # loads without a problem


def test_a_complete_batch_has_nothing_missing(data_dir: Path) -> None:
    edit_data(data_dir, "entity_list", lambda d: d["batches"][1].update({"entities_missing": "Nothing."}))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/entity_list.yml: entry 'batch-2024-06' (#2): field 'entities_missing': all 2 entities are recorded; "
        "expected no entities_missing"
    )


def test_entity_ids_must_be_unique(data_dir: Path) -> None:
    edit_data(data_dir, "entity_list", lambda d: d["batches"][1]["entities"][1].update({"id": "example-shoes"}))
    [problem] = data_problems(data_dir)
    assert "entity 'example-shoes' (#2): field 'id'" in problem and "already used" in problem


def test_removal_must_follow_the_listing(data_dir: Path) -> None:
    edit_data(
        data_dir, "entity_list", lambda d: d["batches"][1]["entities"][1]["removed"].update({"date": "2024-01-01"})
    )
    [problem] = data_problems(data_dir)
    assert "entity 'example-seafood' (#2): field 'removed.date'" in problem
    assert "after the listing took effect (2024-06-12)" in problem


def test_batch_needs_entities_or_says_why_not(data_dir: Path) -> None:
    edit_data(data_dir, "entity_list", lambda d: d["batches"][0].pop("entities_missing"))
    [problem] = data_problems(data_dir)
    assert problem.startswith("data/entity_list.yml: entry 'batch-2022-06' (#1):")
    assert "either 'entities'" in problem


def test_a_numbered_notice_links_the_federal_register(data_dir: Path) -> None:
    edit_data(
        data_dir, "entity_list", lambda d: d["batches"][1]["notice"].update({"url": "https://example.org/release"})
    )
    [problem] = data_problems(data_dir)
    assert "entry 'batch-2024-06' (#2): field 'notice.url'" in problem and "federalregister.gov" in problem
    # a notice whose number was not found may link a release instead
    edit_data(data_dir, "entity_list", lambda d: d["batches"][1]["notice"].pop("document_number"))
    load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=FIXTURE_DAY)


def test_uflpa_figure_errors_name_the_figure(data_dir: Path) -> None:
    edit_data(data_dir, "uflpa_stats", lambda d: d["figures"][0].update({"measure": "seized"}))
    edit_data(data_dir, "uflpa_stats", lambda d: d["figures"][1]["period"].update({"kind": "fiscal-year"}))
    problems = data_problems(data_dir)
    assert any(
        p.startswith("data/uflpa_stats.yml: entry 'fy2024-detained' (#1): field 'measure': expected one of")
        for p in problems
    ), problems
    assert problems == [p for p in problems if "data/uflpa_stats.yml" in p]


def test_a_months_figure_needs_its_first_and_last_day(data_dir: Path) -> None:
    edit_data(
        data_dir,
        "uflpa_stats",
        lambda d: d["figures"][0].update({"period": {"kind": "months", "through": "2024-09-30"}}),
    )
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/uflpa_stats.yml: entry 'fy2024-detained' (#1): field 'period': expected 'from' and 'through': "
        "a months figure gives its first and last day"
    )
    edit_data(data_dir, "uflpa_stats", lambda d: d["figures"][0]["period"].update({"from": "2024-10-01"}))
    [problem] = data_problems(data_dir)
    assert "field 'period.from': expected a date no later than 'through' (2024-09-30)" in problem
    edit_data(
        data_dir,
        "uflpa_stats",
        lambda d: d["figures"][0].update({"period": {"kind": "cumulative", "from": "2024-01-01"}}),
    )
    [problem] = data_problems(data_dir)
    assert "field 'period.from': is only for months figures (kind: months)" in problem


def test_a_batch_says_whether_it_is_confirmed_or_reported(data_dir: Path) -> None:
    edit_data(data_dir, "entity_list", lambda d: d["batches"][1].pop("status"))
    [problem] = data_problems(data_dir)
    assert problem.startswith("data/entity_list.yml: entry 'batch-2024-06' (#2):") and "'status'" in problem
    edit_data(data_dir, "entity_list", lambda d: d["batches"][1].update({"status": "rumoured"}))
    [problem] = data_problems(data_dir)
    assert problem.endswith("field 'status': expected one of confirmed, reported; got 'rumoured'")


def test_reported_batches_come_after_the_confirmed_ones(data_dir: Path) -> None:
    edit_data(data_dir, "entity_list", lambda d: d["batches"][0].update({"status": "reported"}))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/entity_list.yml: entry 'batch-2024-06' (#2): field 'status': is confirmed but comes after "
        "'batch-2022-06', which is only reported; expected reported batches last (a later notice reprints "
        "the whole list, so it confirms the earlier ones or not)"
    )
    edit_data(data_dir, "entity_list", lambda d: d["batches"][1].update({"status": "reported"}))
    [problem] = data_problems(data_dir)
    assert problem == (
        "data/entity_list.yml: field 'batches': expected at least one confirmed batch: the confirmed total counts them"
    )


def test_an_inference_says_what_was_inferred_and_how(data_dir: Path) -> None:
    edit_data(data_dir, "entity_list", lambda d: d["batches"][1]["entities"][0].update({"inferred": {}}))
    [problem] = data_problems(data_dir)
    assert "entity 'example-shoes' (#1): field 'inferred'" in problem
    edit_data(
        data_dir, "entity_list", lambda d: d["batches"][1]["entities"][0].update({"inferred": {"products": "guess"}})
    )
    [problem] = data_problems(data_dir)
    assert "entity 'example-shoes' (#1): field 'inferred'" in problem
    edit_data(
        data_dir,
        "entity_list",
        lambda d: d["batches"][1]["entities"][0].update({"inferred": {"section": "from its place in the list"}}),
    )
    load_site_data(data_dir, schema_dir=SCHEMA_DIR, today=FIXTURE_DAY)  # loads without a problem
