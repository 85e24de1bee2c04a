from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from coordination.kernel import (
    account_data,
    audit,
    contributions,
    files,
    health,
    languages,
    retention,
    ui,
    uploads,
)
from coordination.kernel.contact import public_contact
from coordination.kernel.forms import (
    MunicipalitySearchForm,
    ProfileForm,
)
from coordination.kernel.http import AuthenticatedRequest, MunicipalityRequest, Request
from coordination.kernel.models import (
    AuditEvent,
    GeneratedFile,
    Municipality,
    Role,
    User,
)
from coordination.kernel.permissions import (
    can,
    login_required,
    municipality_view,
    public,
    roles_by_municipality,
)


@public
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "coordination/home.html")


@public
@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": health.check_database(), "broker": health.check_broker()}
    healthy = all(value in ("ok", "eager") for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


@public
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, which also remembers the choice on the person's account."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and languages.is_language(language):
        request.user.preferred_language = language
        request.user.save(update_fields=["preferred_language"])
    return response


@public
@require_GET
def municipality_directory(request: Request) -> HttpResponse:
    form = MunicipalitySearchForm(request.GET)
    municipalities = Municipality.objects.annotate(
        coordinator_count=Count("memberships", filter=Q(memberships__role=Role.COORDINATOR))
    ).order_by("name", "number")
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    if form.errors:
        municipalities = municipalities.none()  # say why, rather than silently list everything
    elif query:
        municipalities = municipalities.filter(
            Q(name__icontains=query)
            | Q(official_name__icontains=query)
            | Q(county__icontains=query)
            | Q(number=query)
        )
    page = Paginator(municipalities, 50).get_page(request.GET.get("page"))
    template = "coordination/municipality_directory.html"
    if request.htmx:
        template += "#results"
    return render(request, template, {"form": form, "page": page, "query": query})


@public
@require_GET
def municipality_detail(request: HttpRequest, municipality: str) -> HttpResponse:
    found = get_object_or_404(Municipality, pk=municipality)
    in_use = found.uses_samspill()
    return render(
        request,
        "coordination/municipality_detail.html",
        {
            "municipality": found,
            "in_use": in_use,
            # Without Samspill, whom a volunteer contacts instead (the partner registry's).
            "volunteer_centres": []
            if in_use
            else found.partners.filter(kind="volunteer_centre").order_by("name"),
            "may_coordinate": can(request.user, "view_municipality", found),
            "contact": public_contact(found),
            "volunteer_centre": contributions.figures_for("volunteer_centre", found),
        },
    )


@login_required
@require_GET
def my_page(request: AuthenticatedRequest) -> HttpResponse:
    home = contributions.home_page_for(request)
    if home:  # a volunteer's My page is their volunteer page, invitations first
        return redirect(home)
    return render(
        request,
        "coordination/my_page.html",
        {"places": my_places(request.user), "panels": contributions.render_my_page(request)},
    )


def my_places(user: User) -> list[dict]:
    """The municipalities where ``user`` has a role, each with the roles and whether they may
    open its coordination overview (My page's "Your roles")."""
    roles = roles_by_municipality(user)
    municipalities = Municipality.objects.filter(pk__in=roles).order_by("name")
    return [
        {
            "municipality": m,
            "roles": [Role(r).label for r in sorted(roles[m.pk])],
            "may_coordinate": can(user, "view_municipality", m),
        }
        for m in municipalities
    ]


@public
@require_GET
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "coordination/accessibility.html")


@public
@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request, "coordination/privacy.html", {"retention_rules": retention.RULES.values()}
    )


@login_required
@require_GET
def my_data_download(request: AuthenticatedRequest) -> JsonResponse:
    """Everything Samspill holds about the person, as a JSON file they can keep."""
    response = JsonResponse(
        account_data.export_for(request.user),
        json_dumps_params={"indent": 2, "ensure_ascii": False},
    )
    response["Content-Disposition"] = 'attachment; filename="samspill-mine-data.json"'
    return response


