"""HTTP GET with manners and limits, for feeds and the pages they link to.

- Only ``http`` and ``https``, and by default only public addresses: loopback,
  private (RFC 1918, unique-local), link-local, carrier-grade NAT, multicast, reserved
  and unspecified addresses are refused (E106), for the URL asked for and for every
  redirect, which is followed by hand (at most ``max_redirects``) and checked like the
  first URL. The check runs twice: on the URL before a request (a clear error, nothing
  sent), and on the address the connection really goes to (the name is resolved once,
  checked and connected to), so that a DNS answer that changes in between (rebinding)
  gains nothing. ``allow_private=True`` is for intranet feeds. Behind an HTTP proxy
  (``HTTP(S)_PROXY``) the proxy connects, and only the first check applies.
- A size cap and a time cap per response (E107): the body is read in pieces and dropped
  the moment it passes ``max_bytes`` bytes or ``max_seconds`` seconds.
- A User-Agent naming lagebild, timeouts, a minimum interval between two requests to the
  same host, robots.txt honoured (a host without one, or one that cannot be read, allows
  everything).
"""
from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ..errors import FetchBlockedError, FetchLimitError, InputError

USER_AGENT = "lagebild/0.1 (news event extraction; feed reader; +https://pypi.org/project/lagebild/)"
Resolver = Callable[[str, int], list[str]]


class TransientFetchError(InputError):
    """A fetch that may work later (network error, timeout, HTTP 429 or 5xx)."""


def system_resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system resolver)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def address_allowed(address: str) -> bool:
    """Whether ``address`` is a public unicast address (IPv4-mapped IPv6 judged as IPv4)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
        elif ip.teredo is not None:
            ip = ip.teredo[1]
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified or ip.is_loopback
                                 or ip.is_link_local or ip.is_private)


def checked_addresses(url: str, *, allow_private: bool, resolve: Resolver = system_resolve) -> list[str]:
    """The addresses ``url`` may be fetched from; raises FetchBlockedError (or
    TransientFetchError when the name does not resolve)."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 - raises ValueError on a malformed host ("http://[::1")
    except ValueError as err:
        raise FetchBlockedError(f"not a valid URL: {err}", path=url) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchBlockedError(f"only http and https URLs are fetched, not {parts.scheme or 'a relative URL'!r}",
                                path=url)
    host = parts.hostname
    if not host:
        raise FetchBlockedError("the URL has no host", path=url)
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as err:
        raise FetchBlockedError(f"bad port: {err}", path=url) from None
    return check_host(host, port, allow_private=allow_private, resolve=resolve, url=url)


def check_host(host: str, port: int, *, allow_private: bool, resolve: Resolver, url: str | None = None) -> list[str]:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        addresses = [host]
    except ValueError:
        try:
            addresses = resolve(host, port)
        except (OSError, UnicodeError) as err:
            raise TransientFetchError(f"cannot resolve {host!r}: {err}", path=url or host) from err
    if not addresses:
        raise TransientFetchError(f"{host!r} resolves to no address", path=url or host)
    if not allow_private:
        bad = [a for a in addresses if not address_allowed(a)]
        if bad:
            raise FetchBlockedError(
                f"{host} is {', '.join(bad[:3])}: not a public address (loopback, private, link-local or "
                "reserved); intranet feeds need --allow-private-feeds", path=url or host)
    return addresses


def _guard_transport(allow_private: bool, resolve: Resolver):
    """An httpx transport whose connections go only to checked addresses (None: not possible)."""
    import httpcore
    import httpx

    class _Backend(httpcore.SyncBackend):
        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # noqa: ANN001
            try:
                address = check_host(host, port, allow_private=allow_private, resolve=resolve)[0]
            except InputError as err:
                raise httpcore.ConnectError(str(err)) from err
            return super().connect_tcp(address, port, timeout, local_address, socket_options)

    transport = httpx.HTTPTransport()
    pool = getattr(transport, "_pool", None)
    if pool is None or not hasattr(pool, "_network_backend"):
        return transport
    pool._network_backend = _Backend()
    return transport


@dataclass
class Response:
    """A fetched response, its body read within the caps."""

    url: str
    status_code: int
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""

    @property
    def text(self) -> str:
        from .warc import decode_html

        return decode_html(self.content, self.headers.get("content-type"))


