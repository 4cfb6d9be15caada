from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from oimarket.core.redirects import safe_next_url

from . import selectors, services


class NotificationListView(ListView):
    """The user's notifications, newest first; unread ones are marked."""

    template_name = "notifications/notification_list.html"
    context_object_name = "notifications"
    paginate_by = 20

    def get_queryset(self):
        return selectors.notifications_for(self.request.user)


@require_POST
def notification_read(request, pk: int):
    """Mark one notification read, then open its link (`open`) or go back (`next`)."""
    notification = get_object_or_404(selectors.notifications_for(request.user), pk=pk)
    services.notification_mark_read(notification=notification)
    back = safe_next_url(request, reverse("notifications:list"))
    if "open" in request.POST:
        return redirect(safe_next_url(request, back, value=notification.url))
    return redirect(back)


@require_POST
def notifications_read_all(request):
    services.notifications_mark_all_read(user=request.user)
    return redirect(safe_next_url(request, reverse("notifications:list")))
