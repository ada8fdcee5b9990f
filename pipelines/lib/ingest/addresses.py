"""Which IP addresses a fetch may reach without ``allow_private``: public ones only.

An IPv6 address that carries an IPv4 address (IPv4-mapped or -compatible, 6to4, NAT64,
Teredo) reaches that IPv4 address, so it is judged by the IPv4 address it carries.
"""

from __future__ import annotations

import ipaddress

IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
NAT64_WELL_KNOWN = ipaddress.ip_network("64:ff9b::/96")
NAT64_LOCAL_USE = ipaddress.ip_network("64:ff9b:1::/48")  # a site's own translator: never public


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether ``address`` is a global unicast address, and so is every IPv4 address it carries."""
    if address.version == 6:
        if address in NAT64_LOCAL_USE:
            return False
        carried = carried_ipv4(address)
        if carried:
            return all(is_public(ipv4) for ipv4 in carried)
    return address.is_global and not address.is_multicast


def carried_ipv4(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, ...]:
    """The IPv4 addresses an IPv6 address embeds (a Teredo address embeds its server's and its client's)."""
    if address.ipv4_mapped:
        return (address.ipv4_mapped,)
    if address.sixtofour:
        return (address.sixtofour,)
    if address.teredo:
        return address.teredo
    if address in NAT64_WELL_KNOWN or address in IPV4_COMPATIBLE:
        return (ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF),)
    return ()


def parse_address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """An address as ``getaddrinfo`` gives it, without an IPv6 zone (``fe80::1%eth0``)."""
    return ipaddress.ip_address(text.split("%")[0])
