"""Reading a request: prompt -> AppSpec (the offline architect's half of the engine).

The stages live in their own modules and run in the order of `pipeline.STAGES`: normalise -> sentences ->
candidates -> entities -> kinds -> attributes -> relations -> features -> style -> reach -> coverage.
"""

from core.engine.understand.infer import describe_capabilities, infer_spec
from core.engine.understand.pipeline import understand

__all__ = ["describe_capabilities", "infer_spec", "understand"]
