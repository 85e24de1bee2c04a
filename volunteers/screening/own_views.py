"""A volunteer's screening: giving and taking away roles, recording police certificate
checks and courses; and what the volunteer pages show of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import can, get_for_user, municipality_view
from volunteers.models import CertificateCheck, RoleHolder, Volunteer
from volunteers.screening import services as screening
from volunteers.screening.forms import (
    CERTIFICATE_HELP,
    CertificateCheckForm,
    CompletionForm,
    GiveRoleForm,
)
from volunteers.screening.readiness import missing_for
from volunteers.screening.services import ACTION


def _volunteer(request: HttpRequest, pk: int) -> Volunteer:
    return get_for_user(
        Volunteer.objects.in_municipality(request.municipality).select_related("user"),
        request.user,
        ACTION,
        pk=pk,
    )


def _holder(request: HttpRequest, pk: int) -> RoleHolder:
    return get_for_user(
        RoleHolder.objects.filter(role__municipality=request.municipality).select_related(
            "role", "volunteer__user"
        ),
        request.user,
        ACTION,
        via="role__municipality",
        pk=pk,
    )


def _detail_url(volunteer: Volunteer) -> str:
    url = reverse("volunteers:volunteer_detail", args=[volunteer.municipality_id, volunteer.pk])
    return url + "#screening"


# --- A volunteer's roles, police certificates and courses ---------------------------------


def _volunteer_form(
    request: HttpRequest,
    pk: int,
    *,
    form_class: type[GiveRoleForm | CompletionForm],
    prefix: str,
    write: Callable[..., Any],
    done: Callable[[Volunteer, Any], str],
    title: str,
    submit_label: str,
) -> HttpResponse:
    """A form about the volunteer on a page of its own: ``write`` (a screening service) is
    given the volunteer and what the form says, then ``done`` says what it wrote, and the
    coordinator is back at the volunteer's screening. ``title`` may name the volunteer."""
    volunteer = _volunteer(request, pk)
    form = form_class(request.POST or None, volunteer=volunteer, prefix=prefix)
    if written := ui.submit(
        request, form, lambda data: write(volunteer=volunteer, by=request.user, **data)
    ):
        messages.success(request, done(volunteer, written.value))
        return redirect(_detail_url(volunteer))
    return ui.form_page(
        request,
        form=form,
        title=title % {"name": volunteer},
        submit_label=submit_label,
        back_url=_detail_url(volunteer),
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def role_give(request: HttpRequest, pk: int) -> HttpResponse:
    return _volunteer_form(
        request,
        pk,
        form_class=GiveRoleForm,
        prefix="give",
        write=screening.give_role,
        done=lambda volunteer, holder: (
            _("%(name)s now has the role %(role)s.") % {"name": volunteer, "role": holder.role.name}
        ),
        title=_("Give %(name)s a role"),
        submit_label=_("Give the role"),
    )


def _certificates_lost(holder: RoleHolder) -> str:
    """What taking the role away deletes too ("" when the role has no certificate checks)."""
    checks = holder.certificate_checks.count()
    if not checks:
        return ""
    return ngettext(
        "The record of the police certificate check for this role is deleted too. If the "
        "volunteer takes on the role again, the coordinator must see a police certificate "
        "again.",
        "The %(counter)s records of police certificate checks for this role are deleted "
        "too. If the volunteer takes on the role again, the coordinator must see a police "
        "certificate again.",
        checks,
    ) % {"counter": checks}


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def role_take_away(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first, then take the role away; its police certificate records are deleted."""
    holder = _holder(request, pk)
    volunteer = holder.volunteer
    return ui.confirm_then(
        request,
        do=lambda: screening.take_away_role(holder=holder, by=request.user),
        done=_("%(name)s no longer has the role %(role)s.")
        % {"name": volunteer, "role": holder.role.name},
        then=_detail_url(volunteer),
        title=_("Take the role away"),
        question=_("Do you want to take the role %(role)s away from %(name)s?")
        % {"role": holder.role.name, "name": volunteer},
        warning=_certificates_lost(holder),
        submit_label=_("Yes, take the role away"),
        back_url=_detail_url(volunteer),
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def certificate_record(request: HttpRequest, pk: int) -> HttpResponse:
    holder = _holder(request, pk)
    volunteer = holder.volunteer
    if not holder.role.requires_certificate:
        messages.info(
            request,
            _("The role %(role)s does not require a police certificate.")
            % {"role": holder.role.name},
        )
        return redirect(_detail_url(volunteer))
    form = CertificateCheckForm(request.POST or None, holder=holder, prefix=f"holder{holder.pk}")
    if ui.submit(
        request,
        form,
        lambda data: screening.record_certificate_check(holder=holder, by=request.user, **data),
    ):
        messages.success(request, _("The police certificate check is recorded."))
        return redirect(_detail_url(volunteer))
    return ui.form_page(
        request,
        form=form,
        title=_("Police certificate for %(name)s as %(role)s")
        % {"name": volunteer, "role": holder.role.name},
        intro=CERTIFICATE_HELP,
        submit_label=_("Record the check"),
        back_url=_detail_url(volunteer),
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def completion_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _volunteer_form(
        request,
        pk,
        form_class=CompletionForm,
        prefix="completion",
        write=screening.record_completion,
        done=lambda volunteer, completion: (
            _("%(name)s has completed %(course)s.")
            % {"name": volunteer, "course": completion.course.name}
        ),
        title=_("Record a course %(name)s has completed"),
        submit_label=_("Record"),
    )


# --- Context for the pages of other areas -------------------------------------------------


def _roles_with_checks(
    volunteer: Volunteer, municipality_id: str | None = None, *, declaration=None
) -> list[dict]:
    """Each role the volunteer has, with what is missing and the police certificate checks.
    With ``municipality_id``, only the roles of that municipality (a coordinator never sees
    the roles and checks another municipality recorded). The holders are loaded once, for the
    rows and for their readiness; ``declaration`` is the current one of the volunteer's
    municipality (the page has it already)."""
    holders = volunteer.roles.all()
    if municipality_id is not None:
        holders = holders.filter(role__municipality_id=municipality_id)
    holders = list(
        holders.select_related("role")
        .prefetch_related(
            "role__required_courses",
            Prefetch(
                "certificate_checks",
                queryset=CertificateCheck.objects.select_related("checked_by"),
            ),
        )
        .order_by("role__name", "pk")
    )
    found = missing_for([volunteer], holders=holders, declaration=declaration)
    readiness = {r.role.pk: r for r in found.get(volunteer.pk, [])}
    return [{"holder": holder, "readiness": readiness.get(holder.role_id)} for holder in holders]


def choices_once(field) -> bool:
    """Load a model choice field's choices once, for showing an unbound form: the widget
    renders from the loaded list (Django would query again for each rendering, and the page
    asked ``queryset.exists`` first). Whether there is anything to choose. Posted forms are
    built in their own views, which validate against the field's queryset as before."""
    field.widget.choices = list(iter(field.choices))  # iter: no COUNT first
    return any(value != "" for value, _label in field.widget.choices)


def detail_screening(request: HttpRequest, volunteer: Volunteer, *, declaration) -> dict:
    """What ``partials/_detail_screening.html`` shows: readiness for everyone who may see the
    volunteer; the forms only for those who manage screening. ``declaration``: the current
    one of the municipality (None when it has published none)."""
    municipality = request.municipality
    may_manage = can(request.user, ACTION, municipality)
    rows = _roles_with_checks(volunteer, municipality.pk, declaration=declaration)
    give_form = completion_form = None
    if may_manage:
        for row in rows:
            holder = row["holder"]
            if holder.role.requires_certificate:
                row["certificate_form"] = CertificateCheckForm(
                    holder=holder, prefix=f"holder{holder.pk}"
                )
        give_form = GiveRoleForm(volunteer=volunteer, prefix="give")
        completion_form = CompletionForm(volunteer=volunteer, prefix="completion")
    return {
        "may_manage": may_manage,
        "roles": rows,
        "completions": volunteer.completions.filter(course__municipality=municipality)
        .select_related("course")
        .order_by("-completed_on"),
        "give_form": give_form,
        "roles_to_give": give_form is not None and choices_once(give_form.fields["role"]),
        "completion_form": completion_form,
        "courses_to_record": (
            completion_form is not None and choices_once(completion_form.fields["course"])
        ),
    }


def own_screening(volunteer: Volunteer, *, declaration) -> dict:
    """What ``partials/_own_screening.html`` shows the volunteer about their own roles.
    ``declaration``: the current one of the volunteer's municipality (None: none published)."""
    rows = _roles_with_checks(volunteer, declaration=declaration)
    for row in rows:
        approved = [c for c in row["holder"].certificate_checks.all() if c.approved]
        row["renew_by"] = approved[0].renew_by if approved else None
    return {
        "roles": rows,
        "completions": list(
            volunteer.completions.select_related("course").order_by("-completed_on")
        ),
    }


def with_readiness(volunteers, *, roles_exist: bool, declaration) -> list[Volunteer]:
    """The registry's page of volunteers, each with ``readiness``: what is missing for each
    role they have. A fixed number of queries; none when the municipality has no roles.
    ``declaration``: the municipality's current one (None: it has none), and ``signed_current``
    on each volunteer, as the page has them."""
    volunteers = list(volunteers)
    if not (roles_exist and volunteers):
        found = {}
    else:
        signed = {v.pk for v in volunteers if v.signed_current} if declaration else None
        found = missing_for(volunteers, declaration=declaration, signed=signed)
    for volunteer in volunteers:
        volunteer.readiness = found.get(volunteer.pk, [])
    return volunteers
