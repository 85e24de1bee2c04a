"""Bounded queries: a page's SQL query count must not grow with the rows it lists.

``assert_flat_queries`` requests a page, adds rows it lists, requests it again and compares the
two query counts. When they differ it prints the queries that the bigger page ran more often
(numbers and strings folded to ``?``), so an N+1 shows as one statement repeated once per row.
"""

import re
from collections import Counter
from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

_LITERALS = (
    (re.compile(r"'(?:[^']|'')*'"), "?"),  # strings
    (re.compile(r"\b\d+(?:\.\d+)?\b"), "?"),  # numbers (ids, limits, offsets)
    (re.compile(r"\(\s*\?(?:\s*,\s*\?)*\s*\)"), "(…)"),  # IN (?, ?, ?) of any length
    (re.compile(r"\s+"), " "),
)


def shape(sql: str) -> str:
    """The statement without its values: the same query for another row has the same shape."""
    for pattern, replacement in _LITERALS:
        sql = pattern.sub(replacement, sql)
    return sql.strip()


def _count(client: Client, url: str) -> tuple[list[str], int]:
    """The statements one request ran, and the length of the page."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}, not 200"
    return [query["sql"] for query in captured.captured_queries], len(response.content)


def grown_queries(small: list[str], large: list[str]) -> str:
    """The statements the larger page ran more (or less) often, most repeated first."""
    before, after = Counter(map(shape, small)), Counter(map(shape, large))
    changed = sorted(set(before) | set(after), key=lambda sql: -abs(after[sql] - before[sql]))
    return "\n".join(
        f"  {before[sql]} → {after[sql]} times: {sql[:400]}"
        for sql in changed
        if before[sql] != after[sql]
    )


def assert_flat_queries(
    client: Client,
    url: str,
    grow: Callable[[int], object],
    *,
    small: int = 2,
    large: int = 6,
    shows_rows: bool = True,
) -> int:
    """Grow the data to ``small`` rows, request ``url`` twice (the first request reads what a
    process reads once: the site, languages, content types) and count the second; grow it to
    ``large`` rows and count again. Both answers must be 200 and the counts equal. Returns the
    count. ``grow(n)`` adds ``n`` rows the page lists, in what the client may see; unless
    ``shows_rows`` is False (a page of counts) the page must grow with them, so a ``grow`` that
    adds nothing the page shows cannot pass unnoticed."""
    grow(small)
    client.get(url)
    at_small, small_length = _count(client, url)
    grow(large - small)
    at_large, large_length = _count(client, url)
    if shows_rows:
        assert large_length > small_length, (
            f"{url} is no longer with {large} rows than with {small}: does it list them?"
        )
    assert len(at_small) == len(at_large), (
        f"{url}: {len(at_small)} queries with {small} rows, {len(at_large)} with {large}; "
        f"the queries whose number changed:\n{grown_queries(at_small, at_large)}"
    )
    return len(at_large)
