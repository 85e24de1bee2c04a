"""Printed documents (issue 14): a person asks for a document in a language, watches the job
without reloading, and downloads the PDF; a kept version is never typeset again while the
content is unchanged; a job whose requester lost access, that takes too long, or that was
delivered too often ends as failed with a reason; a coordinator publishes a publishable
document at a secret link and withdraws it; the nightly refresh prints again what was printed.
The responsibility map is the document at hand here (it exists in every municipality)."""

import io
from pathlib import Path

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from coordination.kernel import contributions
from coordination.kernel.contributions import Document
from coordination.kernel.models import AuditEvent, Membership
from coordination.printing import services
from coordination.printing.models import PrintedDocument, PrintJob, PublicLink
from coordination.printing.tasks import make_printed_document
from coordination.responsibility import services as maps
from coordination.responsibility.exports import compose_map
from coordination.responsibility.models import ResponsibilityRole
from tests.factories import VolunteerFactory

pytestmark = pytest.mark.django_db

LOM = "3434"
MAP = "responsibility-map"


def url(name, *args, municipality=LOM):
    return reverse(f"coordination:{name}", args=[municipality, *args])


@pytest.fixture
def lom_map(lom, coordinator_lom):
    return maps.map_for(lom)


def _mark_first_cell(map_, by, role=ResponsibilityRole.RESPONSIBLE):
    task, party = map_.tasks.first(), map_.parties.first()
    maps.save_grid(
        map_=map_, by=by, cells={(task.pk, party.pk): role}, version=maps.grid_version(map_)
    )


@pytest.fixture
def publishable(monkeypatch):
    """A publishable document (the map's content under another name)."""
    document = Document(
        name="test-handbook",
        title="Test handbook",
        description="For the tests.",
        action="view_responsibility_map",
        make=compose_map,
        publishable=True,
    )
    monkeypatch.setitem(contributions.DOCUMENTS, document.name, document)
    return document


def _print(client, document=MAP, language="nn", **headers):
    return client.post(url("document_print", document), {"language": language}, **headers)


def test_a_coordinator_prints_the_map_watches_the_job_and_downloads_the_pdf(
    client_of, coordinator_lom, lom_map
):
    client = client_of(coordinator_lom)
    page = client.get(url("document_list")).content.decode()
    assert 'id="responsibility-map"' in page
    assert 'value="nn" lang="nn" selected' in page  # Lom's own written standard first
    response = _print(client, HTTP_HX_REQUEST="true")  # the job is sent when the request commits
    job = PrintJob.objects.get()
    partial = response.content.decode()
    status_url = url("print_job_status", job.pk)
    assert f'data-hx-get="{status_url}"' in partial and "every 2s" in partial
    assert "<html" not in partial
    make_printed_document(job=job.pk)
    partial = client.get(status_url).content.decode()
    assert "data-hx-get" not in partial  # ready: no more polling
    kept = PrintedDocument.objects.get()
    download = url("printed_document_download", kept.pk)
    assert download in partial
    response = client.get(download)
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert reader.metadata.title == "Ansvarskart – Lom"
    assert f"versjon {kept.version}" in reader.pages[0].extract_text()
    assert kept.pages == len(reader.pages) and kept.language == "nn"
    assert AuditEvent.objects.filter(code="document.printed").count() == 1


