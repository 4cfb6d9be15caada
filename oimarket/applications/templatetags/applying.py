"""Applications to programs in templates: ``{% load applying %}``.

- ``{% program_apply program %}``: on a program page, the "Apply" call to action for a
  startup (or a link to its draft or submitted application), the reason when it cannot
  apply, nothing when the program takes no application on oimarket. It reads `startup` and
  `eligibility` from the page's context (the program page's own verdict).
"""

from django import template

from ..selectors.applications import live_application_of, program_accepts_applications
from ..services.applications import application_closed_reason

register = template.Library()


@register.inclusion_tag("applications/application_cta.html", takes_context=True)
def program_apply(context, program) -> dict:
    if not program_accepts_applications(program):
        return {"show": False}
    user = context["request"].user
    startup = context.get("startup")
    if startup is None and context.get("can_edit"):
        return {"show": False}  # the program's own editors: they have the owner actions
    data = {"show": True, "program": program}
    existing = live_application_of(program=program, startup=startup) if startup else None
    if existing is not None:
        return {**data, "existing": existing}
    data["closed_reason"] = application_closed_reason(program)
    if not user.is_authenticated:
        return {**data, "anonymous": True}
    if startup is None:
        return {**data, "no_startup": True}
    report = context.get("eligibility")
    return {**data, "failed": report.failed if report else []}
