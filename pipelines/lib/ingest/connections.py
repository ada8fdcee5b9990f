"""urllib3 connection pools for one request: they connect only to addresses resolved and
checked beforehand, and read under one deadline whatever the server sends.

The pool keeps the URL's host name, so the Host header, the TLS server name and the
certificate check are those of the URL; only the socket goes to the given addresses,
tried in order. Every receive (status line, headers, chunk sizes, body) waits at most
the read timeout and never past the deadline.
"""

from __future__ import annotations

import functools
import http.client
import io
import socket
import time

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util.connection import create_connection


def pool_for(
    scheme: str,
    host: str,
    port: int,
    addresses: tuple[str, ...],
    deadline: float,
    timeout: float,
    headers: dict[str, str],
) -> urllib3.HTTPConnectionPool:
    """A one-connection pool to ``host`` whose socket goes to ``addresses``; close it after the request."""
    pool_class = DeadlineHTTPSPool if scheme == "https" else DeadlineHTTPPool
    return pool_class(
        host,
        port,
        timeout=urllib3.Timeout(connect=timeout, read=timeout),
        maxsize=1,
        retries=False,
        headers=headers,
        addresses=addresses,
        deadline=deadline,
    )


class DeadlineFile(io.RawIOBase):
    """A socket's incoming bytes; each receive waits at most the read timeout and the time left."""

    def __init__(self, sock: socket.socket, deadline: float):
        super().__init__()
        self._sock = sock
        self._raw = sock.makefile("rb", buffering=0)  # holds the socket open while the response is read
        self._deadline = deadline
        self._read_timeout = sock.gettimeout()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int | None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("timed out: the download deadline has passed")
        self._sock.settimeout(left if self._read_timeout is None else min(self._read_timeout, left))
        return self._raw.readinto(buffer)

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class DeadlineResponse(http.client.HTTPResponse):
    """http.client's response, reading everything through a ``DeadlineFile``."""

    def __init__(self, sock: socket.socket, *args, deadline: float, **kwargs):
        super().__init__(sock, *args, **kwargs)
        self.fp.close()
        self.fp = io.BufferedReader(DeadlineFile(sock, deadline))


class DeadlineConnection:
    """Connects to the first of ``addresses`` that answers, within the read timeout and the deadline."""

    def __init__(self, *args, addresses: tuple[str, ...], deadline: float, **kwargs):
        super().__init__(*args, **kwargs)
        self.addresses = addresses
        self.deadline = deadline
        self.response_class = functools.partial(DeadlineResponse, deadline=deadline)

    def _new_conn(self) -> socket.socket:
        failure: OSError | None = None
        for address in self.addresses:
            wait = self._time_left()
            try:
                sock = create_connection(
                    (address, self.port), wait, source_address=self.source_address, socket_options=self.socket_options
                )
            except OSError as error:
                failure = error
                continue
            sock.settimeout(self._time_left())  # the TLS handshake, if any, gets what is left
            return sock
        if failure is None or isinstance(failure, TimeoutError):
            raise ConnectTimeoutError(self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})")
        raise NewConnectionError(self, f"Failed to establish a new connection: {failure}") from failure

    def _time_left(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise ConnectTimeoutError(self, f"Connection to {self.host} timed out: the download deadline has passed")
        return left if self.timeout is None else min(self.timeout, left)


class DeadlineHTTPConnection(DeadlineConnection, HTTPConnection):
    pass


class DeadlineHTTPSConnection(DeadlineConnection, HTTPSConnection):
    pass


class DeadlineHTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = DeadlineHTTPConnection


class DeadlineHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = DeadlineHTTPSConnection
