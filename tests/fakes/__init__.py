"""Fakes (draft)."""

from tests.fakes.anthropic_fake import FakeAnthropic
from tests.fakes.openai_fake import FakeOpenAI
from tests.fakes.server import FakeServer, RecordedRequest, Reply
from tests.fakes.tgi_fake import FakeTGI

__all__ = ["FakeAnthropic", "FakeOpenAI", "FakeServer", "FakeTGI", "RecordedRequest", "Reply"]
