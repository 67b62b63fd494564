"""The REST API under /api/v1/: the same services and the same scoping as the web pages."""
