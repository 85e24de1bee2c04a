"""The pieces every area's views are made of: submit a form to a service, a page with one
form, a page that asks before something is taken away. Each renders one shared partial, so
every form page and confirm page in Samspill looks and behaves the same (error summary,
buttons, the way back)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render


@dataclass(frozen=True)
class Done[T]:
    """A write that went through, with what the service returned (true even when that is
    None, so that ``if done := submit(...)`` reads as "if it was saved")."""

    value: T

    def __bool__(self) -> bool:
        return True


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names where the form has
    that field, otherwise at the top of the form (the error summary shows both)."""
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            for message in field_messages:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def submit[T](
    request: HttpRequest, form: forms.BaseForm, write: Callable[[dict[str, Any]], T]
) -> Done[T] | None:
    """On a POST with a valid form, run ``write(form.cleaned_data)`` (a service call). What the
    service refuses with a ValidationError is shown on the form and nothing is saved. Returns
    ``Done`` when the write went through, None otherwise (a GET, an invalid form, a refusal)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return Done(write(form.cleaned_data))
    except ValidationError as error:
        add_service_errors(form, error)
        return None


def form_page(
    request: HttpRequest,
    *,
    form: forms.BaseForm,
    title: str,
    submit_label: str,
    back_url: str,
    template: str = "partials/form_page.html",
    **context: Any,
) -> HttpResponse:
    """One form on a page of its own. ``context`` may add ``intro`` (a sentence above the
    form), ``back_label`` (a link above the title), ``delete_url`` with ``delete_label``
    (the link to remove the thing, on its own confirm page) and ``multipart``."""
    return render(
        request,
        template,
        {
            "municipality": getattr(request, "municipality", None),
            "form": form,
            "title": title,
            "submit": submit_label,
            "back_url": back_url,
            **context,
        },
    )


def confirm_page(
    request: HttpRequest,
    *,
    title: str,
    question: str,
    submit_label: str,
    back_url: str,
    template: str = "partials/confirm_page.html",
    **context: Any,
) -> HttpResponse:
    """Ask before something is removed or ended: one button that does it, one that goes back.
    ``context`` may add ``details`` (more sentences: what is kept), ``warning`` (what is lost
    with it) and ``back_label`` (a link back above the title); a page that must show more (a
    copy to download first) gives its own ``template``."""
    return render(
        request,
        template,
        {
            "municipality": getattr(request, "municipality", None),
            "title": title,
            "question": question,
            "submit": submit_label,
            "back_url": back_url,
            **context,
        },
    )


def attempt(request: HttpRequest, do: Callable[[], object], *, done: str = "") -> bool:
    """Run a service for a button (a POST with no form to fill in): ``done`` (if any) is shown
    when it went through; what the service refuses (ValidationError) is shown as an error and
    nothing changes. Returns whether it went through."""
    try:
        do()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    if done:
        messages.success(request, done)
    return True


def confirm_then(
    request: HttpRequest,
    *,
    do: Callable[[], object],
    done: str,
    then: str,
    title: str,
    question: str,
    submit_label: str,
    back_url: str,
    template: str = "partials/confirm_page.html",
    **context: Any,
) -> HttpResponse:
    """The confirm page; on POST ``do()`` runs (a service), ``done`` is shown and the person
    goes on to ``then``. A refusal (ValidationError) is shown, nothing changes, and the person
    goes back to ``back_url``."""
    if request.method == "POST":
        return redirect(then if attempt(request, do, done=done) else back_url)
    return confirm_page(
        request,
        title=title,
        question=question,
        submit_label=submit_label,
        back_url=back_url,
        template=template,
        **context,
    )
