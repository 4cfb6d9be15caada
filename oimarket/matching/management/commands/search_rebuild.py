"""`manage.py search_rebuild`: rebuild the search index from the database, with progress."""

import time

from django.core.management.base import BaseCommand

from oimarket.matching.engine import rebuild
from oimarket.matching.storage import dense_enabled, index_dir
from oimarket.matching.tasks import embed_missing_task


class Command(BaseCommand):
    help = (
        "Rebuild the lexical index of programs, challenges, startups and organizations, then "
        "embed the documents whose text changed (unchanged ones keep their vectors)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-vectors", action="store_true", help="Rebuild the lexical index only."
        )
        parser.add_argument(
            "--vectors-in-worker",
            action="store_true",
            help="Rebuild the lexical index now and let the task worker embed in the background.",
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        self._shown: dict[str, int] = {}
        self.stdout.write(f"search_rebuild: index in {index_dir()}")
        later = options["vectors_in_worker"]
        vectors = not (options["no_vectors"] or later)
        counts = rebuild(progress=self.progress, vectors=vectors)
        self.stdout.write(
            f"search_rebuild: {counts['documents']} documents, {counts['embedded']} embedded, "
            f"in {time.perf_counter() - started:.1f}s"
        )
        if later and dense_enabled():
            embed_missing_task.enqueue()
            self.stdout.write("search_rebuild: the task worker embeds the documents next")

    def progress(self, stage: str, done: int, total: int) -> None:
        """One line per 5 % step: `lexical  45% [#########...........] 4500/10000`."""
        percent = 100 if total == 0 else done * 100 // total
        step = percent // 5
        if self._shown.get(stage) == step:
            return
        self._shown[stage] = step
        bar = "#" * step + "." * (20 - step)
        self.stdout.write(f"{stage:<8} {percent:>3}% [{bar}] {done}/{total}")
