"""Readiness: the pure rules (`rules`), the reads they need, and the pages that show them."""
