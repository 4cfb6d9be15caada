"""Operator views of applicants (issue 5 point 6); included by urls.py in the same namespace."""

urlpatterns: list = []
