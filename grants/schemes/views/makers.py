"""The national administrator's grant-makers, and a grant-maker's people and home."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import permissions, ui
from coordination.kernel.http import AuthenticatedRequest
from coordination.kernel.models import GrantMaker, GrantMakerRole, GrantRole
from coordination.kernel.permissions import (
    grant_maker_view,
    national_view,
)
from grants.applications.models import Application
from grants.applications.workflow import Status
from grants.reports.models import Report, ReportStatus
from grants.schemes import services
from grants.schemes.forms import (
    GrantMakerForm,
    GrantRoleForm,
    OfficerForm,
)
from grants.schemes.models import Round, Scheme
from grants.schemes.views.base import GrantMakerRequest, RoundLine, round_state

# --- The national administrator's grant-makers -------------------------------------------------


@national_view
@require_GET
def grant_maker_list(request: AuthenticatedRequest) -> HttpResponse:
    found = GrantMaker.objects.select_related("municipality").annotate(
        # distinct: the join with the schemes would count each role once per scheme
        officers=Count("roles", filter=Q(roles__role=GrantRole.OFFICER), distinct=True),
        reviewers=Count("roles", filter=Q(roles__role=GrantRole.REVIEWER), distinct=True),
        scheme_count=Count("schemes", distinct=True),
    )
    return render(request, "grants/schemes/grant_maker_list.html", {"grant_makers": found})


@national_view
@require_http_methods(["GET", "POST"])
def grant_maker_create(request: AuthenticatedRequest) -> HttpResponse:
    form = GrantMakerForm(request.POST or None)
    if done := ui.submit(
        request, form, lambda data: services.create_grant_maker(by=request.user, **data)
    ):
        messages.success(
            request,
            _("%(name)s is created, and its first grant officer can start.")
            % {"name": done.value.name},
        )
        return redirect("grants:grant_maker_list")
    return ui.form_page(
        request,
        form=form,
        title=_("New grant-maker"),
        intro=_(
            "A grant-maker runs grant schemes: a national body, a county governor, a county or a "
            "municipality. Its grant officers then add their colleagues and reviewers themselves."
        ),
        submit_label=_("Create the grant-maker"),
        back_url=reverse("grants:grant_maker_list"),
        back_label=_("All grant-makers"),
    )


@national_view
@require_http_methods(["GET", "POST"])
def grant_maker_officer_add(request: AuthenticatedRequest, grant_maker: int) -> HttpResponse:
    """The national administrator gives a grant-maker an officer: one left without any (an
    officer who deleted their account) is otherwise run by nobody."""
    found = get_object_or_404(GrantMaker, pk=grant_maker)
    form = OfficerForm(request.POST or None)
    if done := ui.submit(
        request,
        form,
        lambda data: services.add_grant_role(
            by=request.user, grant_maker=found, email=data["email"], role=GrantRole.OFFICER
        ),
    ):
        messages.success(
            request,
            _("%(name)s is now %(role)s.")
            % {"name": done.value.user, "role": done.value.get_role_display().lower()},
        )
        return redirect("grants:grant_maker_list")
    return ui.form_page(
        request,
        form=form,
        title=_("Add a grant officer to %(name)s") % {"name": found.name},
        intro=_(
            "The grant officer runs the grant-maker's schemes and adds colleagues and reviewers."
        ),
        submit_label=_("Add grant officer"),
        back_url=reverse("grants:grant_maker_list"),
        back_label=_("All grant-makers"),
    )


# --- A grant-maker's people ----------------------------------------------------------------


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def grant_maker_roles(request: GrantMakerRequest) -> HttpResponse:
    grant_maker = request.grant_maker
    form = GrantRoleForm(request.POST or None)
    if done := ui.submit(
        request,
        form,
        lambda data: services.add_grant_role(by=request.user, grant_maker=grant_maker, **data),
    ):
        given = done.value
        messages.success(
            request,
            _("%(name)s is now %(role)s.")
            % {"name": given.user, "role": given.get_role_display().lower()},
        )
        return redirect("grants:grant_maker_roles", grant_maker.pk)
    roles = grant_maker.roles.select_related("user").order_by("role", "user__full_name", "pk")
    return render(
        request,
        "grants/schemes/grant_maker_roles.html",
        {
            "grant_maker": grant_maker,
            "officers": [r for r in roles if r.role == GrantRole.OFFICER],
            "reviewers": [r for r in roles if r.role == GrantRole.REVIEWER],
            "form": form,
        },
    )


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def grant_role_remove(request: GrantMakerRequest, pk: int) -> HttpResponse:
    grant_maker = request.grant_maker
    grant_role = get_object_or_404(
        GrantMakerRole.objects.select_related("user").filter(grant_maker=grant_maker), pk=pk
    )
    back = reverse("grants:grant_maker_roles", args=[grant_maker.pk])
    words = {
        "name": grant_role.user,
        "role": grant_role.get_role_display().lower(),
        "grant_maker": grant_maker.name,
    }
    return ui.confirm_then(
        request,
        do=lambda: services.remove_grant_role(by=request.user, grant_role=grant_role),
        done=_("%(name)s no longer has the role %(role)s.") % words,
        # Someone who takes away their own role may no longer see this page.
        then=back if grant_role.user_id != request.user.pk else reverse("coordination:my_page"),
        title=_("Remove role"),
        question=_(
            "Do you want to remove the role %(role)s in %(grant_maker)s from %(name)s? Their "
            "account is kept."
        )
        % words,
        submit_label=_("Yes, remove the role"),
        back_url=back,
        back_label=_("People and roles"),
    )


# --- A grant-maker's home ------------------------------------------------------------------


@grant_maker_view("view_grant_maker")
@require_GET
def grant_maker_home(request: GrantMakerRequest) -> HttpResponse:
    grant_maker = request.grant_maker
    user = request.user
    now = timezone.now()
    schemes = list(
        Scheme.objects.filter(grant_maker=grant_maker).prefetch_related(
            Prefetch("rounds", Round.objects.order_by("-opens_at", "-pk"))
        )
    )
    # Applications per round and status, in one query for the whole grant-maker.
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for row in (
        Application.objects.filter(grant_maker=grant_maker)
        .values("round_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[row["round_id"]][row["status"]] = row["n"]
    labels = dict(Status.choices)
    lines = [
        (
            scheme,
            [
                RoundLine(
                    round_,
                    round_state(round_, now),
                    [
                        (str(labels[status]), counts[round_.pk][status])
                        for status in Status.values
                        if status in counts.get(round_.pk, {})
                    ],
                )
                for round_ in scheme.rounds.all()
            ],
        )
        for scheme in schemes
    ]
    may_run = permissions.can(user, "run_grants", grant_maker)
    to_assess = (
        Report.objects.filter(grant_maker=grant_maker, status=ReportStatus.SUBMITTED).count()
        if may_run
        else 0
    )
    links = []
    for name, label in (
        (
            "grants:report_list",
            ngettext(
                "%(counter)s report to assess for %(name)s",
                "%(counter)s reports to assess for %(name)s",
                to_assess,
            )
            % {"counter": to_assess, "name": grant_maker.name}
            if to_assess
            else _("Reports"),
        ),
        ("grants:grant_maker_roles", _("People and roles")),
        ("grants:review_list", _("My reviews")),
    ):
        url = reverse(name, args=[grant_maker.pk])
        if permissions.may_open(user, url):
            links.append((url, label))
    return render(
        request,
        "grants/schemes/grant_maker_home.html",
        {
            "grant_maker": grant_maker,
            "schemes": lines,
            "may_run": may_run,
            "links": links,
        },
    )
