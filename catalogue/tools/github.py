"""Problems as GitHub workflow commands, so a pull request shows each on the line it is about.

GitHub reads a line of a job's output that starts with `::` as a command. Everything in a problem can
come from a contributor, so it is escaped as GitHub's own toolkit escapes it: `%`, CR and LF in the
message; those and `:` and `,` in a property. No problem can then end its line and start another command.
"""

from __future__ import annotations

import re

from catalogue.domain.problems import Problem

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(problem: Problem) -> str:
    """`::error file=…,line=…,title=…::message`, one line whatever the problem contains."""
    properties = {"file": problem.path}
    if problem.line > 0:
        properties["line"] = str(problem.line)
    subject = " ".join(part for part in (problem.id, f"[{problem.lang}]" if problem.lang else "") if part)
    properties["title"] = f"make check: {subject}" if subject else "make check"
    listed = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    return f"::error {listed}::{escape_data(str(problem))}"


def one_line(text: str) -> str:
    """`text` on one line, its control characters (line breaks too) written as escapes: a problem printed
    in a job's log must not be able to start a line of its own."""
    return _CONTROL.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)
