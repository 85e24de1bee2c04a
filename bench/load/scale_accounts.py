"""Accounts for the load test on the scale data (``manage.py seed_scale``), whose people cannot
log in: their passwords are unusable and their addresses unverified. This gives a few of one
municipality's volunteers and its coordinator a fresh random password and a verified address,
and prints the ``export`` lines bench/load/run.sh reads:

    createdb -h 127.0.0.1 -U postgres -T samspill_bench_scale samspill_load  # the run writes
    export LOAD_DATABASE_URL=postgres://postgres@127.0.0.1:5432/samspill_load
    eval "$(DATABASE_URL=$LOAD_DATABASE_URL .venv/bin/python -m bench.load.scale_accounts)"
    bench/load/run.sh

``LOAD_MUNICIPALITY`` chooses the municipality (default 0301, Oslo, the largest). The scale data
has no draft grant applications (its round is closed and in review), so the applicant is left
out (``LOAD_APPLICANTS=none``); bench.suite measures the grant pages at scale."""

import os
import secrets
import sys

import django

VOLUNTEERS = 12


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coordination.settings")
    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from coordination.kernel.scale import coordinator_email
    from coordination.models import User
    from volunteers.models import Volunteer

    municipality = os.environ.get("LOAD_MUNICIPALITY", "0301")
    volunteers = list(
        Volunteer.objects.filter(municipality_id=municipality, user__isnull=False)
        .order_by("pk")
        .values_list("user__email", flat=True)[:VOLUNTEERS]
    )
    coordinator = coordinator_email(municipality)
    emails = [*volunteers, coordinator]
    people = list(User.objects.filter(email__in=emails))
    if len(people) != len(emails) or not volunteers:
        sys.exit(f"{municipality}: not the scale data of seed_scale (found {len(people)} people)")
    password = secrets.token_urlsafe(12)
    # One hash for all: hashing is slow on purpose, and a salt per account adds nothing here.
    User.objects.filter(pk__in=[p.pk for p in people]).update(password=make_password(password))
    for person in people:
        EmailAddress.objects.update_or_create(
            user=person, email=person.email, defaults={"verified": True, "primary": True}
        )
    print(f"export LOAD_MUNICIPALITY={municipality}")
    print(f"export LOAD_PASSWORD={password}")
    print(f"export LOAD_VOLUNTEERS={','.join(volunteers)}")
    print(f"export LOAD_COORDINATORS={coordinator}")
    print("export LOAD_APPLICANTS=none")


if __name__ == "__main__":
    main()
