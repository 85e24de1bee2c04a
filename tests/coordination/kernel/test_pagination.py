"""The ids-first paginator gives the same pages as Django's, and skips rows without building
them: the annotations of a list are computed for the page's rows only."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from coordination.kernel.models import Municipality
from coordination.kernel.pagination import IdsFirstPaginator

pytestmark = pytest.mark.django_db


def _municipalities():
    return Municipality.objects.annotate(member_count=Count("memberships")).order_by("name", "pk")


@pytest.mark.parametrize("number", [1, 2, 7, 8])
def test_every_page_holds_the_same_rows_in_the_same_order_as_djangos(number):
    django_page = Paginator(_municipalities(), 50, orphans=3).page(number)
    ours = IdsFirstPaginator(_municipalities(), 50, orphans=3).page(number)
    assert [m.pk for m in ours] == [m.pk for m in django_page]
    assert [m.member_count for m in ours] == [m.member_count for m in django_page]
    assert ours.has_next() == django_page.has_next()


def test_the_skipped_rows_are_neither_joined_nor_annotated():
    with CaptureQueriesContext(connection) as queries:
        page = IdsFirstPaginator(_municipalities(), 50).page(6)
        list(page)
    ids_query, rows_query = queries.captured_queries[-2:]
    assert "OFFSET 250" in ids_query["sql"] and "COUNT" not in ids_query["sql"].upper()
    assert "OFFSET" not in rows_query["sql"] and "COUNT" in rows_query["sql"].upper()
