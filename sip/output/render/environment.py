"""The one Jinja environment of sip render: where templates come from, how text is escaped,
and the filters and charts templates may use.

- Templates: a `--templates DIR` first (a file there replaces the built-in one of the same
  name), then the built-in ones; a user template can also extend a built-in one as
  "builtin/report.html.j2" and replace only some blocks.
- Escaping: HTML templates (*.html.j2) are autoescaped. Markdown templates (*.md.j2) are
  autoescaped too, and every value they print is first made inert Markdown (escape.py),
  so that no template, ours or a user's, can forget to escape plan text.
- StrictUndefined, and printing None is an error: a misspelt or optional field fails loudly
  instead of leaving a blank or "None" in a report.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path
from urllib.parse import quote

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from sip.exits import UsageError
from sip.format.wording import plural
from sip.output.render.charts import CHARTS
from sip.output.render.escape import inert, markdown_escape
from sip.resources import resource_dir

HTML_SUFFIX = ".html.j2"
MARKDOWN_SUFFIX = ".md.j2"


def builtin_templates() -> Path:
    return resource_dir("templates")


def _autoescape(name: str | None) -> bool:
    # select_autoescape(["html"]) looks at the last suffix only, and would miss "report.html.j2".
    return name is not None and name.endswith((HTML_SUFFIX, MARKDOWN_SUFFIX, ".html"))


@pass_context
def _finalize(context: Context, value: object) -> object:
    if value is None:
        raise TemplateError("a template printed None: guard the optional field with {% if %}")
    if context.name is not None and context.name.endswith(MARKDOWN_SUFFIX) and not isinstance(value, Markup):
        return markdown_escape(str(value))
    if isinstance(value, str) and not isinstance(value, Markup):
        return inert(value)  # HTML: autoescaped after this
    return value


def number(value: float) -> str:
    """1850 -> 1,850; 1234.5 -> 1,234.50 (money is whole or to the cent)."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SHARE = re.compile(r"([0-9]) %")


def keep_dates(value: str) -> Markup:
    """HTML: the text escaped, with each YYYY-MM-DD kept on one line (a browser would break a
    date at its hyphens), and each share's "%" with its number ("16.7 %")."""
    escaped = _SHARE.sub("\\1&#8239;%", str(Markup.escape(inert(value))))
    return Markup(_DATE.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', escaped))


def url(value: str) -> Markup:
    """A link part (a page name, a fragment) percent-encoded but for letters, digits and
    '-._~': safe alike in an HTML attribute and a Markdown link, where plan ids pass unchanged."""
    return Markup(quote(value, safe=""))


def make_environment(user_templates: Path | None = None) -> Environment:
    builtin = FileSystemLoader(builtin_templates())
    loaders = [FileSystemLoader(user_templates)] if user_templates is not None else []
    environment = Environment(
        loader=ChoiceLoader([*loaders, builtin, PrefixLoader({"builtin": builtin})]),
        autoescape=_autoescape,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # compiled once per process: a site of 1,000 pages reuses them
    )
    environment.filters.update(number=number, plural=plural, url=url, keep_dates=keep_dates)
    environment.globals.update(CHARTS)
    return environment


class Templates:
    """The templates of one run, each compiled once, with errors in a user's templates
    reported as usage errors (exit 2) naming the file and line."""

    def __init__(self, user_templates: Path | None = None) -> None:
        if user_templates is not None and not user_templates.is_dir():
            raise UsageError(f"{user_templates}: no such templates folder")
        self.user = user_templates.resolve() if user_templates is not None else None
        self.environment = make_environment(user_templates)
        self._compiled: dict[str, Template] = {}

    def render(self, name: str, **context: object) -> str:
        try:
            template = self._compiled.get(name)
            if template is None:
                template = self._compiled[name] = self.environment.get_template(name)
            return template.render(**context)
        except TemplateNotFound as error:
            raise UsageError(f"template {error.name} not found") from None
        except TemplateSyntaxError as error:
            self._raise_if_users(error, error.filename, error.lineno)
            raise
        except (OSError, UnicodeDecodeError) as error:  # while loading the template, not rendering
            if name in self._compiled:
                raise
            what = (
                "is not UTF-8"
                if isinstance(error, UnicodeDecodeError)
                else (error.strerror or str(error)).lower()
            )
            raise UsageError(f"template {name}: cannot be read: {what}") from None
        except Exception as error:  # noqa: BLE001 - a user's template may fail in any way
            frames = [
                f
                for f in traceback.extract_tb(error.__traceback__)
                if f.filename.endswith((".j2", ".css", ".html"))
            ]
            if frames:
                self._raise_if_users(error, frames[-1].filename, frames[-1].lineno)
            raise

    def _raise_if_users(self, error: Exception, filename: str | None, line: int | None) -> None:
        """A broken user template is the user's to fix (exit 2); a broken built-in one is a bug."""
        if self.user is None or filename is None:
            return
        path = Path(filename).resolve()
        if path.is_relative_to(self.user):
            message = getattr(error, "message", None) or str(error) or type(error).__name__
            raise UsageError(f"{path}:{line}: template error: {message}") from None
