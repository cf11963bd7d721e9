"""The demo's worker processes (`mediation-desk demo`), startable before anything heavy.

This module imports the standard library alone, so that the command line can start the
workers first thing: they import the demo's batches module (the rules; no SQLAlchemy) in
their own processes while this one imports SQLAlchemy and brings the database to head.
The batches, and how the workers write them, are `services.demo_batches`'s.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import time
from concurrent.futures import ProcessPoolExecutor

BATCH = 5_000  # cases per batch
WORKERS = 2  # the machines this runs on have two cores or more; more workers gain little


class Workers:
    """Two spawned worker processes when there are enough batches to pay for starting
    them (spawned, never forked: the GUI may call this from a thread); else none, and
    the batches are made in this process.  Each worker writes the batches it makes into
    the file being built, taking turns in batch order (`turn`, and `next`: the next
    batch's index, or -1 once one has failed)."""

    def __init__(self, batches: int) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self.exiting: list[multiprocessing.process.BaseProcess] = []  # see let_go
        workers = min(WORKERS, os.cpu_count() or 1)
        if batches < 4 or workers < 2:
            return
        context = multiprocessing.get_context("spawn")
        self.turn = context.Condition()
        self.next = context.Value("i", 0, lock=False)
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                        initializer=_start, initargs=(self.turn, self.next))
        for _ in range(workers):
            self.pool.submit(_ready)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind, error, traceback) -> None:  # type: ignore[no-untyped-def]
        if error is None:
            self.let_go()
            self.wait()
        else:
            self.stop()

    def let_go(self) -> None:
        """Every batch is done: the workers are told to exit, and exit in the background.
        (Ending a worker frees its heap and modules, half a second or so, which the
        caller spends finishing the file meanwhile.)  `wait` waits for them."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        self.exiting = _processes_of(pool)
        pool.shutdown(wait=False)

    def wait(self, timeout: float | None = None) -> None:
        """Until the workers told to exit (`let_go`) have exited, and closed the file;
        any still running after `timeout` seconds are ended."""
        # A process's sentinel is ready once it has ended (its pipe is closed on exit).
        pending = {process.sentinel: process for process in self.exiting}
        deadline = None if timeout is None else time.monotonic() + timeout
        while pending:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready = multiprocessing.connection.wait(list(pending), left)
            if not ready:
                for process in pending.values():
                    process.terminate()
                for process in pending.values():
                    process.join()
                break
            for sentinel in ready:
                del pending[sentinel]
        self.exiting = []  # only now: an interrupted wait leaves them to `stop`

    def stop(self) -> None:
        """End the workers at once and wait until they have exited: after an error or an
        interruption, no worker of this run may go on writing, or live on to write into
        a file of the next run."""
        pool, self.pool = self.pool, None
        if pool is None:
            self.wait(timeout=30)  # they were let go: exiting already
            return
        # First take the turn away, so that a worker making a batch cannot write it.  (A
        # worker writing holds the lock for one batch; one that died holding it must not
        # keep this process waiting.)
        if self.turn.acquire(timeout=30):
            try:
                self.next.value = -1
                self.turn.notify_all()
            finally:
                self.turn.release()
        for process in _processes_of(pool):
            process.terminate()
        # Cancels the batches not started and joins the processes.
        pool.shutdown(wait=True, cancel_futures=True)


def start(cases: int, batch_size: int = BATCH) -> Workers:
    """The workers for a demo of `cases` cases, started now."""
    return Workers(len(batch_bounds(cases, batch_size)))


def batch_bounds(cases: int, batch_size: int = BATCH) -> list[tuple[int, int]]:
    """Where each batch of a demo of `cases` cases begins and ends (case offsets).

    Batches take turns to be written, in order.  At the start both workers make a batch
    at once and the second then waits for the first one's turn; at the end one worker is
    alone with the last batch (the most recent cases, the slowest to make).  So where
    there are batches enough, the first one and the last two are half the size: both
    waits are halved.  The others share what is left evenly (sizes differ by one at most)."""
    if cases < 4 * batch_size or batch_size < 2:
        return [(begin, min(begin + batch_size, cases)) for begin in range(0, cases, batch_size)]
    half = batch_size // 2
    tail = cases - 2 * half  # where the last two begin
    middle = -(-(tail - half) // batch_size)  # how many batches between
    size, longer = divmod(tail - half, middle)  # the first `longer` have one case more
    bounds, begin = [(0, half)], half
    for n in range(middle):
        end = begin + size + (n < longer)
        bounds.append((begin, end))
        begin = end
    return [*bounds, (tail, tail + half), (tail + half, cases)]


def _processes_of(pool: ProcessPoolExecutor) -> list[multiprocessing.process.BaseProcess]:
    """The pool's worker processes.  ProcessPoolExecutor has no public way to end its
    workers before Python 3.14 (`terminate_workers`); its `_processes` map (pid to
    process) has been there since 3.2."""
    processes = getattr(pool, "_processes", None) or {}
    return list(processes.values())


def _start(turn, next_batch) -> None:  # type: ignore[no-untyped-def]
    """A worker's start-up: the batches module's imports (no SQLAlchemy), and the turn it
    writes by."""
    from mediation_desk.services import demo_batches

    demo_batches.worker_started(turn, next_batch)


def _ready() -> None:
    """Run first by each worker, so that it starts (and imports) at once."""
