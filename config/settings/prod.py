from .base import *  # noqa: F403
from .base import SECRET_KEY

if SECRET_KEY.startswith("dev-insecure"):
    raise RuntimeError("Set SECRET_KEY in the environment for production.")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
