"""Findings on two ECB+ events the comparison issue names (read from the shared folder).

The Healdsburg quake depth (1.2 miles in four outlets, 12 miles in one) must be a
conflict; the 2004 tsunami tolls (170,000 in the province, some 230,000 around the Indian
Ocean) must not, because their scopes differ. No corpus text is kept here.
"""

from __future__ import annotations

from pathlib import Path

import cross_source
import findings
import pytest


@pytest.fixture(scope="module")
def located(shared: Path) -> list[findings.Located]:
    """The shared findings of the two ECB+ clusters."""
    wanted = {findings.HEALDSBURG[0], findings.TSUNAMI[0]}
    clusters = cross_source.by_cluster(
        r for r in cross_source.iter_records("ecbplus", shared) if r.get("cluster") in wanted
    )
    assert set(clusters) == wanted
    out: list[findings.Located] = []
    for cluster, records in clusters.items():
        out.extend(findings.cluster_findings("ecbplus", cluster, records))
    return out


def test_known_cases(located: list[findings.Located]) -> None:
    """Healdsburg depth: conflict; tsunami tolls: no conflict."""
    cases = findings.known_cases(located)
    assert all(cases.values()), cases


def test_healdsburg_conflict_names_the_gap(located: list[findings.Located]) -> None:
    """The depth conflict pairs a 1.2-mile report with the 12-mile one, 10.8 miles apart."""
    (depth,) = [
        x.finding
        for x in located
        if x.finding.status == "conflict" and any(c.surface == "12 miles" for c in x.finding.claims)
    ]
    assert depth.measure == "mile"
    assert {str(p.gap) for p in depth.conflicts} == {"10.8"}
    assert sum(c.surface == "1.2 miles" for c in depth.claims) == 4
