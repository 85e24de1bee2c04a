"""Settings are read from the environment; production refuses to start unsafely."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7Qp-production-like-secret-key-with-enough-entropy-9f3kL2mZ8vR4tW6yB1",
    "ALLOWED_HOSTS": "samspill.example",
    "EMAIL_URL": "smtp+tls://samspill:secret@smtp.samspill.example:587",
}


def _manage(*args, **env):
    ignored = {"DEBUG", "SECRET_KEY", "EMAIL_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = _manage("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_deploy_check_is_clean_in_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_requires_two_factor_for_staff_and_dummy_cache_is_refused():
    code = "from django.conf import settings; print(settings.SAMSPILL_REQUIRE_MFA_FOR_STAFF)"
    assert _manage("shell", "-c", code, **PRODUCTION).stdout.splitlines()[-1] == "True"
    refused = _manage("check", CACHE_URL="dummycache://")
    assert refused.returncode != 0
    assert "dummy cache" in refused.stderr
