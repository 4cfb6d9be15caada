from django.conf import settings


def site(request):
    return {"SITE_NAME": "oimarket", "DEBUG": settings.DEBUG}
