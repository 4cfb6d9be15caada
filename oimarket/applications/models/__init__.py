from .applications import (
    Answer,
    Application,
    ApplicationForm,
    FormSection,
    Question,
    ReviewResolution,
)
from .proposals import Proposal

__all__ = [
    "Answer",
    "Application",
    "ApplicationForm",
    "FormSection",
    "Proposal",
    "Question",
    "ReviewResolution",
]
