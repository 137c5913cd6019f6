"""Interval: factories, str(), contains, intersection, scaling and validation."""

from __future__ import annotations

from decimal import Decimal as D

import attrs
import pytest

from figtrack.model import Interval


@pytest.mark.parametrize(
    ("interval", "fields", "text"),
    [
        (Interval.point(D(5)), (D(5), D(5), True, True), "[5, 5]"),
        (Interval.closed(D(1), D(2)), (D(1), D(2), True, True), "[1, 2]"),
        (Interval.open(D(1), D(2)), (D(1), D(2), False, False), "(1, 2)"),
        (Interval.greater(D(10)), (D(10), None, False, None), "(10, +inf)"),
        (Interval.at_least(D(10)), (D(10), None, True, None), "[10, +inf)"),
        (Interval.less(D(3)), (None, D(3), None, False), "(-inf, 3)"),
        (Interval.at_most(D(3)), (None, D(3), None, True), "(-inf, 3]"),
        (Interval.everything(), (None, None, None, None), "(-inf, +inf)"),
        (Interval.closed(D("0.5"), D("1.25")), (D("0.5"), D("1.25"), True, True), "[0.5, 1.25]"),
        (Interval(D(1), D(2), True, False), (D(1), D(2), True, False), "[1, 2)"),
    ],
)
def test_factories_and_str(interval: Interval, fields: tuple[object, ...], text: str) -> None:
    """Each factory sets the bounds and closures it names; str() writes interval notation."""
    assert (interval.low, interval.high, interval.low_closed, interval.high_closed) == fields
    assert str(interval) == text


@pytest.mark.parametrize(
    ("low", "high", "low_closed", "high_closed"),
    [
        (D(1), D(2), None, True),  # finite low without closure
        (D(1), D(2), True, None),  # finite high without closure
        (None, D(2), True, True),  # closure on an unbounded low
        (D(1), None, True, False),  # closure on an unbounded high
        (None, None, False, None),
    ],
)
def test_bad_closure_flags_raise(
    low: D | None, high: D | None, low_closed: bool | None, high_closed: bool | None
) -> None:
    """A closure flag must be set exactly when its bound is finite."""
    with pytest.raises(ValueError, match="closed"):
        Interval(low, high, low_closed, high_closed)


def test_frozen() -> None:
    """Intervals are immutable and hashable, with value equality."""
    iv = Interval.closed(D(1), D(2))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        iv.low = D(0)  # type: ignore[misc]
    assert iv == Interval(D(1), D(2), True, True)
    assert len({iv, Interval.closed(D(1), D(2))}) == 1


@pytest.mark.parametrize(
    ("interval", "inside", "outside"),
    [
        (Interval.point(D(5)), [D(5), D("5.0")], [D("4.999"), D("5.001")]),
        (Interval.closed(D(1), D(2)), [D(1), D("1.5"), D(2)], [D("0.99"), D("2.01")]),
        (Interval.open(D(1), D(2)), [D("1.01"), D("1.99")], [D(1), D(2)]),
        (Interval.greater(D(10000)), [D(10001), D("1e12")], [D(10000), D(0)]),
        (Interval.at_least(D(10000)), [D(10000), D("1e12")], [D(9999)]),
        (Interval.less(D(3)), [D("2.9"), D(-100)], [D(3), D(4)]),
        (Interval.at_most(D(3)), [D(3), D(-100)], [D("3.0001")]),
        (Interval.everything(), [D(0), D("-1e30"), D("1e30")], []),
    ],
)
def test_contains(interval: Interval, inside: list[D], outside: list[D]) -> None:
    """contains() honours each bound and whether it is closed."""
    assert all(interval.contains(x) for x in inside)
    assert not any(interval.contains(x) for x in outside)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            Interval.greater(D(10000)),
            Interval.closed(D(11000), D(12000)),
            Interval.closed(D(11000), D(12000)),
        ),
        (Interval.at_least(D(10000)), Interval.closed(D(5000), D(10000)), Interval.point(D(10000))),
        (
            Interval.greater(D(10000)),
            Interval.closed(D(5000), D(10000)),
            Interval(D(10000), D(10000), False, True),
        ),
        (Interval.at_least(D(1)), Interval.greater(D(1)), Interval.greater(D(1))),
        (Interval.at_most(D(5)), Interval.less(D(5)), Interval.less(D(5))),
        (Interval.greater(D(1)), Interval.less(D(5)), Interval.open(D(1), D(5))),
        (Interval.everything(), Interval.at_most(D(3)), Interval.at_most(D(3))),
        (
            Interval.closed(D(1), D(2)),
            Interval.closed(D(3), D(4)),
            Interval(D(3), D(2), True, True),
        ),
    ],
)
def test_intersection(a: Interval, b: Interval, expected: Interval) -> None:
    """intersection() takes the tighter bound on each side, open winning over closed."""
    assert a.intersection(b) == expected
    assert b.intersection(a) == expected


@pytest.mark.parametrize(
    ("interval", "empty"),
    [
        (Interval.point(D(1)), False),
        (Interval(D(1), D(1), True, False), True),
        (Interval(D(1), D(1), False, True), True),
        (Interval.open(D(1), D(1)), True),
        (Interval.closed(D(2), D(1)), True),
        (Interval.open(D(1), D("1.0001")), False),
        (Interval.greater(D(10**12)), False),
        (Interval.everything(), False),
    ],
)
def test_is_empty(interval: Interval, empty: bool) -> None:
    """is_empty: low above high, or equal bounds not both closed."""
    assert interval.is_empty is empty


def test_disjoint_figures_do_not_agree() -> None:
    """ "over 10,000" and "between 5,000 and 10,000" share no number."""
    assert Interval.greater(D(10000)).intersection(Interval.closed(D(5000), D(10000))).is_empty


@pytest.mark.parametrize(
    ("interval", "is_point"),
    [
        (Interval.point(D(3)), True),
        (Interval.closed(D(3), D("3.00")), True),
        (Interval.closed(D(3), D(4)), False),
        (Interval(D(3), D(3), False, False), False),
        (Interval.at_least(D(3)), False),
        (Interval.everything(), False),
    ],
)
def test_is_point(interval: Interval, is_point: bool) -> None:
    """is_point holds for exactly one number."""
    assert interval.is_point is is_point


def test_shifted() -> None:
    """shifted() adds the offset to both bounds and keeps the closures and open ends."""
    assert Interval.closed(D(3), D(4)).shifted(D("0.5")) == Interval.closed(D("3.5"), D("4.5"))
    assert Interval.greater(D(2)).shifted(D(-1)) == Interval.greater(D(1))
    assert Interval.everything().shifted(D(7)) == Interval.everything()


def test_scaled() -> None:
    """scaled() multiplies both bounds and keeps the closures; it refuses factor <= 0."""
    assert Interval.closed(D(11), D(12)).scaled(D(1000)) == Interval.closed(D(11000), D(12000))
    assert Interval.greater(D("1.5")).scaled(D(10**6)) == Interval.greater(D(1500000))
    assert Interval.everything().scaled(D(2)) == Interval.everything()
    for bad in (D(0), D(-1)):
        with pytest.raises(ValueError, match="positive"):
            Interval.point(D(1)).scaled(bad)
