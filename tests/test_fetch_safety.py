"""Fetching under attack, all on 127.0.0.1: hosts that read two ways, names that rebind between the
check and the connection, IPv6 forms of private IPv4 addresses, and servers that drip one byte at a time.

A pretend internet stands in for public hosts: chosen names resolve to chosen addresses, a public address
is answered by a server on 127.0.0.1, and a connection to any other public address is refused before it
leaves the machine.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from pipelines.lib.ingest.addresses import is_public
from pipelines.lib.ingest.fetch import Fetcher, FetchError, FetchPolicy, resolve_target
from tests.news_site import NewsSite, Page

PUBLIC = "93.184.216.34"  # stands for a public host; never really connected to
STRICT = FetchPolicy(host_delay_seconds=0, retries=0, timeout_seconds=1)
LOCAL = FetchPolicy(allow_private=True, host_delay_seconds=0, retries=0, timeout_seconds=1)


class Internet:
    """Names resolve to the addresses given (one answer per lookup, the last one repeating); a
    connection to a public address goes to the local server standing for it, or is refused."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.answers: dict[str, tuple[list[str], ...]] = {}
        self.servers: dict[str, int] = {}  # public address -> port on 127.0.0.1
        self.lookups: Counter = Counter()
        self.connections: list[str] = []
        real_lookup, real_connect = socket.getaddrinfo, socket.socket.connect

        def lookup(host, port, *args, **kwargs):
            if host not in self.answers:
                return real_lookup(host, port, *args, **kwargs)
            self.lookups[host] += 1
            answers = self.answers[host]
            return [
                (socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))
                for address in answers[min(self.lookups[host], len(answers)) - 1]
            ]

        def connect(sock, address):
            self.connections.append(address[0])
            if address[0] in self.servers:
                return real_connect(sock, ("127.0.0.1", self.servers[address[0]]))
            if ipaddress.ip_address(address[0]).is_loopback:
                return real_connect(sock, address)
            raise ConnectionRefusedError(f"{address[0]} is outside the test machine")

        monkeypatch.setattr(socket, "getaddrinfo", lookup)
        monkeypatch.setattr(socket.socket, "connect", connect)

    def resolves(self, name: str, *answers: list[str]) -> None:
        """``name`` answers the first list of addresses to the first lookup, the second to the next..."""
        self.answers[name] = answers


class ScriptedServer:
    """A raw HTTP server on 127.0.0.1: it records each request's head, sends ``head`` at once, then
    ``drip`` over and over, one byte every ``pause`` seconds, until the client goes away."""

    def __init__(self, head: bytes, drip: bytes = b"", pause: float = 0.1, tls: ssl.SSLContext | None = None):
        self.head, self.drip, self.pause, self.tls = head, drip, pause, tls
        self.requests: list[bytes] = []
        self.closing = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self.closing.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self.closing.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(client,), daemon=True).start()

    def _answer(self, client: socket.socket) -> None:
        try:
            if self.tls:
                client = self.tls.wrap_socket(client, server_side=True)
            client.settimeout(5)
            request = b""
            while b"\r\n\r\n" not in request:
                request += client.recv(4096) or b"\r\n\r\n"
            self.requests.append(request)
            client.sendall(self.head)
            while self.drip and not self.closing.is_set():
                for byte in self.drip:
                    client.sendall(bytes([byte]))
                    time.sleep(self.pause)
        except (OSError, ssl.SSLError):
            pass
        finally:
            client.close()


@pytest.fixture
def internet(monkeypatch: pytest.MonkeyPatch) -> Internet:
    return Internet(monkeypatch)


@pytest.fixture
def internal():
    """A server that must never be reached: it stands for an internal service on loopback."""
    site = NewsSite()
    site.pages["/rahasia"] = Page(b"<p>internal only</p>")
    yield site
    site.close()


@pytest.fixture
def public():
    site = NewsSite()
    site.pages["/berita"] = Page(b"<p>halaman publik</p>")
    yield site
    site.close()


def port_of(site: NewsSite) -> int:
    return int(site.url.rsplit(":", 1)[1])


