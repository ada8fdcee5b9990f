"""Feeds and sitemaps as fetched (bytes) in, article entries out."""

from __future__ import annotations

import gzip
import time
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.lib.ingest import feeds
from pipelines.lib.ingest.feeds import Entry, FeedError, Listing, parse_date, parse_listing

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>ANTARA News - Berita Terkini</title>
  <link>https://www.antaranews.com</link>
  <atom:link href="https://www.antaranews.com/rss/terkini.xml" rel="self" type="application/rss+xml"/>
  <item>
    <title><![CDATA[BPBD: 4.215 warga Demak mengungsi akibat tanggul jebol]]></title>
    <link>https://www.antaranews.com/berita/4567890/bpbd-4215-warga-demak-mengungsi?utm_source=antaranews&amp;utm_medium=rss</link>
    <pubDate>Mon, 13 Jan 2025 15:30:00 +0700</pubDate>
    <description><![CDATA[<img src="https://img.antaranews.com/x.jpg"/> Semarang (ANTARA) - ...]]></description>
  </item>
  <item>
    <title>BMKG: hujan lebat masih akan turun di pantura</title>
    <link>/berita/4567901/bmkg-hujan-lebat-masih-akan-turun</link>
    <dc:date>2025-01-13T10:05:00Z</dc:date>
  </item>
  <item>
    <title>BPBD: 4.215 warga Demak mengungsi (versi seluler)</title>
    <link>https://m.antaranews.com/berita/4567890/bpbd-4215-warga-demak-mengungsi</link>
  </item>
  <item>
    <title>Tanpa link, dengan guid</title>
    <guid isPermaLink="true">https://www.antaranews.com/berita/4567912/tanpa-link</guid>
    <pubDate>Senin, 13 Januari 2025 16:00 WIB</pubDate>
  </item>
  <item>
    <title>Guid yang bukan alamat</title>
    <guid isPermaLink="false">antaranews-4567913</guid>
  </item>
  <item>
    <title>Tautan skrip</title>
    <link>javascript:void(0)</link>
  </item>
</channel>
</rss>"""


def test_rss_items_become_entries_in_order():
    listing = parse_listing(RSS.encode(), "https://www.antaranews.com/rss/terkini.xml")
    assert listing == Listing(
        kind="rss",
        entries=[
            Entry(
                url="https://www.antaranews.com/berita/4567890/bpbd-4215-warga-demak-mengungsi"
                "?utm_source=antaranews&utm_medium=rss",
                published_at=datetime(2025, 1, 13, 8, 30),  # 15:30 WIB is 08:30 UTC
                updated_at=None,
                title="BPBD: 4.215 warga Demak mengungsi akibat tanggul jebol",
            ),
            # a relative link is resolved against the feed's URL; dc:date is a publication date
            Entry(
                url="https://www.antaranews.com/berita/4567901/bmkg-hujan-lebat-masih-akan-turun",
                published_at=datetime(2025, 1, 13, 10, 5),
                updated_at=None,
                title="BMKG: hujan lebat masih akan turun di pantura",
            ),
            # the mobile copy of the first article is a duplicate; a permalink guid stands in
            # for a missing link; a date in words is no RFC 822 date; "javascript:" is no URL
            Entry(
                url="https://www.antaranews.com/berita/4567912/tanpa-link",
                published_at=None,
                updated_at=None,
                title="Tanpa link, dengan guid",
            ),
        ],
        sitemaps=[],
    )


RDF = b"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://www.tempo.co/rss">
    <title>Tempo.co</title>
    <link>https://www.tempo.co</link>
    <items><rdf:Seq><rdf:li rdf:resource="https://nasional.tempo.co/read/1950001/banjir-demak"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://nasional.tempo.co/read/1950001/banjir-demak">
    <title>Banjir Demak, Ribuan Warga Mengungsi</title>
    <link>https://nasional.tempo.co/read/1950001/banjir-demak</link>
    <dc:date>2025-01-13T09:12:00+07:00</dc:date>
  </item>
</rdf:RDF>"""


