"""`manage.py search_rebuild`: rebuild the search index from the database, with progress."""

import time

from django.core.management.base import BaseCommand

from oimarket.matching.engine import rebuild
from oimarket.matching.storage import index_dir


class Command(BaseCommand):
    help = (
        "Rebuild the lexical index of programs, challenges, startups and organizations, then "
        "embed the documents whose text changed (unchanged ones keep their vectors)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-vectors", action="store_true", help="Rebuild the lexical index only."
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        self._shown: dict[str, int] = {}
        self.stdout.write(f"search_rebuild: index in {index_dir()}")
        counts = rebuild(progress=self.progress, vectors=not options["no_vectors"])
        self.stdout.write(
            f"search_rebuild: {counts['documents']} documents, {counts['embedded']} embedded, "
            f"in {time.perf_counter() - started:.1f}s"
        )

    def progress(self, stage: str, done: int, total: int) -> None:
        """One line per 5 % step: `lexical  45% [#########...........] 4500/10000`."""
        percent = 100 if total == 0 else done * 100 // total
        step = percent // 5
        if self._shown.get(stage) == step:
            return
        self._shown[stage] = step
        bar = "#" * step + "." * (20 - step)
        self.stdout.write(f"{stage:<8} {percent:>3}% [{bar}] {done}/{total}")
