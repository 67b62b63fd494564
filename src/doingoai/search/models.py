"""No Django models: the index is a table of each database's own kind (FTS5, tsvector), made in index.py.

This module exists so that Django sends the app its post_migrate signal, after which the index is repaired.
"""
