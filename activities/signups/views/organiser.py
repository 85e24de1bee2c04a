"""The organiser's pages: a meeting's participants and waiting list, signing someone up by
phone, cancelling a place or a meeting, and tomorrow's reminder calls."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from activities.catalogue.models import ActivityStatus, Enrolment
from activities.catalogue.permissions import can_manage_activity
from activities.schedule.models import Session, SessionStatus
from activities.signups import services
from activities.signups.forms import CancelSessionForm, SignUpForm
from activities.signups.models import SignUp, SignUpStatus
from coordination.kernel import audit, sms, ui
from coordination.kernel.http import MunicipalityRequest
from coordination.kernel.models import Role
from coordination.kernel.permissions import has_role, municipality_view


def _tel(phone: str) -> str:
    """The number for a ``tel:`` link, or "" when it is not a Norwegian number."""
    try:
        return sms.normalise_phone(phone)
    except ValidationError:
        return ""


def _managed_session(request: MunicipalityRequest, pk: int) -> Session:
    """The session in this municipality, if the person runs its activity; otherwise 404."""
    session = get_object_or_404(
        Session.objects.in_municipality(request.municipality).select_related(
            "activity__municipality", "activity__organiser", "place"
        ),
        pk=pk,
    )
    if not can_manage_activity(request.user, session.activity):
        raise Http404
    return session


@municipality_view("manage_activities")
@require_GET
def session_participants(request: MunicipalityRequest, pk: int) -> HttpResponse:
    session = _managed_session(request, pk)
    everyone = list(
        SignUp.objects.filter(
            Q(session=session) | Q(session__isnull=True, activity_id=session.activity_id),
            status__in=[SignUpStatus.CONFIRMED, SignUpStatus.WAITING],
        ).order_by("created_at", "pk")
    )
    for signup in everyone:
        signup.tel = _tel(  # type: ignore[attr-defined]
            signup.participant_phone
        )
        signup.by_tel = _tel(  # type: ignore[attr-defined]
            signup.signed_up_by_phone
        )
    audit.record(
        request.user, "viewed", session, code="activities.participants_viewed",
        params={"activity": session.activity.title},
    )  # fmt: skip
    confirmed = [s for s in everyone if s.status == SignUpStatus.CONFIRMED]
    waiting = [s for s in everyone if s.status == SignUpStatus.WAITING]
    return render(
        request,
        "activities/signups/participants.html",
        {
            "municipality": request.municipality,
            "session": session,
            "activity": session.activity,
            "confirmed": confirmed,
            "waiting": waiting,
            "with_transport": sum(1 for s in confirmed if s.needs_transport),
            "capacity": session.effective_capacity,
            "minimum": session.activity.minimum_participants,
            "may_cancel_session": session.status == SessionStatus.PLANNED
            and session.starts_at > timezone.now(),
        },
    )


@municipality_view("sign_up_participants")
@require_http_methods(["GET", "POST"])
def participant_add(request: MunicipalityRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(
        Session.objects.in_municipality(request.municipality).select_related(
            "activity__municipality"
        ),
        pk=pk,
        activity__status=ActivityStatus.PUBLISHED,
        activity__listed_only=False,
    )
    activity = session.activity
    # Volunteer contacts and coordinators sign up by phone for any activity; a partner's
    # representative only for their own organisation's.
    staff = has_role(request.user, request.municipality, Role.COORDINATOR, Role.VOLUNTEER_CONTACT)
    if not staff and not can_manage_activity(request.user, activity):
        raise Http404
    for_period = activity.enrolment == Enrolment.FOR_PERIOD
    form = SignUpForm(request.POST or None, activity=activity, staff=True)
    if done := ui.submit(
        request,
        form,
        lambda data: services.sign_up(
            by=request.user,
            session=None if for_period else session,
            activity=activity,
            **{
                **form.service_arguments(),
                "signed_up_by_name": request.user.full_name,
                "signed_up_by_phone": request.user.phone,
            },
        ),
    ):
        signup = done.value
        audit.record(
            request.user, "created", signup, code="activities.signed_up_by_phone",
            params={"activity": activity.title},
        )  # fmt: skip
        if signup.status == SignUpStatus.WAITING:
            position = services.waiting_position(signup)
            messages.info(
                request,
                _("%(name)s is number %(position)s on the waiting list.")
                % {"name": signup.participant_name, "position": position},
            )
        else:
            messages.success(
                request, _("%(name)s has a place.") % {"name": signup.participant_name}
            )
        if can_manage_activity(request.user, activity):
            return redirect("activities:session_participants", request.municipality.pk, session.pk)
        return redirect("activities:participant_add", request.municipality.pk, session.pk)
    back = (
        reverse("activities:session_participants", args=[request.municipality.pk, session.pk])
        if can_manage_activity(request.user, activity)
        else reverse("coordination:municipality_detail", args=[request.municipality.pk])
    )
    return ui.form_page(
        request,
        form=form,
        title=_("Sign up a participant by phone"),
        submit_label=_("Sign up"),
        back_url=back,
        intro=_("%(activity)s, %(when)s. %(places)s")
        % {
            "activity": activity.title,
            "when": _date_time(session),
            "places": _places_sentence(session),
        },
    )


def _date_time(session: Session) -> str:
    local = timezone.localtime(session.starts_at)
    return f"{date_format(local, 'l j. F')} {local:%H:%M}"


def _places_sentence(session: Session) -> str:
    left = services.places_left(session=session)
    if left is None:
        return ""
    if left == 0:
        return _("Full: new sign-ups go on the waiting list.")
    return ngettext("%(count)d place left.", "%(count)d places left.", left) % {"count": left}


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def signup_cancel_by_organiser(request: MunicipalityRequest, pk: int) -> HttpResponse:
    signup = get_object_or_404(
        SignUp.objects.in_municipality(request.municipality).select_related("activity", "session"),
        pk=pk,
    )
    if not can_manage_activity(request.user, signup.activity):
        raise Http404
    session = signup.session or signup.activity.sessions.order_by("starts_at").first()
    back = (
        reverse("activities:session_participants", args=[request.municipality.pk, session.pk])
        if session is not None
        else reverse("coordination:municipality_detail", args=[request.municipality.pk])
    )

    def cancel() -> None:
        services.cancel_sign_up(signup=signup, by=request.user)
        audit.record(
            request.user, "changed", signup, code="activities.signup_cancelled",
            params={"activity": signup.activity.title},
        )  # fmt: skip

    return ui.confirm_then(
        request,
        do=cancel,
        done=_("The sign-up of %(name)s is cancelled.") % {"name": signup.participant_name},
        then=back,
        title=_("Cancel a sign-up"),
        question=_("Cancel the sign-up of %(name)s? The first on the waiting list gets the place.")
        % {"name": signup.participant_name},
        submit_label=_("Yes, cancel the sign-up"),
        back_url=back,
    )


@municipality_view("manage_activities")
@require_http_methods(["GET", "POST"])
def session_cancel(request: MunicipalityRequest, pk: int) -> HttpResponse:
    session = _managed_session(request, pk)
    back = reverse("activities:session_participants", args=[request.municipality.pk, session.pk])
    form = CancelSessionForm(request.POST or None)

    def cancel(data: dict) -> int:
        told = services.cancel_session(session=session, by=request.user, reason=data["reason"])
        audit.record(
            request.user, "changed", session, code="activities.session_cancelled",
            params={"activity": session.activity.title},
        )  # fmt: skip
        return told

    if ui.submit(request, form, cancel):
        messages.success(request, _("The meeting is cancelled, and everyone is told."))
        return redirect(back)
    return ui.form_page(
        request,
        form=form,
        title=_("Cancel the meeting"),
        submit_label=_("Cancel the meeting and tell everyone"),
        back_url=back,
        intro=_(
            "%(activity)s, %(when)s. Everyone signed up and the volunteers on shift are told "
            "by email or text message; those who chose a phone call appear on the call list."
        )
        % {"activity": session.activity.title, "when": _date_time(session)},
    )


@municipality_view("manage_activities")
@require_GET
def reminder_calls(request: MunicipalityRequest) -> HttpResponse:
    due = services.phone_calls_due(request.municipality.pk)
    # A partner's representative sees only the people of their own organisation's activities.
    activities = {s.activity for group in due.values() for s in group}
    allowed = {a.pk for a in activities if can_manage_activity(request.user, a)}
    groups = {
        key: [s for s in group if s.activity_id in allowed][:200] for key, group in due.items()
    }
    for group in groups.values():
        for signup in group:
            signup.tel = _tel(  # type: ignore[attr-defined]
                signup.participant_phone
            )
    audit.record(
        request.user, "viewed", request.municipality, code="activities.reminder_calls_viewed"
    )
    return render(
        request,
        "activities/signups/reminder_calls.html",
        {"municipality": request.municipality, **groups},
    )