def test_rss_1_0_rdf():
    assert parse_listing(RDF, "https://www.tempo.co/rss") == Listing(
        "rdf",
        [Entry("https://nasional.tempo.co/read/1950001/banjir-demak", datetime(2025, 1, 13, 2, 12), None,
               "Banjir Demak, Ribuan Warga Mengungsi")],
        [],
    )  # fmt: skip


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.cnnindonesia.com/nasional/">
  <title>CNN Indonesia | Nasional</title>
  <link rel="self" href="https://www.cnnindonesia.com/nasional/rss"/>
  <updated>2025-01-13T10:00:00+07:00</updated>
  <entry>
    <title type="html">Tanggul Sungai Wulan Jebol, Demak Terendam</title>
    <link rel="edit" href="https://www.cnnindonesia.com/api/entries/1186543"/>
    <link rel="alternate" type="text/html" href="20250113093000-20-1186543/tanggul-sungai-wulan-jebol"/>
    <id>tag:cnnindonesia.com,2025:1186543</id>
    <published>2025-01-13T09:30:00+07:00</published>
    <updated>2025-01-13T11:45:00+07:00</updated>
  </entry>
  <entry>
    <title>Tanpa rel</title>
    <link href="https://www.cnnindonesia.com/nasional/20250113100000-20-1186550/tanpa-rel"/>
    <updated>2025-01-13T03:00:00Z</updated>
  </entry>
  <entry>
    <title>Hanya tautan lain</title>
    <link rel="related" href="https://www.cnnindonesia.com/nasional/20250113110000-20-1186560/terkait"/>
    <link rel="enclosure" href="https://akcdn.detik.net.id/video.mp4"/>
  </entry>
  <entry>
    <title>Tanpa tautan</title>
    <id>tag:cnnindonesia.com,2025:1186570</id>
  </entry>
</feed>"""


def test_atom_takes_the_alternate_link_else_the_first():
    assert parse_listing(ATOM, "https://www.cnnindonesia.com/nasional/rss").entries == [
        # relative to the feed's xml:base
        Entry("https://www.cnnindonesia.com/nasional/20250113093000-20-1186543/tanggul-sungai-wulan-jebol",
              datetime(2025, 1, 13, 2, 30), datetime(2025, 1, 13, 4, 45), "Tanggul Sungai Wulan Jebol, Demak Terendam"),
        Entry("https://www.cnnindonesia.com/nasional/20250113100000-20-1186550/tanpa-rel",
              None, datetime(2025, 1, 13, 3, 0), "Tanpa rel"),
        Entry("https://www.cnnindonesia.com/nasional/20250113110000-20-1186560/terkait",
              None, None, "Hanya tautan lain"),
    ]  # fmt: skip


SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://regional.kompas.com/read/2025/01/13/10300011/banjir-demak</loc>
    <lastmod>2025-01-13T11:02:00+07:00</lastmod>
    <news:news>
      <news:publication><news:name>Kompas.com</news:name><news:language>id</news:language></news:publication>
      <news:publication_date>2025-01-13T10:30:00+07:00</news:publication_date>
      <news:title>Tanggul Jebol, 4.215 Warga Demak Mengungsi</news:title>
    </news:news>
  </url>
  <url>
    <loc>
      https://regional.kompas.com/read/2025/01/13/11000021/posko-pengungsian?page=all&amp;utm_source=sitemap
    </loc>
    <lastmod>2025-01-13</lastmod>
  </url>
  <url><loc>http://127.0.0.1:8000/berita/banjir-demak.html</loc><lastmod>bukan tanggal</lastmod></url>
  <url><loc>https://regional.kompas.com/read/2025/01/13/10300011/banjir-demak/</loc></url>
  <url><lastmod>2025-01-13</lastmod></url>
</urlset>"""


