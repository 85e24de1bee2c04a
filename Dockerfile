# Samspill production image: one image for every service in docker-compose.yml
# (web = gunicorn, worker/beat = Celery, migrate = one-shot `manage.py migrate`).
#   docker compose build          # or: docker build -t samspill .
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    PATH="/opt/venv/bin:$PATH" \
    MEDIA_ROOT=/data/media

# WeasyPrint (PDFs) needs Pango, HarfBuzz's subsetter and a font; nothing else comes from apt.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir "uv>=0.13,<0.14"

WORKDIR /app

# Dependencies first, so this layer is reused until pyproject.toml or uv.lock changes.
COPY pyproject.toml uv.lock ./
RUN uv sync --locked --no-dev --no-cache

COPY . .

# Static files are collected (and compressed by WhiteNoise) at build time. The secret key here
# is a throwaway used only for this step; the real one comes from the environment at run time.
RUN SECRET_KEY=build-only DEBUG=false ALLOWED_HOSTS=* python manage.py collectstatic --noinput

# Run as an unprivileged user. The code stays owned by root (read-only for the app); only the
# uploads folder (a named volume in docker-compose.yml) is writable.
RUN groupadd --system --gid 10001 samspill \
    && useradd --system --uid 10001 --gid samspill --create-home --home-dir /home/samspill samspill \
    && mkdir -p /data/media \
    && chown -R samspill:samspill /data
USER samspill

EXPOSE 8000

CMD ["gunicorn", "coordination.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
