"""What the page shows when something goes wrong unexpectedly, and the template helpers it shares.

An unexpected exception is logged (logger ``lagebild.serve``) with its full trace and a short
incident id; the visitor sees a plain page with that id, or, under ``/api/``, the coded JSON
error E133 (:func:`error_body`) with the id: never a trace, a code path or SQL.
"""
from __future__ import annotations

import logging
import secrets

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from ..errors import ServerError
from ..export.dates import readable, readable_day, readable_text
from ..export.outlet import outlet_name

log = logging.getLogger("lagebild.serve")


def error_body(code: str, message: str, **extra) -> dict:
    """The JSON of every error answer: a stable code and a message, never a trace."""
    return {"error": {"code": code, "message": message}, **extra}


def add_template_helpers(env) -> None:  # noqa: ANN001 - a jinja2.Environment
    """Readable dates (``readable``, ``when_text``, ``day`` filters) and ``outlet_of(outlet, url)``."""
    env.filters.update(readable=readable, when_text=readable_text, day=readable_day)
    env.globals.update(outlet_of=outlet_name)


def failure_response(request: Request, exc: Exception, templates, html: bool,  # noqa: ANN001
                     headers: dict[str, str]) -> Response:
    incident = secrets.token_hex(4)
    log.error("unexpected failure %s on %s %s", incident, request.method, request.url.path, exc_info=exc)
    message = (f"Something went wrong on our side while making this page (incident {incident}). "
               "The details are in the server's log; please report the incident id with what you did.")
    if html:
        try:
            return templates.TemplateResponse(request, "error.html", {"status": 500, "errors": [], "message": message,
                                              "incident": incident}, status_code=500, headers=dict(headers))
        except Exception:  # noqa: BLE001 - the error page itself failed: plain text, still without a trace
            log.exception("error page failed for incident %s", incident)
            return Response(message, status_code=500, media_type="text/plain; charset=utf-8", headers=dict(headers))
    return JSONResponse(error_body(ServerError.code, "internal error while answering this request", incident=incident),
                        status_code=500, headers=dict(headers))