class PoliteClient:
    """HTTP GET with manners and limits. ``transport`` is for tests (an httpx transport;
    it replaces the connection guard); ``resolve`` replaces the system resolver."""

    def __init__(self, *, user_agent: str = USER_AGENT, min_interval: float = 1.0, timeout: float = 15.0,
                 max_bytes: int = 10_000_000, max_seconds: float = 60.0, max_redirects: int = 5,
                 allow_private: bool = False, resolve: Resolver | None = None, transport=None) -> None:
        import httpx

        self.user_agent = user_agent
        self.min_interval = min_interval
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.max_redirects = max_redirects
        self.allow_private = allow_private
        self.resolve = resolve or system_resolve
        if transport is None and not allow_private:
            transport = _guard_transport(allow_private, self.resolve)
        self.http = httpx.Client(headers={"User-Agent": user_agent}, timeout=timeout, follow_redirects=False,
                                 transport=transport)
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self.requests = 0

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> "PoliteClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            delay = self.min_interval - (time.monotonic() - last)
            if delay > 0:
                time.sleep(delay)
        self._last[host] = time.monotonic()

    def _once(self, url: str, headers: dict[str, str] | None, max_bytes: int) -> Response:
        """One request, no redirects followed, the body read within the caps."""
        checked_addresses(url, allow_private=self.allow_private, resolve=self.resolve)
        self._wait(urlsplit(url).netloc)
        self.requests += 1
        start = time.monotonic()
        with self.http.stream("GET", url, headers=headers or {}) as resp:
            out = Response(str(resp.url), resp.status_code, {k.lower(): v for k, v in resp.headers.items()})
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchLimitError(f"{int(declared):,} bytes announced, more than the limit of {max_bytes:,}",
                                      path=url)
            body = bytearray()
            for piece in resp.iter_raw(65536) if resp.is_redirect else resp.iter_bytes(65536):
                body += piece
                if len(body) > max_bytes:
                    raise FetchLimitError(f"more than the limit of {max_bytes:,} bytes", path=url)
                if time.monotonic() - start > self.max_seconds:
                    raise FetchLimitError(f"still sending after {self.max_seconds:g} s (the limit)", path=url)
            out.content = bytes(body)
        return out

    def _follow(self, url: str, headers: dict[str, str] | None, max_bytes: int) -> Response:
        """GET ``url``, following redirects by hand, each one checked."""
        for _ in range(self.max_redirects + 1):
            resp = self._once(url, headers, max_bytes)
            if resp.status_code not in (301, 302, 303, 307, 308) or "location" not in resp.headers:
                return resp
            target = urljoin(url, resp.headers["location"])
            try:
                checked_addresses(target, allow_private=self.allow_private, resolve=self.resolve)
            except FetchBlockedError as err:
                raise FetchBlockedError(f"redirected to {target}: {str(err).split('] ', 1)[-1]}", path=url) from None
            if not self.allowed(target):
                raise InputError(f"redirected to {target}, which robots.txt does not allow fetching", path=url)
            url = target
        raise FetchLimitError(f"more than {self.max_redirects} redirects", path=url)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            parser: RobotFileParser | None = None
            try:
                resp = self._follow(urljoin(host, "/robots.txt"), None, 500_000)
                if resp.status_code == 200:
                    parser = RobotFileParser()
                    parser.parse(resp.content.decode("utf-8", "replace").splitlines())
            except Exception:  # noqa: BLE001 - no readable robots.txt: allowed
                parser = None
            self._robots[host] = parser
        parser = self._robots[host]
        return parser is None or parser.can_fetch(self.user_agent, url)

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET ``url`` (address policy, robots.txt, the per-host interval and the caps
        respected); raises InputError (E106 blocked, E107 over a cap, transient errors)."""
        import httpx

        checked_addresses(url, allow_private=self.allow_private, resolve=self.resolve)
        if not self.allowed(url):
            raise InputError("robots.txt does not allow fetching this page", path=url)
        try:
            resp = self._follow(url, headers, self.max_bytes)
        except httpx.HTTPError as err:
            raise TransientFetchError(f"cannot fetch: {err!r}", path=url) from err
        except (httpx.InvalidURL, ValueError) as err:
            raise FetchBlockedError(f"not a valid URL: {err}", path=url) from err
        if resp.status_code == 429 or resp.status_code >= 500:
            raise TransientFetchError(f"HTTP {resp.status_code}, try again later", path=url)
        return resp
