"""Background work off the GUI thread, with the result delivered back on it.

Modelled on Anki's `aqt/operations` (`QueryOp` / `CollectionOp`): a callable runs on a
single worker thread, and its result or its exception comes back to the GUI thread
through a queued signal, where the caller's `on_success` / `on_failure` run.  One worker
means database writes (and later PDF rendering, whose library keeps module-level state)
never run two at a time, and a database that is locked by another workstation for a few
seconds freezes nothing.

    tasks.run(lambda: services.cases.register(draft=draft, by=name),
              on_success=self._saved, on_failure=self._save_failed)

A callable that reports progress takes one argument, a `report(done, total)` function;
ask for it with `with_progress=True` and handle `on_progress`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Progress = Callable[[int, int], None]


class Task(QObject):
    """One piece of work.  Its public signals are always emitted on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    finished = Signal()

    # Emitted on the worker thread; queued to the slots below because this object
    # lives on the GUI thread.  (No `bool` argument: PySide6 6.x loses a reference to
    # True/False on each queued bool, which crashes Python 3.11 at exit.)
    _succeeded = Signal(object)
    _failed = Signal(object)
    _progress = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.result: Any = None
        self.error: BaseException | None = None
        self.is_finished = False
        self._succeeded.connect(self._deliver_result)
        self._failed.connect(self._deliver_error)
        self._progress.connect(self._deliver_progress)

    @Slot(object)
    def _deliver_result(self, value: object) -> None:
        self.is_finished = True
        self.result = value
        self.succeeded.emit(value)
        self.finished.emit()

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        self.is_finished = True
        self.error = error  # type: ignore[assignment]
        self.failed.emit(error)
        self.finished.emit()

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Callable[..., object], with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._work = work
        self._with_progress = with_progress

    def run(self) -> None:
        task = self._task
        try:
            if self._with_progress:
                result = self._work(task._progress.emit)
            else:
                result = self._work()
        except BaseException as error:  # every failure goes back to the GUI thread
            task._failed.emit(error)
        else:
            task._succeeded.emit(result)


class TaskRunner(QObject):
    """Runs callables one at a time on a single worker thread."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        on_unhandled: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: set[Task] = set()
        self._writing: set[Task] = set()
        # Called for a failure whose caller gave no `on_failure` (a bug, as a rule).
        self._on_unhandled = on_unhandled

    def run(
        self,
        work: Callable[..., object],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Progress | None = None,
        with_progress: bool = False,
        writes: bool = True,
    ) -> Task:
        """Queue `work`; `writes=False` marks a read that closing the window need not
        wait for (a count, a search), unlike a save."""
        task = Task(self)
        self._running.add(task)
        if writes:
            self._writing.add(task)
        if on_success is not None:
            task.succeeded.connect(on_success)
        if on_failure is not None:
            task.failed.connect(on_failure)
        elif self._on_unhandled is not None:
            task.failed.connect(self._on_unhandled)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        task.finished.connect(lambda: self._forget(task))
        self._pool.start(_Runnable(task, work, with_progress or on_progress is not None))
        return task

    def _forget(self, task: Task) -> None:
        self._running.discard(task)
        self._writing.discard(task)
        task.deleteLater()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    @property
    def busy_writing(self) -> bool:
        """A save is under way: the window must not close before it is committed."""
        return bool(self._writing)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (at shutdown); queued results are not delivered.

        Waits in short sleeps rather than in one `QThreadPool.waitForDone`, which holds
        the GIL while it blocks: a worker still running Python (opening the services at
        start-up, say) could then never finish, and the program would hang on exit.
        """
        deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
        while not self._pool.waitForDone(0):
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.005)
        return True