def test_sitemap_urls_with_lastmod_and_news_dates():
    assert parse_listing(SITEMAP, "https://www.kompas.com/sitemap-news.xml") == Listing(
        "sitemap",
        [
            Entry("https://regional.kompas.com/read/2025/01/13/10300011/banjir-demak",
                  published_at=datetime(2025, 1, 13, 3, 30), updated_at=datetime(2025, 1, 13, 4, 2),
                  title="Tanggul Jebol, 4.215 Warga Demak Mengungsi"),
            Entry("https://regional.kompas.com/read/2025/01/13/11000021/posko-pengungsian?page=all&utm_source=sitemap",
                  updated_at=datetime(2025, 1, 13)),
            # a local test server's address stays; an unreadable date is None
            Entry("http://127.0.0.1:8000/berita/banjir-demak.html"),
            # the same article with a trailing slash, and a <url> without <loc>, are dropped
        ],
        [],
    )  # fmt: skip


SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.detik.com/sitemap/news-2025-01-13.xml</loc><lastmod>2025-01-13</lastmod></sitemap>
  <sitemap><loc>/sitemap/news-2025-01-12.xml.gz</loc></sitemap>
  <sitemap><loc>https://www.detik.com/sitemap/news-2025-01-13.xml</loc></sitemap>
  <sitemap><loc>ftp://www.detik.com/sitemap/lama.xml</loc></sitemap>
</sitemapindex>"""


def test_sitemap_index_lists_child_sitemaps():
    assert parse_listing(SITEMAP_INDEX, "https://www.detik.com/sitemap.xml") == Listing(
        "sitemapindex",
        [],
        ["https://www.detik.com/sitemap/news-2025-01-13.xml", "https://www.detik.com/sitemap/news-2025-01-12.xml.gz"],
    )


def test_sitemap_without_namespace():
    content = b"<urlset><url><loc>https://www.tempo.co/read/1</loc><lastmod>2025-01-13</lastmod></url></urlset>"
    assert parse_listing(content, "https://www.tempo.co/sitemap.xml").entries == [
        Entry("https://www.tempo.co/read/1", None, datetime(2025, 1, 13))
    ]


def test_gzip_content_is_decompressed():
    url = "https://www.kompas.com/sitemap-news.xml.gz"
    assert parse_listing(gzip.compress(SITEMAP), url) == parse_listing(SITEMAP, url)


def test_gzip_content_is_capped(monkeypatch):
    assert feeds.MAX_DECOMPRESSED_BYTES == 50 * 1024 * 1024
    monkeypatch.setattr(feeds, "MAX_DECOMPRESSED_BYTES", 100_000)
    bomb = gzip.compress(b"<urlset>" + b" " * 200_000 + b"</urlset>")
    with pytest.raises(FeedError, match="expands beyond 100,000 bytes"):
        parse_listing(bomb, "https://www.detik.com/sitemap.xml.gz")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty content"),
        (b"  \n ", "empty content"),
        (b"Terjadi kesalahan pada server", "not XML"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "not XML"),
        (b"<!DOCTYPE html><html><head><title>Beranda</title></head><body><p>Berita</body></html>",
         "not a feed or sitemap (the root element is <html>)"),
        (b"<?xml version='1.0'?><opml version='2.0'><body/></opml>",
         "not a feed or sitemap (the root element is <opml>)"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03 rusak, bukan deflate", "corrupt gzip"),
        (gzip.compress(SITEMAP, mtime=0)[:60], "truncated gzip"),
    ],
)  # fmt: skip
def test_what_is_no_feed_raises_a_readable_feed_error(content, message):
    with pytest.raises(FeedError, match="https://www.detik.com/rss: ") as raised:
        parse_listing(content, "https://www.detik.com/rss")
    assert message in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_malformed_xml_is_recovered_once():
    content = b"""<?xml version="1.0"?><rss version="2.0"><channel>
      <item><title>Banjir & longsor</title><link>http://127.0.0.1:8000/berita?id=7&hal=2</link></item>
      <item><title>Tanpa penutup</title><link>http://127.0.0.1:8000/berita?id=8</link>
    </channel></rss>"""
    assert parse_listing(content, "http://127.0.0.1:8000/rss").entries == [
        Entry("http://127.0.0.1:8000/berita?id=7&hal=2", title="Banjir & longsor"),
        Entry("http://127.0.0.1:8000/berita?id=8", title="Tanpa penutup"),
    ]


def _laughs(levels: int) -> str:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1))
    return f'<!DOCTYPE rss [<!ENTITY lol0 "lol">{entities}]>'


@pytest.mark.parametrize("levels", [3, 9])
def test_entities_are_never_expanded(levels):
    """Billion laughs: entity references stay unexpanded (or the content is refused), at once."""
    content = f"""<?xml version="1.0"?>{_laughs(levels)}<rss version="2.0"><channel><item>
      <title>Banjir &lol{levels};</title><link>https://www.detik.com/berita/d-1</link></item></channel></rss>"""
    began = time.perf_counter()
    try:
        titles = [entry.title or "" for entry in parse_listing(content.encode(), "https://www.detik.com/rss").entries]
    except FeedError:
        titles = []
    assert time.perf_counter() - began < 1
    assert not any("lollol" in title for title in titles)


