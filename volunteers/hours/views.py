"""Hours: the volunteer logs their own and sees their totals; the coordinator approves, logs
hours for volunteers, sees the municipality's totals and sets the kilometre rate."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import ui
from coordination.kernel.pagination import ids_first_page
from coordination.kernel.permissions import can, login_required, municipality_view
from coordination.kernel.text import plural_count
from volunteers.hours import services
from volunteers.hours import totals as hours_totals
from volunteers.hours.forms import HoursDecisionForm, HoursForm, KmRateForm, YearForm
from volunteers.hours.models import HoursEntry, HoursStatus
from volunteers.needs.models import Assignment
from volunteers.profile.models import Volunteer
from volunteers.profile.views import _own_volunteer
from volunteers.registry.forms import VolunteerSearchForm

SEARCH_RESULTS = 20


# --- the volunteer's own hours ------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def own_hours(request: HttpRequest) -> HttpResponse:
    volunteer = _own_volunteer(request)
    if volunteer is None:
        return redirect("volunteers:register")
    form = HoursForm(request.POST or None, assignments=services.assignments_to_log_for(volunteer))
    if ui.submit(
        request,
        form,
        lambda _data: services.log_own_hours(
            volunteer=volunteer, by=request.user, **form.service_arguments()
        ),
    ):
        messages.success(
            request, _("Thank you! Your hours are saved and wait for the coordinator's approval.")
        )
        return redirect("volunteers:own_hours")
    year = timezone.localdate().year
    entries = volunteer.hours.select_related("assignment__need").order_by("-worked_on", "-pk")
    return render(
        request,
        "volunteers/hours_own.html",
        {
            "volunteer": volunteer,
            "form": form,
            "page": Paginator(entries, 50).get_page(request.GET.get("page")),
            "year": year,
            "year_totals": hours_totals.totals(volunteer.hours.filter(worked_on__year=year)),
            "months": hours_totals.per_month(volunteer.hours.all(), year),
            "pending": HoursStatus.PENDING,
        },
    )


def _own_entry(request: HttpRequest, pk: int) -> HoursEntry:
    """The person's own entry, or 404."""
    return get_object_or_404(
        HoursEntry.objects.select_related("volunteer", "assignment__need"),
        pk=pk,
        volunteer__user=request.user,
    )


@login_required
@require_http_methods(["GET", "POST"])
def own_hours_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _own_entry(request, pk)
    if entry.status != HoursStatus.PENDING:
        messages.info(request, _("These hours have already been decided on."))
        return redirect("volunteers:own_hours")
    form = HoursForm(
        request.POST or None,
        assignments=services.assignments_to_log_for(entry.volunteer),
        initial={
            "assignment": entry.assignment_id,
            "worked_on": entry.worked_on,
            "hours": entry.hours,
            "km": entry.km,
            "description": entry.description,
        },
    )
    if ui.submit(
        request,
        form,
        lambda _data: services.edit_own_hours(
            entry=entry, by=request.user, **form.service_arguments()
        ),
    ):
        messages.success(request, _("Your hours are changed."))
        return redirect("volunteers:own_hours")
    return render(request, "volunteers/hours_own_edit.html", {"form": form, "entry": entry})


@login_required
@require_http_methods(["GET", "POST"])
def own_hours_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _own_entry(request, pk)
    own_hours_url = reverse("volunteers:own_hours")
    return ui.confirm_then(
        request,
        do=lambda: services.withdraw_own_hours(entry=entry, by=request.user),
        done=_("The hours are withdrawn."),
        then=own_hours_url,
        title=_("Withdraw these hours"),
        question=_(
            "Do you want to withdraw the hours you logged for %(date)s? They are taken "
            "away before the coordinator approves them. You can log them again later."
        )
        % {"date": date_format(entry.worked_on, "DATE_FORMAT")},
        submit_label=_("Yes, withdraw the hours"),
        back_url=own_hours_url,
    )


# --- the coordinator ------------------------------------------------------------------------


def detail_panel(request: HttpRequest, volunteer: Volunteer) -> dict:
    """For the coordinator's page about a volunteer: totals in the municipality this year and
    in all (one query), and the latest entries (one)."""
    municipality = request.municipality
    entries = volunteer.hours.filter(municipality=municipality)
    year = timezone.localdate().year
    this_year, all_time = hours_totals.totals_in_year_and_all(entries, year)
    return {
        "year": year,
        "totals": this_year,
        "all_time": all_time,
        "latest": list(
            entries.select_related("assignment__need").order_by("-worked_on", "-pk")[:5]
        ),
        "may_manage": can(request.user, "manage_hours", municipality),
    }


def _decide(data: dict, by) -> int:
    """Approve or reject the ticked entries, as the coordinator chose; how many."""
    ids = [entry.pk for entry in data["entries"]]
    if data["decision"] == "approve":
        return services.approve_hours(entry_ids=ids, by=by)
    return services.reject_hours(entry_ids=ids, by=by)


