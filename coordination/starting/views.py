"""Starting Samspill in a municipality: the public request form and its thank-you page, and the
national administrator's list, detail and decisions."""

from allauth.core import ratelimit
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import ui
from coordination.kernel.models import Municipality
from coordination.kernel.permissions import national_view, public
from coordination.starting import services
from coordination.starting.forms import DeclineForm, StartRequestForm
from coordination.starting.models import StartRequest

# The public form: this many requests per hour from one address (settings.ACCOUNT_RATE_LIMITS).
RATE_ACTION = "request_start_publicly"


@public
@require_http_methods(["GET", "POST"])
def start_request(request: HttpRequest, municipality: str) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    if place.uses_samspill():
        messages.info(request, _("%(name)s already uses Samspill.") % {"name": place.name})
        return redirect("coordination:municipality_detail", place.pk)
    form = StartRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.consume(request, action=RATE_ACTION):
            return render(request, "429.html", status=429)
        if form.cleaned_data["website"]:  # a robot filled in the trap: store nothing
            return redirect("coordination:start_request_thanks", place.pk)
        if ui.submit(
            request,
            form,
            lambda data: services.receive_start_request(municipality=place, fields=data),
        ):
            return redirect("coordination:start_request_thanks", place.pk)
    return render(
        request, "coordination/starting/request_form.html", {"municipality": place, "form": form}
    )


@public
@require_GET
def start_request_thanks(request: HttpRequest, municipality: str) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    return render(request, "coordination/starting/request_thanks.html", {"municipality": place})


@national_view
@require_GET
def start_request_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", StartRequest.Status.PENDING)
    found = StartRequest.objects.select_related("municipality")
    if status in StartRequest.Status.values:
        found = found.filter(status=status)
    else:
        status = ""
    return render(
        request,
        "coordination/starting/request_list.html",
        {
            "page": Paginator(found, 50).get_page(request.GET.get("page")),
            "status": status,
            "statuses": StartRequest.Status.choices,
        },
    )


@national_view
@require_GET
def start_request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(
        StartRequest.objects.select_related("municipality", "decided_by", "invitation"), pk=pk
    )
    return render(
        request,
        "coordination/starting/request_detail.html",
        {
            "start_request": found,
            "in_use": found.municipality.uses_samspill(),
            "decline_form": DeclineForm(),
        },
    )


@national_view
@require_http_methods(["GET", "POST"])
def start_request_approve(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(StartRequest.objects.select_related("municipality"), pk=pk)
    back = reverse("coordination:start_request_detail", args=[found.pk])
    words = {"name": found.full_name, "email": found.email, "municipality": found.municipality.name}
    return ui.confirm_then(
        request,
        do=lambda: services.approve_start_request(request=found, by=request.user),
        done=_("Approved. %(name)s is invited as the first coordinator of %(municipality)s.")
        % words,
        then=back,
        title=_("Approve the request"),
        question=_(
            "Approve the request from %(name)s? An invitation to be the first coordinator of "
            "%(municipality)s is sent to %(email)s."
        )
        % words,
        submit_label=_("Yes, approve and invite"),
        back_url=back,
    )


@national_view
@require_http_methods(["GET", "POST"])
def start_request_decline(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(StartRequest.objects.select_related("municipality"), pk=pk)
    back = reverse("coordination:start_request_detail", args=[found.pk])
    form = DeclineForm(request.POST or None)
    if ui.submit(
        request,
        form,
        lambda data: services.decline_start_request(
            request=found, reason=data["reason"], by=request.user
        ),
    ):
        messages.success(request, _("Declined. The requester is told the reason by email."))
        return redirect(back)
    return ui.form_page(
        request,
        form=form,
        title=_("Decline the request"),
        intro=_("The request from %(name)s (%(municipality)s).")
        % {"name": found.full_name, "municipality": found.municipality.name},
        submit_label=_("Decline"),
        back_url=back,
    )
