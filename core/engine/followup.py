"""Follow-up instructions on an existing AppSpec (stub replaced below)."""
