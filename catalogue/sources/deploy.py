"""What a host needs from the project: the rules of its response headers (deploy/_headers, and the
same in deploy/nginx.conf)."""

from __future__ import annotations

from pathlib import Path

HEADERS = "deploy/_headers"
NGINX = "deploy/nginx.conf"


def headers(root: Path) -> bytes:
    """deploy/_headers as it is (Netlify and Cloudflare Pages read it at the site's root)."""
    return (Path(root) / HEADERS).read_bytes()


def policies(root: Path) -> dict[str, str]:
    """The hosting files that carry the Content-Security-Policy, path → text (those the project has: a
    copy without deploy/ still builds)."""
    return {path: (Path(root) / path).read_text(encoding="utf-8", errors="replace") for path in (HEADERS, NGINX)
            if (Path(root) / path).is_file()}