@municipality_view("manage_hours")
@require_http_methods(["GET", "POST"])
def hours_manage(request: HttpRequest) -> HttpResponse:
    """Entries waiting for approval (approve or reject by ticking), this year's totals by
    month, and the kilometre rate."""
    municipality = request.municipality
    in_municipality = HoursEntry.objects.in_municipality(municipality)
    pending = in_municipality.filter(status=HoursStatus.PENDING)
    form = HoursDecisionForm(request.POST or None, pending=pending)
    if done := ui.submit(request, form, lambda data: _decide(data, request.user)):
        count = done.value
        if form.cleaned_data["decision"] == "approve":
            text = ngettext("%(count)s entry approved.", "%(count)s entries approved.", count)
        else:
            text = ngettext(
                "%(count)s entry not approved.", "%(count)s entries not approved.", count
            )
        messages.success(request, text % {"count": count})
        return redirect("volunteers:hours_manage", municipality.pk)
    year_form = YearForm(request.GET)
    year = year_form.chosen_year
    waiting = pending.select_related("volunteer__user", "assignment__need").order_by(
        "worked_on", "pk"
    )
    return render(
        request,
        "volunteers/hours_manage.html",
        {
            "municipality": municipality,
            "form": form,
            "ticked": set(form["entries"].value() or []) if form.is_bound else set(),
            "page": ids_first_page(waiting, request),
            "year_form": year_form,
            "year": year,
            "months": hours_totals.per_month(in_municipality, year, every_month=True),
            "year_totals": hours_totals.totals(in_municipality.filter(worked_on__year=year)),
            "km_rate": services.current_km_rate(municipality),
        },
    )


@municipality_view("manage_hours")
@require_GET
def hours_totals_view(request: HttpRequest) -> HttpResponse:
    """Totals per volunteer in a year, by name, paginated."""
    municipality = request.municipality
    year_form = YearForm(request.GET)
    year = year_form.chosen_year
    rows = hours_totals.per_volunteer(HoursEntry.objects.in_municipality(municipality), year)
    return render(
        request,
        "volunteers/hours_totals.html",
        {
            "municipality": municipality,
            "year_form": year_form,
            "year": year,
            "page": Paginator(rows, 50).get_page(request.GET.get("page")),
        },
    )


def _chosen_volunteer(request: HttpRequest) -> Volunteer | None:
    """The volunteer named by ``?volunteer=<id>``: one of the municipality's, or 404."""
    raw = request.GET.get("volunteer", "")
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit() and len(raw) < 19):
        raise Http404
    return get_object_or_404(
        Volunteer.objects.in_municipality(request.municipality)
        .filter(user__isnull=False)
        .select_related("user"),
        pk=int(raw),
    )


@municipality_view("manage_hours")
@require_http_methods(["GET", "POST"])
def hours_log_for(request: HttpRequest) -> HttpResponse:
    """Log hours for a volunteer: find them by name (or come from their page with
    ``?volunteer=<id>``), then fill in the hours. Approved at once."""
    municipality = request.municipality
    volunteer = _chosen_volunteer(request)
    form = None
    if volunteer is not None:
        assignments = (
            Assignment.objects.filter(volunteer=volunteer, need__municipality=municipality)
            .select_related("need")
            .order_by("-started_on", "-pk")
        )
        form = HoursForm(request.POST or None, assignments=assignments)
        if done := ui.submit(
            request,
            form,
            lambda _data: services.log_hours_for(
                volunteer=volunteer, by=request.user, **form.service_arguments()
            ),
        ):
            messages.success(
                request,
                ngettext(
                    "%(hours)s hour for %(name)s is logged and approved.",
                    "%(hours)s hours for %(name)s are logged and approved.",
                    plural_count(done.value.hours),
                )
                % {"hours": number_format(done.value.hours, 2), "name": volunteer},
            )
            return redirect("volunteers:hours_log_for", municipality.pk)
    elif request.method == "POST":
        messages.error(request, _("Find and choose the volunteer first."))
    search = VolunteerSearchForm(request.GET)
    results, more = [], False
    if volunteer is None and search.is_valid() and (text := search.cleaned_data["q"].strip()):
        found = list(
            Volunteer.objects.in_municipality(municipality)
            .filter(anonymised_at__isnull=True)
            .active()
            .search(text)
            .select_related("user")
            .order_by("sort_name", "pk")[: SEARCH_RESULTS + 1]
        )
        results, more = found[:SEARCH_RESULTS], len(found) > SEARCH_RESULTS
    return render(
        request,
        "volunteers/hours_log_for.html",
        {
            "municipality": municipality,
            "volunteer": volunteer,
            "form": form,
            "search": search,
            "results": results,
            "more": more,
        },
    )


@municipality_view("manage_hours")
@require_http_methods(["GET", "POST"])
def hours_rate(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    current = services.current_km_rate(municipality)
    form = KmRateForm(request.POST or None, initial={"km_rate": current})
    if done := ui.submit(
        request,
        form,
        lambda data: services.set_km_rate(
            municipality=municipality, rate=data["km_rate"], by=request.user
        ),
    ):
        messages.success(
            request,
            _("The kilometre rate is now %(rate)s kroner.")
            % {"rate": number_format(done.value.km_rate, 2)},
        )
        return redirect("volunteers:hours_manage", municipality.pk)
    return render(
        request,
        "volunteers/hours_rate.html",
        {"municipality": municipality, "form": form, "current": current},
    )
