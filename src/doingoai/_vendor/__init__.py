"""Third-party code shipped inside doingoai, unmodified; see README.md beside this file."""