def test_unchanged_content_gives_the_kept_version_and_a_change_makes_a_new_one(
    client_of, coordinator_lom, lom_map, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    with django_capture_on_commit_callbacks(execute=True):
        _print(client)
    with django_capture_on_commit_callbacks(execute=True):
        _print(client)
    first, second = PrintJob.objects.order_by("pk")
    assert (first.reused, second.reused) == (False, True)
    assert first.result_id == second.result_id and PrintedDocument.objects.count() == 1
    status = client.get(url("print_job_status", second.pk)).content.decode()
    assert "Ingenting er endret" in status
    _mark_first_cell(lom_map, coordinator_lom)
    with django_capture_on_commit_callbacks(execute=True):
        _print(client)
    assert PrintedDocument.objects.count() == 2
    assert PrintJob.objects.order_by("pk").last().reused is False
    files = list((Path(settings.MEDIA_ROOT) / "printed" / LOM).iterdir())
    assert len(files) == 2 and all(f.suffix == ".pdf" for f in files)  # no half-written file


def test_the_kept_versions_are_listed_with_their_date_and_version(
    client_of, coordinator_lom, lom_map, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    with django_capture_on_commit_callbacks(execute=True):
        _print(client, language="en")
    kept = PrintedDocument.objects.get()
    page = client.get(url("document_list")).content.decode()
    assert url("printed_document_download", kept.pk) in page
    assert "(English, 1 side, laget" in page and f"versjon {kept.version}" in page


def test_asking_twice_while_waiting_makes_one_job(client_of, coordinator_lom, lom_map):
    client = client_of(coordinator_lom)
    _print(client)
    _print(client)
    assert PrintJob.objects.count() == 1


def test_an_unknown_language_is_refused_with_a_message_and_no_job(
    client_of, coordinator_lom, lom_map
):
    response = _print(client_of(coordinator_lom), language="xx", HTTP_HX_REQUEST="true")
    assert "Velg et av språkene i listen." in response.content.decode()
    assert not PrintJob.objects.exists()


@pytest.mark.parametrize("persona", ["volunteer", "coordinator_drammen"])
def test_others_can_neither_print_nor_see_nor_download(
    request, client_of, coordinator_lom, lom_map, persona, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _print(client_of(coordinator_lom))
    job, kept = PrintJob.objects.get(), PrintedDocument.objects.get()
    other = client_of(request.getfixturevalue(persona))
    assert other.get(url("document_list")).status_code == 404
    assert _print(other).status_code == 404
    assert other.get(url("print_job_status", job.pk)).status_code == 404
    assert other.get(url("printed_document_download", kept.pk)).status_code == 404
    assert PrintJob.objects.count() == 1


def test_a_colleague_downloads_the_kept_version_but_does_not_see_anothers_job(
    client_of, coordinator_lom, lom_map, django_capture_on_commit_callbacks, django_user_model
):
    with django_capture_on_commit_callbacks(execute=True):
        _print(client_of(coordinator_lom))
    job, kept = PrintJob.objects.get(), PrintedDocument.objects.get()
    colleague = django_user_model.objects.create_user(email="kollega@lom.example")
    Membership.objects.create(user=colleague, municipality_id=LOM, role="coordinator")
    client = client_of(colleague)
    assert client.get(url("print_job_status", job.pk)).status_code == 404
    assert client.get(url("printed_document_download", kept.pk)).status_code == 200


def test_the_job_fails_for_a_requester_who_lost_access(client_of, coordinator_lom, lom_map):
    client = client_of(coordinator_lom)
    _print(client)
    job = PrintJob.objects.get()
    Membership.objects.filter(user=coordinator_lom).delete()
    make_printed_document(job=job.pk)
    job.refresh_from_db()
    assert (job.status, job.failure) == ("failed", "not_allowed")
    assert not PrintedDocument.objects.exists()


def test_a_render_that_takes_too_long_fails_with_the_reason_shown(
    client_of, coordinator_lom, lom_map, monkeypatch
):
    def too_slow(composed):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr("coordination.printing.services.documents.typeset", too_slow)
    client = client_of(coordinator_lom)
    _print(client)
    job = PrintJob.objects.get()
    make_printed_document(job=job.pk)
    partial = client.get(url("print_job_status", job.pk)).content.decode()
    assert "Det tok for lang tid" in partial and "data-hx-get" not in partial


def test_a_job_delivered_too_often_ends_as_failed_instead_of_looping(
    client_of, coordinator_lom, lom_map
):
    _print(client_of(coordinator_lom))
    job = PrintJob.objects.get()
    PrintJob.objects.filter(pk=job.pk).update(attempts=services.MAX_ATTEMPTS)
    make_printed_document(job=job.pk)
    job.refresh_from_db()
    assert (job.status, job.failure, job.attempts) == ("failed", "attempts", 4)
    assert not PrintedDocument.objects.exists()


def test_a_finished_job_delivered_again_does_nothing(
    client_of, coordinator_lom, lom_map, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _print(client_of(coordinator_lom))
    job = PrintJob.objects.get()
    make_printed_document(job=job.pk)
    job.refresh_from_db()
    assert job.attempts == 1 and PrintedDocument.objects.count() == 1


def test_the_task_runs_on_its_own_queue_under_time_limits_below_the_visibility_timeout():
    from coordination.kernel import outbox

    options = outbox.delivery_options(make_printed_document.name)
    assert options["queue"] == "documents"
    assert options["soft_time_limit"] < options["time_limit"]
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert options["time_limit"] < visibility
    assert make_printed_document.acks_late and make_printed_document.reject_on_worker_lost


# --- publishing ------------------------------------------------------------------------------


def test_a_document_with_personal_or_internal_content_cannot_be_published(
    client_of, coordinator_lom, lom_map
):
    response = client_of(coordinator_lom).post(url("document_publish", MAP), follow=True)
    assert "ikke kan deles åpent" in response.content.decode()
    assert not PublicLink.objects.exists()


def test_a_coordinator_publishes_anyone_with_the_link_reads_it_until_withdrawn(
    client_of, coordinator_lom, lom_map, publishable, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("document_publish", publishable.name))
    link = PublicLink.objects.get()
    public_url = reverse("coordination:published_document", args=[link.token])
    assert public_url in client.get(url("document_list")).content.decode()
    anonymous = Client()
    response = anonymous.get(public_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "inline" in response["Content-Disposition"]
    confirm = client.get(url("document_withdraw", publishable.name)).content.decode()
    assert "Ja, trekk tilbake lenken" in confirm and "med en ny lenke" in confirm
    assert anonymous.get(public_url).status_code == 200  # asking first changed nothing
    client.post(url("document_withdraw", publishable.name))
    assert anonymous.get(public_url).status_code == 404
    assert AuditEvent.objects.filter(code="document.withdrawn").exists()


def test_a_published_link_before_its_first_version_says_to_come_back(
    client_of, coordinator_lom, lom_map, publishable
):
    client_of(coordinator_lom).post(url("document_publish", publishable.name))  # not committed
    link = PublicLink.objects.get()
    response = Client().get(reverse("coordination:published_document", args=[link.token]))
    assert response.status_code == 503 and response["Retry-After"] == "60"


@pytest.mark.parametrize("persona", ["volunteer_contact_lom", "coordinator_drammen"])
def test_only_a_coordinator_of_the_municipality_publishes(
    request, client_of, lom_map, publishable, persona
):
    other = client_of(request.getfixturevalue(persona))
    assert other.post(url("document_publish", publishable.name)).status_code == 404
    assert not PublicLink.objects.exists()


def test_an_unknown_token_is_not_found():
    assert (
        Client().get(reverse("coordination:published_document", args=["x" * 32])).status_code == 404
    )


# --- the nightly refresh ---------------------------------------------------------------------


def test_the_nightly_refresh_prints_again_only_what_changed(
    client_of, coordinator_lom, lom_map, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _print(client_of(coordinator_lom))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.refresh_kept_documents() == 1
    assert PrintedDocument.objects.count() == 1  # unchanged: nothing typeset
    _mark_first_cell(lom_map, coordinator_lom)
    with django_capture_on_commit_callbacks(execute=True):
        services.refresh_kept_documents()
    assert PrintedDocument.objects.count() == 2
    assert PrintJob.objects.filter(requested_by=None, reused=False).count() == 1


def test_a_file_made_by_a_task_since_removed_is_not_offered_to_start_again(coordinator_lom):
    from coordination.kernel import files
    from coordination.kernel.models import GeneratedFile

    record = GeneratedFile.objects.create(
        municipality_id=LOM,
        requested_by=coordinator_lom,
        action="manage_responsibility_map",
        title="Ansvarskart – Lom",
        task="coordination.responsibility.tasks.render_responsibility_map",
        status=GeneratedFile.Status.FAILED,
    )
    assert files.can_start_again(record) is False


def test_a_volunteer_finds_the_published_documents_on_their_page(
    client_of, coordinator_lom, volunteer, lom_map, publishable, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_of(coordinator_lom).post(url("document_publish", publishable.name))
    link = PublicLink.objects.get()
    VolunteerFactory(user=volunteer)  # a volunteer in Lom
    page = client_of(volunteer).get(reverse("coordination:my_page"), follow=True)
    assert reverse("coordination:published_document", args=[link.token]) in page.content.decode()


def test_old_versions_are_deleted_with_their_files_but_the_newest_is_kept(
    client_of, coordinator_lom, lom_map, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from coordination.kernel import retention

    client = client_of(coordinator_lom)
    with django_capture_on_commit_callbacks(execute=True):
        _print(client)
    _mark_first_cell(lom_map, coordinator_lom)
    with django_capture_on_commit_callbacks(execute=True):
        _print(client)
    old, new = PrintedDocument.objects.order_by("pk")
    long_ago = timezone.now() - timedelta(days=400)
    PrintedDocument.objects.update(rendered_at=long_ago)
    PrintedDocument.objects.filter(pk=new.pk).update(rendered_at=long_ago + timedelta(days=1))
    old_file = Path(old.file.path)
    retention.apply_rules()
    assert list(PrintedDocument.objects.all()) == [new]
    assert not old_file.exists() and Path(new.file.path).exists()
