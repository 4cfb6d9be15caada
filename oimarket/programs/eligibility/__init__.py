"""Eligibility rules as data, checked with reasons (see docs/eligibility.md)."""
