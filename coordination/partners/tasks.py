"""Background jobs for partners and agreements: the register lookup after a partner is saved,
and the daily agreement reminders. Thin: they take ids and call one function each."""

from celery import shared_task

from coordination.partners import reminders as partners_reminders
from coordination.partners.models import PartnerOrganisation
from coordination.partners.register import look_up_in_register


@shared_task(acks_late=True)
def look_up_partner_in_register(*, organisation: int) -> bool:
    """Public register data only, so it acts for nobody; a gone partner is skipped."""
    found = PartnerOrganisation.objects.filter(pk=organisation).first()
    if found is None:
        return False
    return look_up_in_register(organisation=found)


@shared_task(acks_late=True)
def send_agreement_reminders() -> int:
    """Daily: reminders 30 and 7 days before agreements' review and end dates, each once."""
    return partners_reminders.send_agreement_reminders()
