"""`manage.py seed_demo`: load the deterministic demo world (see oimarket/core/demo)."""

import time

from django.core.management.base import BaseCommand, CommandError

from oimarket.core.demo import builder
from oimarket.core.demo.logins import demo_logins_table
from oimarket.programs.models import Program


class Command(BaseCommand):
    help = (
        "Load demo organizations, startups, programs and challenges. --programs is the exact "
        "number of programs (the 7 story programs included), --startups the exact number of "
        "startups (the demo startup included)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--startups", type=int, default=builder.DEFAULT_STARTUPS)
        parser.add_argument("--programs", type=int, default=builder.DEFAULT_PROGRAMS)
        parser.add_argument("--seed", type=int, default=builder.DEFAULT_SEED)
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if any program exists."
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="First delete all programs, challenges, organizations and non-superusers.",
        )

    def handle(self, *args, **options):
        quiet = options["verbosity"] == 0
        log = (lambda line: None) if quiet else self.stdout.write
        if options["if_empty"] and Program.objects.exists():
            log("seed_demo: programs exist already, nothing to do (--if-empty).")
            return
        started = time.perf_counter()
        if options["reset"]:
            builder.wipe(log=log)
        elif builder.demo_data_present():
            raise CommandError("Demo data is loaded already: add --reset to load it afresh.")
        log(
            f"seed_demo: {options['startups']} startups, {options['programs']} programs, "
            f"seed {options['seed']}"
        )
        try:
            counts = builder.seed(
                startups=options["startups"],
                programs=options["programs"],
                seed=options["seed"],
                log=log,
            )
        except builder.SeedError as exc:
            raise CommandError(str(exc)) from exc
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        log(f"seed_demo: done in {time.perf_counter() - started:.1f}s ({summary})")
        log(demo_logins_table())
