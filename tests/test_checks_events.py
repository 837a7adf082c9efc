"""Series across reports that name their event and reports that do not (checks/series.py
``join_unnamed_events``), in ``audit`` and in the pre-commit ``check`` against an archive."""

from __future__ import annotations

import json

from conftest import audit_json, run_cli

QUAKE = "AFAD said {n} people had been killed in Turkey by the earthquake."
PLAIN = "AFAD said the number of people killed in Turkey had risen to {n}."
HEAT = "A heatwave has killed at least 1,180 people in Spain this summer, the health ministry said."
FLOOD = "Flash floods in eastern Spain have killed at least 95 people, the health ministry said."
SPAIN = "The death toll in Spain has risen to 60, the health ministry said."


def _docs(corpus, *bodies: tuple[str, str]):  # type: ignore[no-untyped-def]
    return corpus({f"{i}.md": f"---\ndate: {day}\n---\n{body}\n" for i, (day, body) in enumerate(bodies)})


def test_a_report_naming_no_event_meets_the_one_event_its_series_is_named_for(corpus) -> None:
    root = _docs(corpus, ("2023-02-08", QUAKE.format(n="9,057")), ("2023-02-09", PLAIN.format(n="17,134")),
                 ("2023-02-10", PLAIN.format(n="8,574")))
    data, _ = audit_json(root)
    [finding] = data["findings"]
    wrong = next(c for c in data["claims"] if c["id"] == finding["claims"][0])
    assert (finding["rule"], wrong["text"], wrong["definition"]) == ("casualties/cumulative-decrease", "8,574", None)
    assert "cumulative earthquake death toll in Turkey" in finding["message"]  # the event its series is named for


def test_a_report_naming_no_event_stays_apart_where_two_events_share_its_series(corpus) -> None:
    root = _docs(corpus, ("2025-08-10", HEAT), ("2025-10-30", FLOOD), ("2025-11-02", SPAIN))
    data, code = audit_json(root)
    assert (data["findings"], code) == ([], 0)


def test_the_pre_commit_check_meets_archive_reports_that_name_the_event(cms) -> None:
    cms("world/feb08.md", "2023-02-08", QUAKE.format(n="9,057"))
    cms("world/feb09.md", "2023-02-09", QUAKE.format(n="17,134"))
    draft = cms("world/feb10.md", "2023-02-10", PLAIN.format(n="8,574"))
    result = run_cli("check", draft, "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [f["rule"] for f in report["findings"]] == ["casualties/cumulative-decrease"]


def test_the_storm_of_a_report_that_gives_no_name_is_the_one_named_storm_of_its_series(corpus) -> None:
    root = _docs(
        corpus,
        ("2024-10-10", "Hurricane Milton has killed at least 10 people in Florida, Governor Ron DeSantis said."),
        ("2024-10-11", "The storm's death toll in Florida has risen to 6, Governor Ron DeSantis said."),
        ("2024-10-12", "Hurricane Milton has killed at least 16 people in Florida, Governor Ron DeSantis said."),
    )
    data, _ = audit_json(root)
    [finding] = data["findings"]
    wrong = next(c for c in data["claims"] if c["id"] == finding["claims"][0])
    assert (wrong["text"], wrong["definition"]) == ("6", "storm")
    assert "cumulative Storm Milton death toll in Florida" in finding["message"]


def test_the_storm_of_a_report_that_gives_no_name_stays_apart_where_two_named_storms_share_its_series(corpus) -> None:
    root = _docs(
        corpus,
        ("2024-09-30", "Hurricane Helene has killed at least 20 people in Florida, Governor Ron DeSantis said."),
        ("2024-10-10", "Hurricane Milton has killed at least 10 people in Florida, Governor Ron DeSantis said."),
        ("2024-10-11", "The storm's death toll in Florida has risen to 6, Governor Ron DeSantis said."),
    )
    data, code = audit_json(root)
    assert (data["findings"], code) == ([], 0)
