"""`manage.py demo_logins --url URL`: where oimarket runs and how to log in."""

from django.core.management.base import BaseCommand

from oimarket.core.demo.logins import demo_logins_table


class Command(BaseCommand):
    help = "Print the address of the site and the demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000")

    def handle(self, *args, **options):
        self.stdout.write(demo_logins_table(options["url"]))
