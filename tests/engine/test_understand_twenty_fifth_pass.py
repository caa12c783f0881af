"""Understanding (issue 9), twenty-fifth pass: camera tools, decoders that answer with a list, and code analysers."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names


@pytest.mark.parametrize(
    "prompt",
    [
        "Una web que use la cámara del portátil para detectar si estoy sonriendo y me ponga una canción alegre.",
        "A page that uses my webcam to detect whether I am slouching and beeps.",
        "A page where the phone camera looks at your face shape and suggests glasses frames that suit you.",
        "Paste a cron expression like '0 5 * * 1' and get it back in plain English: minute, hour, day of week and "
        "month.",
        "A tool that measures the time complexity of a Python function and suggests faster loops.",
        "The Code Efficiency Checker evaluates snippets and recommends patterns that use less memory.",
    ],
)
def test_camera_tools_decoders_and_code_analysers_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("A plant journal: I take photos of each plant with my phone camera and log every watering.", {"Plant"}),
        ("Un diario de plantas: hago fotos con la cámara del móvil a cada planta y apunto cada riego.", {"Plant"}),
        ("A security company app: guards log patrols, each camera has a location, and each camera detects "
         "incidents that a supervisor reviews.", {"Guard", "Patrol", "Camera", "Incident"}),
        ("Customers paste their order number and get it back with the delivery status; we manage orders, customers "
         "and couriers.", {"Customer", "Order", "Courier"}),
    ],
)
def test_data_apps_with_a_camera_or_a_lookup_are_built(prompt: str, kept: set[str]) -> None:
    assert kept <= names(infer_spec(prompt))
