"""The applicant's pages (``applicant``), partners (``partners``) and attachments (``files``)."""

from grants.applications.views.applicant import (
    application_budget,
    application_detail,
    application_edit,
    application_provide_information,
    application_start,
    application_submit,
    application_withdraw,
    my_applications,
)
from grants.applications.views.files import (
    application_attachments,
    attachment_download,
    attachment_remove,
)
from grants.applications.views.partners import (
    application_partner_remove,
    application_partners,
    partner_confirm,
)

__all__ = [
    "application_attachments",
    "application_budget",
    "application_detail",
    "application_edit",
    "application_partner_remove",
    "application_partners",
    "application_provide_information",
    "application_start",
    "application_submit",
    "application_withdraw",
    "attachment_download",
    "attachment_remove",
    "my_applications",
    "partner_confirm",
]
