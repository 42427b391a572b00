"""Timestamps written back (format_datetime, used by every model's to_dict): isoformat()'s text exactly, whichever
way it is made (msgspec's C formatter for datetimes in UTC, isoformat() for the rest)."""

from __future__ import annotations

import datetime

from hypothesis import example, given
from hypothesis import strategies as st
from realtimekit_sessions.types import format_datetime, parse_datetime

UTC = datetime.UTC


@given(st.datetimes(timezones=st.just(UTC)))
@example(datetime.datetime.min.replace(tzinfo=UTC))
@example(datetime.datetime.max.replace(tzinfo=UTC))
@example(datetime.datetime(2023, 2, 1, 10, 51, 8, tzinfo=UTC))
@example(datetime.datetime(2023, 2, 1, 10, 51, 8, 39000, tzinfo=UTC))
@example(datetime.datetime(999, 12, 31, 23, 59, 59, 1, tzinfo=UTC))
@example(datetime.datetime(2023, 2, 1, 1, 0, 0, 0, tzinfo=UTC, fold=1))
def test_a_utc_timestamp_is_written_as_isoformat_writes_it(value: datetime.datetime) -> None:
    assert format_datetime(value) == value.isoformat()


offsets = st.timedeltas(min_value=-datetime.timedelta(hours=23, minutes=59), max_value=datetime.timedelta(hours=23, minutes=59))


@given(st.datetimes(timezones=st.none() | st.builds(datetime.timezone, offsets)))
@example(datetime.datetime(2023, 2, 1, 10, 51, 8, 39000, tzinfo=datetime.timezone(datetime.timedelta(0), "UTC")))
@example(datetime.datetime(2023, 2, 1, 10, 51, 8, tzinfo=datetime.timezone(datetime.timedelta(seconds=3615))))
def test_other_timestamps_are_written_by_isoformat(value: datetime.datetime) -> None:
    assert format_datetime(value) == value.isoformat()


def test_subclasses_and_unreadable_text_are_left_to_themselves() -> None:
    class Stamped(datetime.datetime):
        def isoformat(self, sep: str = "T", timespec: str = "auto") -> str:
            return "my own"

    assert format_datetime(Stamped(2023, 2, 1, tzinfo=UTC)) == "my own"
    assert format_datetime("12:30") == "12:30"
    for text in ("2023-02-01T10:51:08.039Z", "2023-02-01T10:51:08Z", "2023-02-01 10:51:08.5+05:30"):
        parsed = parse_datetime(text)
        assert isinstance(parsed, datetime.datetime)
        assert format_datetime(parsed) == parsed.isoformat()
