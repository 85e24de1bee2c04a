"""What starting Samspill gives the rest of the portal: the audit log's sentences."""

from django.utils.translation import gettext_lazy

from coordination.kernel.contributions import contribute

contribute.audit_messages(
    {
        "start_request.received": gettext_lazy(
            "Request to start Samspill from %(name)s (%(position)s)"
        ),
        "start_request.approved": gettext_lazy("Request to start Samspill from %(name)s approved"),
        "start_request.declined": gettext_lazy("Request to start Samspill from %(name)s declined"),
    }
)
