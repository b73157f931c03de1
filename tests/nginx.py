"""Run Debian's nginx with the project's deploy/nginx.conf on 127.0.0.1, serving a built site.

Only the lines a host changes anyway are replaced (listen, server_name, root); the rest of the
server block is the deployed file as written, inside a minimal http {} of a private prefix that,
like Debian's nginx.conf, keeps an access log and an error log (in that prefix) unless the
server block says otherwise.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def local_server(deployed: str, root: Path, port: int) -> str:
    """The deployed server config listening on 127.0.0.1:`port` only, with `root` as its root."""
    text = re.sub(r"^\s*listen\s[^;]*;\n", "", deployed, flags=re.MULTILINE)
    text = re.sub(r"^(\s*)server_name\s[^;]*;", rf"\1server_name 127.0.0.1;\n\1listen 127.0.0.1:{port};",
                  text, count=1, flags=re.MULTILINE)
    text, roots = re.subn(r"^(\s*)root\s[^;]*;", lambda m: f"{m.group(1)}root {root};", text, flags=re.MULTILINE)
    assert roots == 1, "deploy/nginx.conf should set `root` once"
    return text


def _main_config(server: str, prefix: Path) -> str:
    temp = "".join(f"    {kind}_temp_path {prefix / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (f"load_module {BROTLI_MODULE};\n"
            f"daemon off;\nmaster_process off;\npid {prefix / 'nginx.pid'};\nerror_log {prefix / 'error.log'} warn;\n"
            "events { worker_connections 64; }\n"
            f"http {{\n    include {MIME_TYPES};\n    default_type application/octet-stream;\n"
            f"    access_log {prefix / 'access.log'};\n"
            f"{temp}{server}\n}}\n")


@contextmanager
def nginx(deployed: Path, site: Path, prefix: Path, port: int) -> Iterator[str]:
    """nginx in the foreground with `deployed` serving `site` on `port`; yield its base URL (ending in '/')."""
    config = prefix / "nginx.conf"
    config.write_text(_main_config(local_server(deployed.read_text(encoding="utf-8"), site, port), prefix),
                      encoding="utf-8")
    log = prefix / "error.log"
    process = subprocess.Popen([NGINX, "-p", str(prefix), "-e", str(log), "-c", str(config)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        _wait_until_listening(process, port, log)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_listening(process: subprocess.Popen, port: int, log: Path) -> None:
    for _ in range(200):
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on 127.0.0.1:{port}:\n{log.read_text(errors='replace')}")
