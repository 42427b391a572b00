"""The export's overlapped fetches (realtimekit_sessions_cli.export.overlapped): order kept, at most
`concurrency` in flight and held, a failure raised in its turn after the items before it are written."""

from __future__ import annotations

import threading
import time

import pytest
from realtimekit_sessions_cli.export import overlapped


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.most_running = 0
        self.taken = 0
        self.written: list[int] = []

    def items(self, count: int):  # type: ignore[no-untyped-def]
        for item in range(count):
            with self.lock:
                self.taken += 1
                # Items are taken from the page walk only as room opens: never more than written + in flight.
                assert self.taken - len(self.written) <= 4
            yield item

    def fetch(self, item: int) -> str:
        with self.lock:
            self.running += 1
            self.most_running = max(self.most_running, self.running)
        time.sleep(0.01 * (item % 3))  # finishing out of order
        with self.lock:
            self.running -= 1
        if item == 13:
            raise KeyboardInterrupt
        return f"result {item}"

    def write(self, item: int, result: str) -> None:
        assert result == f"result {item}"
        self.written.append(item)


def test_every_item_is_written_in_order_with_bounded_overlap() -> None:
    recorder = Recorder()
    overlapped(recorder.items(12), recorder.fetch, recorder.write, concurrency=4)
    assert recorder.written == list(range(12))
    assert 1 < recorder.most_running <= 4


def test_a_failing_fetch_is_raised_after_the_items_before_it_are_written() -> None:
    recorder = Recorder()
    with pytest.raises(KeyboardInterrupt):
        overlapped(recorder.items(40), recorder.fetch, recorder.write, concurrency=4)
    assert recorder.written == list(range(13))


def test_concurrency_one_is_one_call_at_a_time() -> None:
    recorder = Recorder()
    overlapped(recorder.items(5), recorder.fetch, recorder.write, concurrency=1)
    assert recorder.written == list(range(5)) and recorder.most_running == 1
