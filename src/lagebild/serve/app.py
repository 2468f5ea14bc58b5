"""The FastAPI application: API, pages and static files from one read-only store."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import LagebildError, NotFoundError, RequestParameterError, ServerError
from .db import StoreReader
from .failure import add_template_helpers, error_body, failure_response

HERE = Path(__file__).resolve().parent

#: No inline script or style, nothing from elsewhere: article text cannot run code even if unescaped.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}

#: Longest query string and path a request may have (filters are short; ids at most 300).
MAX_QUERY_BYTES = 4096
MAX_PATH_BYTES = 1024


def create_app(db_path: str | Path, *, title: str = "lagebild", memo_size: int = 256) -> FastAPI:
    """The app for the store at ``db_path``, opened read-only.

    ``memo_size`` aggregate answers (facets, timeline, map, network, page counts) are
    remembered per filter, since a store opened read-only does not change; 0 turns that off.

    Raises :class:`lagebild.errors.StoreError` (E040) when the store is missing, is
    not a lagebild store, or cannot be opened (another process writing to it).
    """
    reader = StoreReader(db_path, memo_size=memo_size)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202
        yield
        reader.close()

    app = FastAPI(
        title=f"{title} API", version=__version__, lifespan=lifespan,
        description="Events from news articles: who did what to whom, when, where, who says so, how sure the text is.",
        docs_url=None, redoc_url=None,  # both load scripts from a CDN; /api describes the API offline
    )
    app.state.reader = reader
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(site_title=title, db_name=Path(db_path).name)
    add_template_helpers(templates.env)
    app.state.templates = templates

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        if len(request.url.query) > MAX_QUERY_BYTES or len(request.url.path) > MAX_PATH_BYTES:
            response = JSONResponse(error_body(RequestParameterError.code, "request URL too long"), status_code=414)
        elif request.method not in ("GET", "HEAD"):
            response = JSONResponse(error_body(NotFoundError.code, "method not allowed (the store is read-only)"),
                                    status_code=405, headers={"Allow": "GET, HEAD"})
        else:
            response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api/", "/static/", "/openapi"))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()]
        if wants_html(request):
            return templates.TemplateResponse(request, "error.html", {"status": 422, "errors": errors,
                                              "message": "Some parameters are not valid."}, status_code=422)
        return JSONResponse(error_body(RequestParameterError.code, "some parameters are not valid", detail=errors),
                            status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_html(request) and exc.status_code in (404, 405):
            return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "errors": [],
                                              "message": str(exc.detail)}, status_code=exc.status_code)
        code = NotFoundError.code if exc.status_code in (404, 405) else (
            RequestParameterError.code if 400 <= exc.status_code < 500 else ServerError.code)
        return JSONResponse(error_body(code, str(exc.detail), detail=exc.detail), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(LagebildError)
    async def lagebild_error(request: Request, exc: LagebildError) -> Response:
        # e.g. E040: the store cannot be read; the message names the code and the file, not the code path
        return JSONResponse(error_body(exc.code, str(exc)), status_code=503)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        """Any unexpected failure: logged with its trace and an incident id; the page shows the id, never the trace."""
        return failure_response(request, exc, templates, wants_html(request), SECURITY_HEADERS)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict:
        return {"ok": True}

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    from . import api, pages, stories

    app.include_router(api.router)
    app.include_router(stories.router)
    app.include_router(stories.pages)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
