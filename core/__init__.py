"""AUTOCREA core: the product, importable and testable without Streamlit."""

__version__ = "0.1.0"