# 1. A host that reads one way to the check and another way to the connection


@pytest.mark.parametrize("allow_private", [False, True])
def test_a_backslash_before_an_at_sign_in_the_host_is_refused(
    internet: Internet, internal: NewsSite, allow_private: bool
):
    internet.resolves("public.example", [PUBLIC])
    url = f"http://127.0.0.1:{port_of(internal)}\\@public.example/rahasia"
    with pytest.raises(FetchError, match="backslash"):
        Fetcher(FetchPolicy(allow_private=allow_private, host_delay_seconds=0)).get(url)
    assert sum(internal.hits.values()) == 0


@pytest.mark.parametrize("url", ["http://public.example@127.0.0.1/rahasia", "http://user:secret@public.example/"])
def test_a_user_name_before_the_host_is_refused(url: str):
    with pytest.raises(FetchError, match="user name or password"):
        resolve_target(url, allow_private=True)


def test_a_redirect_to_a_backslash_host_is_refused(internet: Internet, public: NewsSite, internal: NewsSite):
    internet.resolves("news.example", [PUBLIC])
    internet.servers[PUBLIC] = port_of(public)
    public.redirects["/lama"] = f"http://127.0.0.1:{port_of(internal)}\\@news.example/rahasia"
    with pytest.raises(FetchError, match="backslash"):
        Fetcher(STRICT).get("http://news.example/lama")
    assert public.hits["/lama"] == 1 and sum(internal.hits.values()) == 0


def test_a_redirect_to_a_private_address_is_refused(internet: Internet, public: NewsSite, internal: NewsSite):
    internet.resolves("news.example", [PUBLIC])
    internet.servers[PUBLIC] = port_of(public)
    public.redirects["/lama"] = f"{internal.url}/rahasia"
    with pytest.raises(FetchError, match="non-public address 127.0.0.1"):
        Fetcher(STRICT).get("http://news.example/lama")
    assert sum(internal.hits.values()) == 0


# 2. DNS rebinding: the name answers a public address to the check and loopback afterwards


def test_a_rebinding_name_is_fetched_from_the_address_that_was_checked(
    internet: Internet, public: NewsSite, internal: NewsSite
):
    internet.resolves("rebind.example", [PUBLIC], ["127.0.0.1"])
    internet.servers[PUBLIC] = port_of(public)
    public.pages["/rahasia"] = Page(b"<p>halaman publik</p>")
    response = Fetcher(STRICT).get(f"http://rebind.example:{port_of(internal)}/rahasia")
    assert b"halaman publik" in response.content
    assert internet.lookups["rebind.example"] == 1 and set(internet.connections) == {PUBLIC}
    assert sum(internal.hits.values()) == 0


def test_a_rebinding_name_whose_checked_address_refuses_is_not_fetched_from_loopback(
    internet: Internet, internal: NewsSite
):
    internet.resolves("rebind.example", [PUBLIC], ["127.0.0.1"])
    with pytest.raises(FetchError, match="could not fetch"):
        Fetcher(FetchPolicy(host_delay_seconds=0, retries=2, backoff_seconds=0)).get(
            f"http://rebind.example:{port_of(internal)}/rahasia"
        )
    assert internet.lookups["rebind.example"] == 1 and set(internet.connections) == {PUBLIC}
    assert sum(internal.hits.values()) == 0


def test_a_name_with_any_private_address_is_refused(internet: Internet):
    internet.resolves("mixed.example", [PUBLIC, "10.0.0.7"])
    with pytest.raises(FetchError, match="non-public address 10.0.0.7"):
        resolve_target("http://mixed.example/", allow_private=False)


