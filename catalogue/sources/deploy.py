"""What a host needs from the project: the rules of its response headers (deploy/_headers)."""

from __future__ import annotations

from pathlib import Path

HEADERS = "deploy/_headers"


def headers(root: Path) -> bytes:
    """deploy/_headers as it is (Netlify and Cloudflare Pages read it at the site's root)."""
    return (Path(root) / HEADERS).read_bytes()
