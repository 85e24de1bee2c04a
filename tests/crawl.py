"""Follow the links a logged-in (or anonymous) client sees, from the pages every persona starts
on: the pages a person actually reaches, for checks that run over many pages (the HTML checker,
the phone-width check)."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.test import Client

START = ["/", "/my/", "/volunteer/", "/help/3434/", "/coordination/3434/", "/coordination/3301/"]
# Links that end a session or change something on GET are not followed.
SKIP = ("/accounts/logout", "/admin", "/static/", "/media/", "/i18n/")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/"):
                self.links.append(urldefrag(href)[0])


def crawl(client: Client, limit: int) -> dict[str, str]:
    """Up to ``limit`` HTML pages this client reaches by following links (one page per
    URL path, so that a list's 40 detail pages count once)."""
    pages: dict[str, str] = {}
    seen_shapes: set[str] = set()
    queue = deque(START)
    while queue and len(pages) < limit:
        url = queue.popleft()
        path = urlsplit(url).path
        shape = "/".join("N" if part.isdigit() else part for part in path.split("/"))
        if shape in seen_shapes or path.startswith(SKIP):
            continue
        seen_shapes.add(shape)
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        pages[url] = html
        parser = _Links()
        parser.feed(html)
        queue.extend(parser.links)
    return pages
