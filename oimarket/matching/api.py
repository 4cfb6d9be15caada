"""JSON shapes of the search API. One function per payload, so the page and the API agree."""

from django.http import JsonResponse

from .selectors import Result, SearchPage


def errors(form) -> JsonResponse:
    """400 with each field's messages, in the user's language."""
    return JsonResponse(
        {"errors": {name: [str(m) for m in msgs] for name, msgs in form.errors.items()}},
        status=400,
    )


def eligibility_payload(report) -> dict | None:
    if report is None:
        return None
    return {
        "status": report.status.code,
        "rules": [
            {"code": o.code, "status": o.status.code, "rule": o.condition, "detail": o.detail}
            for o in report.outcomes
        ],
    }


def result_payload(result: Result, *, request) -> dict:
    obj = result.obj
    closes_at = getattr(obj, "closes_at", None)
    return {
        "kind": result.kind,
        "id": result.pk,
        "title": result.title,
        "organization": result.organization,
        "url": request.build_absolute_uri(result.url),
        "snippet": "".join(piece for piece, _ in result.snippet),
        "highlights": [piece for piece, matched in result.snippet if matched],
        "matched_terms": list(result.matched_terms),
        "reasons": result.reasons,
        "score": round(result.score, 6),
        "engines": {"lexical_rank": result.lexical_rank, "dense_rank": result.dense_rank},
        "closes_at": closes_at.isoformat() if closes_at else None,
        "eligibility": eligibility_payload(result.eligibility),
    }


def search_payload(page: SearchPage, *, request) -> dict:
    return {
        "query": page.query.params() | {"eligible": page.query.eligible_only},
        "page": page.query.page,
        "has_next": page.has_next,
        "count": page.total,
        "did_you_mean": page.did_you_mean or None,
        "facets": {"kind": page.kind_counts, "fields": page.field_counts},
        "results": [result_payload(r, request=request) for r in page.results],
    }


def match_payload(match, *, request) -> dict:
    obj = match.obj
    closes_at = getattr(obj, "closes_at", None)
    title = obj.display_name if match.kind in ("startup", "organization") else obj.display_title
    return {
        "kind": match.kind,
        "id": match.pk,
        "title": title,
        "url": request.build_absolute_uri(obj.get_absolute_url()),
        "score": round(match.score, 6),
        "reasons": match.reasons,
        "shared_terms": match.shared_terms,
        "shared_fields": [f.code for f in match.shared_fields],
        "decision": match.decision or None,
        "closes_at": closes_at.isoformat() if closes_at else None,
        "eligibility": eligibility_payload(match.eligibility),
    }
