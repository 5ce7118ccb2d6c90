"""seedclean: clean scraped web-text documents and explain every change.

Public API::

    from cleaner import clean
    result = clean(text)
    result.text        # the clean document
    result.findings    # every removal/repair: code, span, replacement, reason
"""
from .findings import Finding
from .pipeline import CleanResult, clean

__all__ = ["clean", "CleanResult", "Finding", "__version__"]
__version__ = "0.1.0"
