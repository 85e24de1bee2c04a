"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from coordination.printing import views as printing

DOCUMENTS = f"{COORDINATION}documents/"

urlpatterns = [
    path(DOCUMENTS, printing.document_list, name="document_list"),
    path(DOCUMENTS + "<slug:document>/print/", printing.document_print, name="document_print"),
    path(DOCUMENTS + "jobs/<int:pk>/", printing.print_job_status, name="print_job_status"),
    path(
        DOCUMENTS + "versions/<int:pk>/",
        printing.printed_document_download,
        name="printed_document_download",
    ),
    path(
        DOCUMENTS + "<slug:document>/publish/", printing.document_publish, name="document_publish"
    ),
    path(
        DOCUMENTS + "<slug:document>/withdraw/",
        printing.document_withdraw,
        name="document_withdraw",
    ),
    # the public link: no municipality in the URL, only the secret token
    path("documents/<str:token>/", printing.published_document, name="published_document"),
]
