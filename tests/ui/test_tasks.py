"""The background task runner: work off the GUI thread, results back on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication


def test_result_comes_back_on_the_gui_thread(qtbot, tasks):
    seen = {}

    def work():
        seen["worker"] = threading.get_ident()
        return 42

    def success(value):
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() is QApplication.instance().thread()

    with qtbot.waitSignal(tasks.run(work, on_success=success).finished, timeout=5000):
        pass
    assert seen["value"] == 42
    assert seen["on_gui"]
    assert seen["worker"] != threading.get_ident()


def test_exception_goes_to_on_failure(qtbot, tasks):
    failures = []

    def work():
        raise ValueError("boom")

    tasks.run(work, on_success=lambda _: None, on_failure=failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], ValueError)
    assert str(failures[0]) == "boom"


def test_progress_and_one_job_at_a_time(qtbot, tasks):
    progress: list[tuple[int, int]] = []
    order: list[str] = []
    running = threading.Semaphore(1)

    def job(name):
        def work(report):
            assert running.acquire(blocking=False), "two jobs ran at once"
            try:
                for step in range(3):
                    report(step + 1, 3)
                order.append(name)
            finally:
                running.release()
            return name

        return work

    results: list[str] = []
    tasks.run(job("a"), on_success=results.append, on_progress=lambda d, t: progress.append((d, t)))
    tasks.run(job("b"), on_success=results.append, with_progress=True)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    assert results == ["a", "b"] == order
    assert progress == [(1, 3), (2, 3), (3, 3)]
    assert not tasks.busy



def test_a_running_read_does_not_hold_the_window_open(qtbot, tasks):
    """Closing (or quitting) while only a count runs must not be refused; a save must."""
    release = threading.Event()
    done: list[object] = []
    tasks.run(lambda: release.wait() and "read", on_success=done.append, writes=False)
    assert tasks.busy and not tasks.busy_writing
    release.set()
    qtbot.waitUntil(lambda: done == ["read"], timeout=5000)
    hold = threading.Event()
    tasks.run(lambda: hold.wait() and "saved", on_success=done.append)
    assert tasks.busy_writing
    hold.set()
    qtbot.waitUntil(lambda: done == ["read", "saved"], timeout=5000)
    assert not tasks.busy_writing
