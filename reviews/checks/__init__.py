"""Clerical-error checks: "would you say … already works at …?", and the answers."""
