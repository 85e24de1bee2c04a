"""Following the site's own links, breadth-first: the one crawler of the tests. The link crawl
(tests/trust/test_link_crawl.py), the HTML checker, the phone-width check and the browser
checks (tests/e2e) all walk with ``Crawl``; each opens a page its own way (the test client or
a browser) and says which links to follow from it.

    crawl = Crawl(["/", "/my/"], key=route)
    for page in crawl:
        response = client.get(page.path)
        ...
        page.follow(links_in(response.content.decode(), page.path))

Each URL is opened once, and at most ``per_key`` URLs of one kind (``key``: the view's route,
URL name or the path's shape), so that a list's 40 detail pages count once."""

import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.test import Client
from django.urls import Resolver404, resolve

START = ["/", "/my/", "/volunteer/", "/help/3434/", "/coordination/3434/", "/coordination/3301/"]
# Links that end a session, change something on GET or are not pages are not followed.
SKIP = ("/accounts/logout", "/admin", "/static/", "/media/", "/i18n/")


@dataclass
class Page:
    """A page to open: ``path`` (with its query), the page whose link led here and how many
    links away from a start page it is."""

    path: str
    carrier: str = "(landing page)"
    depth: int = 0
    links: list[str] = field(default_factory=list)

    def follow(self, links: Iterable[str]) -> None:
        """Go on to these links (paths on this site) once this page is done with."""
        self.links.extend(links)


class Crawl:
    """The pages reached from ``start`` by following links, breadth-first; see the module."""

    def __init__(
        self, start: Iterable[str], key: Callable[[str], str] = str, per_key: int = 1
    ) -> None:
        self.key, self.per_key = key, per_key
        self.seen: set[str] = set()
        self.taken: Counter[str] = Counter()
        self.queue: deque[Page] = deque(Page(path) for path in start if self.take(path))

    def take(self, path: str) -> bool:
        """Count ``path`` as reached, unless it was or its kind is full: True if it is new."""
        kind = self.key(path)
        if path in self.seen or self.taken[kind] >= self.per_key:
            return False
        self.seen.add(path)
        self.taken[kind] += 1
        return True

    def __iter__(self) -> Iterator[Page]:
        while self.queue:
            page = self.queue.popleft()
            yield page
            for link in page.links:
                if self.take(link):
                    self.queue.append(Page(link, page.path, page.depth + 1))


# --- Kinds of page ----------------------------------------------------------------------------


def shape(path: str) -> str:
    """The path with every number as N (``/coordination/3434/units/7/`` is
    ``/coordination/N/units/N/``), without the query."""
    return "/".join("N" if part.isdigit() else part for part in urlsplit(path).path.split("/"))


def route(path: str) -> str:
    """The route of the view (one municipality stands for all 357); the path if none."""
    try:
        return resolve(urlsplit(path).path).route
    except Resolver404:
        return path


def url_name(path: str) -> str | None:
    try:
        return resolve(urlsplit(path).path).view_name
    except Resolver404:
        return None


# --- Links ------------------------------------------------------------------------------------


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and (href := dict(attrs).get("href")):
            self.hrefs.append(href)


def hrefs_in(html: str) -> list[str]:
    """The ``href`` of every link on the page, as written."""
    parser = _Anchors()
    parser.feed(html)
    return parser.hrefs


def same_site(base: str, href: str, skip: tuple[str, ...] = SKIP) -> str | None:
    """The path and query of a link on this site, or None for another site, mailto:, tel:, an
    anchor on the same page or a path starting with one of ``skip``."""
    if href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    url = urlsplit(urljoin(base, href))
    if url.scheme not in ("", "http", "https") or url.netloc not in ("", "testserver"):
        return None
    if url.path.startswith(skip):
        return None
    return url.path + (f"?{url.query}" if url.query else "")


def links_in(html: str, base: str, skip: tuple[str, ...] = SKIP) -> list[str]:
    """The links on a page (at ``base``) to this site, as paths with their query."""
    return [link for href in hrefs_in(html) if (link := same_site(base, href, skip))]


def links_in_browser(page, base_url: str, skip: re.Pattern) -> list[str]:
    """The links on the page a browser (Playwright) shows, to the site at ``base_url``, as
    paths without their query; never a download link nor a path that ``skip`` finds."""
    hrefs = page.eval_on_selector_all("a[href]:not([download])", "links => links.map(a => a.href)")
    paths = []
    for href in hrefs:
        href, _fragment = urldefrag(href)
        if not href.startswith(base_url + "/"):
            continue  # mailto:, other sites
        path = urlsplit(href).path
        if not skip.search(path):
            paths.append(path)
    return paths


# --- HTML pages a person reaches --------------------------------------------------------------


def html_pages(client: Client, limit: int) -> dict[str, str]:
    """Up to ``limit`` HTML pages this client reaches by following links from the pages every
    persona starts on, one page per shape of path; for checks that run over many pages (the
    HTML checker, the phone-width check)."""
    pages: dict[str, str] = {}
    for page in Crawl(START, key=shape):
        if len(pages) >= limit:
            break
        response = client.get(page.path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        pages[page.path] = html = response.content.decode()
        page.follow(links_in(html, page.path))
    return pages
