"""gunicorn settings shared by ./run and production (`gunicorn -c config/gunicorn.py ...`)."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_WORKERS", "2"))
timeout = 60
accesslog = "-"
loglevel = "warning"


def post_worker_init(worker):
    from oimarket.core.runtime import tune_web_process
    from oimarket.matching.engine import warm_up

    warm_up()  # Kiwi and the models load here, not in a visitor's first search
    tune_web_process()
