"""Settings: environment variables, `.env` and `.streamlit/secrets.toml`, in that order."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class _SecretsTomlSource(PydanticBaseSettingsSource):
    """Reads top-level keys of `.streamlit/secrets.toml` (upper- or lower-case)."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = ROOT / ".streamlit" / "secrets.toml"
        if not path.is_file():
            return {}
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            return {}
        names = set(self.settings_cls.model_fields)
        return {k.lower(): v for k, v in data.items() if k.lower() in names and not isinstance(v, dict)}


class Settings(BaseSettings):
    """Every setting of AUTOCREA; `.env.example` documents each one."""

    model_config = SettingsConfigDict(env_file=ROOT / ".env", extra="ignore", case_sensitive=False)

    # Core
    database_url: str = f"sqlite:///{ROOT / 'data' / 'autocrea.db'}"
    data_dir: Path = ROOT / "data"
    cookie_key: str = ""
    cookie_name: str = "autocrea_auth"
    cookie_expiry_days: float = 30.0
    encryption_key: str = ""
    log_level: str = "INFO"
    sentry_dsn: str = ""
    environment: str = "development"
    public_url: str = "http://localhost:8501"

    # Credits
    trial_credits: int = 100
    generation_cost: int = 50
    followup_cost: int = 10

    # Generation
    max_prompt_chars: int = 8000
    max_files: int = 200
    max_file_bytes: int = 1_000_000
    max_project_bytes: int = 5_000_000
    test_timeout_seconds: int = 120
    max_concurrent_jobs_per_user: int = 2
    preview_link_minutes: int = 60  # a /preview link's lifetime, renewed while the owner views the project
    worker_threads: int = 4
    repair_rounds: int = 2
    default_provider: str = "offline"
    fallback_provider: str = ""
    allow_unisolated_model_code: bool = False
    allow_local_git_remotes: bool = False

    # Providers
    joxcoder_api_url: str = ""
    joxcoder_api_key: str = ""
    joxcoder_model: str = "joxcoder"
    joxcoder_route: str = "text-generation"
    openai_api_key: str = ""
    openai_base_url: str = ""
    openai_model: str = "gpt-4o-mini"
    anthropic_api_key: str = ""
    anthropic_base_url: str = ""
    anthropic_model: str = "claude-sonnet-4-5"
    # JoxCoder Local (llama-server on this machine; `make model` installs it, MODEL_DIR says where)
    model_dir: str = ""
    local_model_url: str = ""
    local_model_port: int = 8716
    local_model_threads: int = 0  # 0: auto (all cores when idle, one when the machine is busy)
    local_model_context: int = 8192
    local_model_timeout_seconds: float = 600.0
    context_tokens: str = ""
    provider_timeout_seconds: float = 60.0
    provider_budget_seconds: float = 120.0

    # Billing and scale
    stripe_secret_key: str = ""
    stripe_webhook_secret: str = ""
    stripe_api_base: str = ""
    redis_url: str = ""
    redis_queue: str = "autocrea"
    queue_timeout_minutes: int = 30  # a run no worker started within this is failed and refunded
    login_attempts_per_minute: int = 5
    login_attempts_per_minute_per_address: int = 20

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Environment first, then `.env`, then Streamlit secrets."""
        return (init_settings, env_settings, dotenv_settings, _SecretsTomlSource(settings_cls))

    @property
    def is_sqlite(self) -> bool:
        """True when the database is a SQLite file."""
        return self.database_url.startswith("sqlite")

    def enabled_services(self) -> dict[str, bool]:
        """Optional services and whether each is configured."""
        return {
            "stripe": bool(self.stripe_secret_key),
            "joxcoder": bool(self.joxcoder_api_url or self.joxcoder_api_key),
            "openai": bool(self.openai_api_key),
            "anthropic": bool(self.anthropic_api_key),
            "redis": bool(self.redis_url),
            "sentry": bool(self.sentry_dsn),
        }


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (call `get_settings.cache_clear()` after changing the environment)."""
    return Settings()