def test_the_host_header_names_the_url_host_not_the_address(internet: Internet):
    server = ScriptedServer(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    internet.resolves("news.example", ["127.0.0.1"])
    try:
        assert Fetcher(LOCAL).get(f"http://news.example:{server.port}/berita").content == b"ok"
    finally:
        server.close()
    assert f"Host: news.example:{server.port}\r\n".encode() in server.requests[-1]


# 3. IPv6 forms that carry a loopback or private IPv4 address


@pytest.mark.parametrize(
    "host",
    [
        "[::ffff:127.0.0.1]",  # IPv4-mapped
        "[::127.0.0.1]",  # IPv4-compatible
        "[2002:7f00:1::]",  # 6to4 of 127.0.0.1
        "[2002:a9fe:a9fe::]",  # 6to4 of 169.254.169.254
        "[64:ff9b::7f00:1]",  # NAT64 of 127.0.0.1
        "[64:ff9b::a00:7]",  # NAT64 of 10.0.0.7
        "[64:ff9b:1::808:808]",  # local-use NAT64, whatever it carries
        "[2001:0:4136:e378:8000:63bf:80ff:fffe]",  # Teredo, client 127.0.0.1
    ],
)
def test_ipv6_forms_of_private_ipv4_addresses_are_refused(host: str):
    with pytest.raises(FetchError, match="non-public address"):
        resolve_target(f"http://{host}/berita", allow_private=False)


@pytest.mark.parametrize("address", ["8.8.8.8", "2001:4860:4860::8888", "64:ff9b::808:808", "2002:808:808::"])
def test_public_addresses_and_ipv6_forms_of_public_ipv4_addresses_are_public(address: str):
    assert is_public(ipaddress.ip_address(address))


# 4. A server that sends one byte at a time: the whole download still ends by its deadline

DRIPS = {
    "the body, with a length": (b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", b"x"),
    "the body, without a length": (b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", b"x"),
    "the chunks": (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"1\r\nx\r\n"),
    "a header": (b"HTTP/1.1 200 OK\r\nX-Drip: ", b"a"),
    "everything": (b"", b"HTTP/1.1 200 OK\r\n" + b"X-Drip: a\r\n" * 1000),
}


@pytest.mark.parametrize("what", DRIPS)
def test_a_server_dripping_bytes_is_cut_off_at_the_download_deadline(what: str):
    head, drip = DRIPS[what]
    server = ScriptedServer(head, drip, pause=0.1)  # each byte well within the 1 s read timeout
    policy = FetchPolicy(allow_private=True, host_delay_seconds=0, timeout_seconds=1, respect_robots=False)
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match="timed out: the download took longer than 2 s"):
            Fetcher(policy).get(f"http://127.0.0.1:{server.port}/lambat")  # retries would not start again
    finally:
        server.close()
    assert 1.9 < time.monotonic() - started < 3.5


# TLS to a checked address keeps the URL's host name for the server name and the certificate check


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A test authority and a certificate it signed for news.example only."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    steps = [
        "req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=warta-test-ca -keyout ca.key -out ca.pem "
        "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign",
        "req -newkey rsa:2048 -nodes -subj /CN=news.example -keyout site.key -out site.csr",
        "x509 -req -in site.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -out site.pem -extfile site.ext",
    ]
    (folder / "site.ext").write_text("subjectAltName=DNS:news.example\n")
    for step in steps:
        subprocess.run(["openssl", *step.split()], cwd=folder, check=True, capture_output=True)
    return folder


@pytest.fixture
def tls_server(certificates: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(certificates / "ca.pem"))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificates / "site.pem", certificates / "site.key")
    server = ScriptedServer(b"HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\naman ok", tls=context)
    yield server
    server.close()


def test_https_to_a_checked_address_verifies_the_certificate_of_the_url_host(
    internet: Internet, tls_server: ScriptedServer
):
    internet.resolves("news.example", ["127.0.0.1"])
    response = Fetcher(LOCAL).get(f"https://news.example:{tls_server.port}/berita")
    assert response.content == b"aman ok"
    assert set(internet.connections) == {"127.0.0.1"}  # robots.txt, then the page


def test_https_to_a_host_the_certificate_does_not_name_is_refused(internet: Internet, tls_server: ScriptedServer):
    internet.resolves("other.example", ["127.0.0.1"])
    with pytest.raises(FetchError, match="could not fetch"):
        Fetcher(LOCAL).get(f"https://other.example:{tls_server.port}/berita")