@login_required
@require_GET
def my_data_page(request: AuthenticatedRequest) -> HttpResponse:
    """The same data as the JSON file, readable on one page; ``?download=1`` saves it as a
    web page file the person can keep and print."""
    response = render(
        request,
        "coordination/my_data.html",
        {"sections": account_data.readable_export_for(request.user)},
    )
    if request.GET.get("download") == "1":
        response["Content-Disposition"] = 'attachment; filename="samspill-mine-data.html"'
    return response


@login_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def account_delete(request: AuthenticatedRequest) -> HttpResponse:
    def delete_and_log_out() -> None:
        account_data.delete_account(user=request.user)
        logout(request)

    return ui.confirm_then(
        request,
        do=delete_and_log_out,
        done=_("Your account and your details have been deleted."),
        then=reverse("home"),
        title=_("Delete your account"),
        question=_(
            "When you delete your account, your name, email address, phone number and settings "
            "are deleted at once. This cannot be undone."
        ),
        submit_label=_("Yes, delete my account"),
        back_url=reverse("coordination:my_page"),
        template="coordination/account_confirm_delete.html",
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: AuthenticatedRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if ui.submit(request, form, lambda data: form.save()):
        response = redirect("coordination:my_page")
        # Let the saved preference decide the language from now on.
        response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
        messages.success(request, _("Your details have been saved."))
        return response
    return ui.form_page(
        request,
        form=form,
        title=_("Change your details"),
        submit_label=_("Save"),
        back_url=reverse("coordination:my_page"),
    )


@municipality_view("view_audit_log")
@require_GET
def audit_log(request: MunicipalityRequest) -> HttpResponse:
    municipality = request.municipality
    events = AuditEvent.objects.in_municipality(municipality)
    verb = request.GET.get("verb", "")
    if verb in AuditEvent.Verb.values:
        events = events.filter(verb=verb)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "coordination/audit_log.html",
        {
            "municipality": municipality,
            "page": page,
            "verb": verb,
            "verbs": AuditEvent.Verb.choices,
        },
    )


@municipality_view("view_municipality")
@require_GET
def file_list(request: MunicipalityRequest) -> HttpResponse:
    """The files background jobs made for this person in this municipality."""
    municipality = request.municipality
    records = list(
        GeneratedFile.objects.in_municipality(municipality).filter(requested_by=request.user)[:50]
    )
    return render(
        request,
        "coordination/file_list.html",
        {
            "municipality": municipality,
            "records": records,
            "may_start_again": {record.pk for record in records if files.can_start_again(record)},
        },
    )


@municipality_view("view_municipality")
def file_start_again(request: MunicipalityRequest, pk: int) -> HttpResponse:
    """Start a stuck or failed job again (the same record: never a second file). Only the
    person who asked, while they still may do what it was made under; others get 404 whatever
    they send (ownership is checked before the method)."""
    municipality = request.municipality
    record = get_object_or_404(
        GeneratedFile, pk=pk, municipality=municipality, requested_by=request.user
    )
    if not can(request.user, record.action, municipality):
        raise Http404
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    ui.attempt(
        request,
        lambda: files.start_again(record=record, by=request.user),
        done=_("Started again: %(title)s. Refresh the page in a minute.") % {"title": record.title},
    )
    return redirect("coordination:file_list", municipality.number)


@municipality_view("view_municipality")
def file_download(request: MunicipalityRequest, pk: int) -> HttpResponseBase:
    """Only the person who asked, and only while they still have the permission it was made
    under; each download is audited. (Ownership is checked before the method, so that others
    get 404 whatever they send.)"""
    municipality = request.municipality
    record = get_object_or_404(
        GeneratedFile.objects.exclude(file=""),  # e.g. an import, whose file is deleted
        pk=pk,
        municipality=municipality,
        requested_by=request.user,
        status=GeneratedFile.Status.DONE,
    )
    if not can(request.user, record.action, municipality):
        raise Http404
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    audit.record(
        request.user, "exported", record, code="file.downloaded", params={"title": record.title}
    )
    extension = (record.file.name or "").rsplit(".", 1)[-1]
    return uploads.file_response(
        record.file, download_name=f"{record.title} {record.created_at:%Y-%m-%d}.{extension}"
    )
