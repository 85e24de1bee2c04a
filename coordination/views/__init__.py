"""The core domain's views, one module per area (``core`` holds the pages every person sees)."""
