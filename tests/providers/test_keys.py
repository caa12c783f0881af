"""User keys: Fernet at rest, masked views, validation, the generated key file, connection tests."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from core import keys
from core.config import get_settings
from core.errors import ValidationError
from tests.fakes import FakeAnthropic, FakeOpenAI, FakeTGI, Reply

RAW = "sk-proj-RAWKEYVALUE-0123456789a1b2"


def test_save_list_delete_show_only_masked_keys(user_id: int) -> None:
    view = keys.save_key(user_id=user_id, provider="openai", api_key=f"  {RAW}\n", model="gpt-4o-mini")
    assert view.masked == "sk-…a1b2" and view.label == "OpenAI" and view.model == "gpt-4o-mini"
    assert RAW not in repr(view)
    keys.save_key(user_id=user_id, provider="anthropic", api_key="sk-ant-api03-zzzzzzzzzzzz9876")
    listed = keys.list_keys(user_id)
    assert [(v.provider, v.masked) for v in listed] == [("anthropic", "sk-…9876"), ("openai", "sk-…a1b2")]
    assert all(v.created_at for v in listed)
    assert keys.get_key(user_id=user_id, provider="openai").api_key == RAW
    assert RAW not in repr(keys.get_key(user_id=user_id, provider="openai"))
    assert keys.delete_key(user_id=user_id, provider="openai") is True
    assert keys.delete_key(user_id=user_id, provider="openai") is False
    assert keys.get_key(user_id=user_id, provider="openai") is None
    assert [v.provider for v in keys.list_keys(user_id)] == ["anthropic"]


def test_saving_again_replaces_the_key(user_id: int) -> None:
    keys.save_key(user_id=user_id, provider="openai", api_key=RAW)
    keys.save_key(user_id=user_id, provider="openai", api_key="sk-second-key-000000ffff")
    assert [v.masked for v in keys.list_keys(user_id)] == ["sk-…ffff"]


def test_raw_key_is_not_in_the_database_file(user_id: int, db: str) -> None:
    keys.save_key(user_id=user_id, provider="openai", api_key=RAW)
    from db.session import get_engine

    get_engine().dispose()  # checkpoint the WAL into the main file
    db_path = Path(db.removeprefix("sqlite:///"))
    blobs = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert b"sk-" in blobs  # the masked hint is stored
    assert RAW.encode() not in blobs and RAW[8:20].encode() not in blobs


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"provider": "cohere", "api_key": "k" * 20}, "Unknown provider 'cohere'"),
        ({"provider": "openai", "api_key": "   "}, "empty"),
        ({"provider": "openai", "api_key": "sk-abc def"}, "spaces"),
        ({"provider": "openai", "api_key": RAW, "base_url": "localhost:11434"}, "http"),
        ({"provider": "openai_compatible", "api_key": "ollama"}, "base URL"),
        ({"provider": "openai_compatible", "api_key": "ollama", "base_url": "https://bob:s3cret@llm.example/v1"},
         "Remove the user name and password"),
    ],
)
def test_bad_input_is_refused(user_id: int, kwargs: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        keys.save_key(user_id=user_id, **kwargs)


def test_generated_encryption_key_is_created_once_with_mode_0600(user_id: int) -> None:
    keys.save_key(user_id=user_id, provider="openai", api_key=RAW)
    path = Path(get_settings().data_dir) / ".encryption_key"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    first = path.read_bytes()
    keys._fernets.clear()  # a new process
    assert keys.get_key(user_id=user_id, provider="openai").api_key == RAW
    assert path.read_bytes() == first


def test_encryption_key_setting_is_used_and_a_changed_key_is_reported(user_id: int, monkeypatch) -> None:
    monkeypatch.setenv("ENCRYPTION_KEY", Fernet.generate_key().decode())
    get_settings.cache_clear()
    keys.save_key(user_id=user_id, provider="openai", api_key=RAW)
    assert not (Path(get_settings().data_dir) / ".encryption_key").exists()
    monkeypatch.setenv("ENCRYPTION_KEY", "an operator passphrase, not a Fernet key")
    get_settings.cache_clear()
    with pytest.raises(ValidationError, match="cannot be decrypted"):
        keys.get_key(user_id=user_id, provider="openai")


def test_connection_ok_against_the_fakes(
    user_id: int, fake_openai: FakeOpenAI, fake_tgi: FakeTGI, fake_anthropic: FakeAnthropic
) -> None:
    keys.save_key(
        user_id=user_id, provider="openai", api_key=RAW, base_url=fake_openai.base_url, model="gpt-t"
    )
    keys.save_key(user_id=user_id, provider="joxcoder", api_key="hf_abcdefghijklmnop", base_url=fake_tgi.url)
    keys.save_key(
        user_id=user_id, provider="anthropic", api_key="sk-ant-0123456789ab", base_url=fake_anthropic.base_url
    )
    for provider in ("openai", "joxcoder", "anthropic"):
        ok, message = keys.test_connection(user_id=user_id, provider=provider)
        assert ok, message
        assert message.startswith("Connected to")
    assert fake_openai.requests[0].body["max_completion_tokens"] == 8
    assert keys.test_connection(user_id=user_id, provider="offline")[0]


def test_connection_failures_are_messages_not_exceptions(user_id: int, fake_openai: FakeOpenAI) -> None:
    keys.save_key(user_id=user_id, provider="openai", api_key=RAW, base_url=fake_openai.base_url)
    fake_openai.default = Reply.error(401, f"Incorrect API key provided: {RAW}")
    ok, message = keys.test_connection(user_id=user_id, provider="openai")
    assert not ok and "the API key was rejected (HTTP 401)" in message and RAW not in message
    assert len(fake_openai.requests) == 1
    ok, message = keys.test_connection(user_id=user_id, provider="anthropic")
    assert not ok and "Anthropic is not configured" in message
    ok, message = keys.test_connection(user_id=None, provider="nope")
    assert not ok and "Unknown provider" in message
