"""Pages of long lists that stay as fast on page 1 000 as on page 1.

Django's ``Paginator`` slices the whole query: ``OFFSET 49 950`` makes PostgreSQL build (and
annotate, and join) every skipped row. ``IdsFirstPaginator`` asks for the page's ids alone —
an index-only scan when the list's order is indexed, and no annotation is computed for the
skipped rows — and then fetches those rows, with everything the list selects, by id."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet


class IdsFirstPaginator(Paginator):
    """A ``Paginator`` for a QuerySet whose page is fetched in two short queries instead of one
    long one. The page's ``object_list`` is a list in the QuerySet's order."""

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        queryset: QuerySet = self.object_list  # type: ignore[assignment]
        ids = list(queryset.values_list("pk", flat=True)[bottom:top])
        # The rows in any order (no sort needed for 50 ids), then put back in the list's.
        by_id = {row.pk: row for row in queryset.filter(pk__in=ids).order_by()}
        return Page([by_id[pk] for pk in ids if pk in by_id], number, self)


def ids_first_page(queryset, request, per_page: int = 50) -> Page:
    """The page the request asks for (``?page=``; a wrong number gives the nearest page)."""
    return IdsFirstPaginator(queryset, per_page).get_page(request.GET.get("page"))
