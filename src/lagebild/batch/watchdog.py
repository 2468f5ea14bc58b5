"""A time budget per document in batch jobs.

:func:`deadline` arms a one-shot ``SIGALRM`` timer; when it fires, :class:`Expired` is
raised at the next Python instruction wherever the analysis is. ``Expired`` derives from
``BaseException`` on purpose: the pipeline's own ``except Exception`` (which retries a batch
one article at a time) must not swallow it. The guards of :mod:`lagebild.nlp.guard` keep
every single call into compiled code short, so the signal is seen promptly.

Signals reach only the main thread of a process; elsewhere (and with a budget of 0, or on
a platform without ``setitimer``) the deadline is not enforced. Process-pool workers and
PySpark's Python workers run tasks on their main thread.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Expired(BaseException):
    """The budget ran out (internal; callers turn it into DocumentTimeoutError)."""


def _raise(signum, frame) -> None:  # noqa: ARG001 - signal handler signature
    raise Expired()


def enforceable(seconds: float) -> bool:
    return seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`Expired` inside the block once ``seconds`` have passed."""
    if not enforceable(seconds):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