def test_external_entities_and_dtds_are_not_loaded(tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("kata sandi redaksi")
    content = f"""<?xml version="1.0"?>
    <!DOCTYPE rss SYSTEM "http://127.0.0.1:9/feed.dtd" [<!ENTITY rahasia SYSTEM "file://{secret}">]>
    <rss version="2.0"><channel><item><title>Judul &rahasia;</title>
    <link>https://www.detik.com/berita/d-1</link></item></channel></rss>"""
    [entry] = parse_listing(content.encode(), "https://www.detik.com/rss").entries
    assert entry.url == "https://www.detik.com/berita/d-1"
    assert "kata sandi" not in (entry.title or "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon, 13 Jan 2025 15:30:00 +0700", datetime(2025, 1, 13, 8, 30)),
        ("Mon, 13 Jan 2025 08:30:00 GMT", datetime(2025, 1, 13, 8, 30)),
        ("13 Jan 2025 15:30 +0700", datetime(2025, 1, 13, 8, 30)),
        ("2025-01-13T15:30:00+07:00", datetime(2025, 1, 13, 8, 30)),
        ("2025-01-13T08:30:00Z", datetime(2025, 1, 13, 8, 30)),
        ("2025-01-13T15:30:00.250+0700", datetime(2025, 1, 13, 8, 30, 0, 250000)),
        ("2025-01-13T15:30+07:00", datetime(2025, 1, 13, 8, 30)),
        ("2025-01-13", datetime(2025, 1, 13)),
        ("2025-01", datetime(2025, 1, 1)),  # W3C year-month
        ("2025-01-13 15:30:00", datetime(2025, 1, 13, 15, 30)),  # no zone: taken as UTC
        ("Senin, 13 Januari 2025 15:30 WIB", None),
        ("2025-13-45", None),
        ("Mon, 32 Jan 2025 10:00:00 +0000", None),
        ("0001-01-01T00:00:00+01:00", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.binary() | st.text().map(str.encode) | st.sampled_from([RSS.encode(), RDF, ATOM, SITEMAP]).map(lambda b: b[:-40])
)
def test_any_bytes_give_a_listing_or_a_feed_error(content):
    try:
        listing = parse_listing(content, "https://www.detik.com/rss")
    except FeedError:
        return
    assert listing.kind in {"rss", "atom", "rdf", "sitemap", "sitemapindex"}
    assert all(entry.url.startswith(("http://", "https://")) for entry in listing.entries)
