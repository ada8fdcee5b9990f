"""Canonical URLs: every copy of one article (mobile, AMP, tracked, paginated) has one key."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.lib.ingest.urls import canonical_url, is_http_url, split_page

ARTICLE = "https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi"


@pytest.mark.parametrize(
    "url",
    [
        ARTICLE,
        "HTTPS://News.Detik.COM/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi",
        "https://news.detik.com:443/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi",
        "https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi/",
        "https://news.detik.com//berita//d-7712345/banjir-demak-ribuan-warga-mengungsi",
        "https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi#komentar",
        "  https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi\n",
        "https://www.news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi",
        "https://m.news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi",
        "https://mobile.news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi",
        "https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi/amp",
        "https://news.detik.com/amp/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi",
        "https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi?amp",
        "https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi?amp=1",
        "https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi?outputType=amp",
        "https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi"
        "?utm_source=twitter&utm_medium=social&utm_campaign=detikcomsocmed",
        "https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi?fbclid=IwAR0abc&_ga=2.1.2.3",
        "https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi?gclid=x&msclkid=y&igshid=z&ref=wa",
        "https://news.detik.com/berita/d-7712345/banjir-demak-ribuan-warga-mengungsi?UTM_Source=Facebook",
        "https://news.detik.com/./berita/x/../d-7712345/banjir-demak-ribuan-warga-mengungsi",
        "https://news.detik.com/berita/d-7712345/banjir%2ddemak%2Dribuan-warga-mengungsi",
    ],
)
def test_copies_of_one_article_have_one_key(url):
    assert canonical_url(url) == ARTICLE


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        # AMP copies on other outlets' patterns
        ("https://amp.kompas.com/nasional/read/2025/01/14/10300011/banjir-demak",
         "https://kompas.com/nasional/read/2025/01/14/10300011/banjir-demak"),
        ("https://www.cnnindonesia.com/nasional/20250114103000-20-1186543/banjir-demak.amp",
         "https://cnnindonesia.com/nasional/20250114103000-20-1186543/banjir-demak"),
        ("https://www.antaranews.com/berita/4567890/banjir-demak/amp.html",
         "https://antaranews.com/berita/4567890/banjir-demak"),
        ("https://nasional.tempo.co/read/1950001/banjir-demak.amp.html",
         "https://nasional.tempo.co/read/1950001/banjir-demak.html"),
        # the article's own parameters stay, sorted; only tracking goes
        ("https://www.tribunnews.com/regional/2025/01/14/banjir-demak?page=2&utm_source=wa&a=1",
         "https://tribunnews.com/regional/2025/01/14/banjir-demak?a=1&page=2"),
        ("https://example.com/index.php?p=123&utm_medium=rss", "https://example.com/index.php?p=123"),
        ("https://example.com/?s=banjir+demak&cat=3", "https://example.com/?cat=3&s=banjir+demak"),
        # parameters that merely start like trackers are no trackers (courlan drops them)
        ("https://foto.detik.com/galeri/d-1?gallery=2&source=rss&reference=a",
         "https://foto.detik.com/galeri/d-1?gallery=2&reference=a&source=rss"),
        # root path, default and other ports
        ("http://www.detik.com", "http://detik.com/"),
        ("http://detik.com:80/", "http://detik.com/"),
        ("http://127.0.0.1:8000/berita/banjir.html", "http://127.0.0.1:8000/berita/banjir.html"),
        # percent-encoding: unreserved characters decoded, the rest upper-case UTF-8
        ("https://example.com/%7eredaksi/caf%c3%a9/berita terkini", "https://example.com/~redaksi/caf%C3%A9/berita%20terkini"),
        ("https://example.com/café", "https://example.com/caf%C3%A9"),
        ("https://example.com/a%2fb", "https://example.com/a%2Fb"),
        # internationalized host in ASCII; a trailing dot on the host dropped
        ("https://berita.bücher.de/", "https://berita.xn--bcher-kva.de/"),
        ("https://detik.com./berita", "https://detik.com/berita"),
        # a host made only of a prefix and one label keeps the prefix
        ("https://www.com/berita", "https://www.com/berita"),
    ],
)  # fmt: skip
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


@pytest.mark.parametrize(
    "junk",
    ["", "   ", "berita/banjir-demak", "/berita/banjir-demak", "mailto:redaksi@detik.com", "javascript:void(0)",
     "ftp://files.detik.com/a", "http://", "https://", "http://[::1", "http://detik.com:99999/", "http://det ik.com/",
     "//news.detik.com/berita/d-1", "https://%zz/", "\x00\x1f", "http://\ud800.com/",
     # a user name or a backslash in the host part: readers disagree on the host
     "https://redaksi:rahasia@www.tempo.co/read/1", "http://127.0.0.1:1\\@public.example/x",
     "http://public.example\\@127.0.0.1/x", "http://detik.com\\berita/d-1"],
)  # fmt: skip
def test_anything_else_comes_back_stripped(junk):
    assert canonical_url(junk) == junk.strip()
    assert canonical_url(f"  {junk}\t") == junk.strip()


@pytest.mark.parametrize(
    ("url", "article", "page"),
    [
        ("https://www.tribunnews.com/regional/2025/01/14/banjir-demak?page=2",
         "https://tribunnews.com/regional/2025/01/14/banjir-demak", 2),
        ("https://www.tribunnews.com/regional/2025/01/14/banjir-demak",
         "https://tribunnews.com/regional/2025/01/14/banjir-demak", 1),
        ("https://www.tribunnews.com/regional/2025/01/14/banjir-demak?page=1",
         "https://tribunnews.com/regional/2025/01/14/banjir-demak", 1),
        # 0 means "all pages in one"
        ("https://www.tribunnews.com/regional/2025/01/14/banjir-demak?page=all",
         "https://tribunnews.com/regional/2025/01/14/banjir-demak", 0),
        ("https://www.tribunnews.com/regional/2025/01/14/banjir-demak?page=ALL&utm_source=wa",
         "https://tribunnews.com/regional/2025/01/14/banjir-demak", 0),
        ("https://example.co.id/berita/banjir-demak?halaman=3", "https://example.co.id/berita/banjir-demak", 3),
        ("https://example.co.id/berita/banjir-demak/amp?Halaman=03&id=9",
         "https://example.co.id/berita/banjir-demak?id=9", 3),
        # "p" is WordPress's post id, not a page
        ("https://example.com/?p=123", "https://example.com/?p=123", 1),
        # a page value that is no page number stays in the URL
        ("https://example.com/berita?page=abc", "https://example.com/berita?page=abc", 1),
        ("https://example.com/berita?page=0", "https://example.com/berita?page=0", 1),
        ("mailto:redaksi@detik.com", "mailto:redaksi@detik.com", 1),
    ],
)  # fmt: skip
def test_split_page(url, article, page):
    assert split_page(url) == (article, page)


def test_pages_of_one_article_share_its_key():
    pages = [f"https://m.tribunnews.com/regional/2025/01/14/banjir-demak?page={n}" for n in (1, 2, 3, "all")]
    assert {split_page(url)[0] for url in pages} == {"https://tribunnews.com/regional/2025/01/14/banjir-demak"}
    assert [split_page(url)[1] for url in pages] == [1, 2, 3, 0]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.antaranews.com/berita/4567890/banjir-demak", True),
        ("http://127.0.0.1:8000/berita.html", True),
        ("http://[::1]:8000/", True),
        ("HTTPS://KOMPAS.COM", True),
        ("ftp://files.detik.com/a", False),
        ("mailto:redaksi@detik.com", False),
        ("/berita/banjir-demak", False),
        ("https://", False),
        ("http://detik.com:99999/", False),
        ("http://det ik.com/", False),
        ("", False),
        ("http://127.0.0.1:1\\@public.example/x", False),
        ("http://user@public.example/x", False),
        ("https://redaksi:rahasia@www.tempo.co/read/1", False),
        ("https://example.com/berita/@redaksi", True),  # an @ in the path is no user info
    ],
)
def test_is_http_url(url, expected):
    assert is_http_url(url) is expected


HOSTS = ["www.detik.com", "m.kompas.com", "amp.tempo.co", "NEWS.detik.com:443", "127.0.0.1:8000", "[::1]", "www.com"]
PARTS = st.text(alphabet=st.sampled_from("aAmp.%2fF7e/?#&=+ é~_-"), max_size=12) | st.text(max_size=6)
NAMES = st.sampled_from(["page", "halaman", "utm_source", "amp", "outputType", "id", "p", "Page"]) | PARTS
URLS = st.builds(
    lambda scheme, host, path, query, tail: (
        f"{scheme}://{host}/{'/'.join(path)}?{'&'.join(map('='.join, query))}{tail}"
    ),
    st.sampled_from(["http", "https", "HTTPS"]),
    st.sampled_from(HOSTS),
    st.lists(st.sampled_from(["amp", "..", ".", "", "berita", "x.amp", "amp.html"]) | PARTS, max_size=6),
    st.lists(st.tuples(NAMES, st.sampled_from(["1", "2", "all", "amp", ""]) | PARTS), max_size=4),
    PARTS,
)


@settings(max_examples=400, deadline=None)
@given(st.text() | URLS)
def test_never_raises_and_is_idempotent(url):
    canonical = canonical_url(url)
    assert canonical_url(canonical) == canonical
    assert is_http_url(canonical) == is_http_url(url)
    article, page = split_page(url)
    assert page >= 0 and canonical_url(article) == article and split_page(article) == (article, 1)
